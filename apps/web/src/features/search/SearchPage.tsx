import { useEffect, useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { POST_KINDS, type PostKind } from '@engawa/shared';
import { PageHeader } from '../../components/PageHeader.tsx';
import { preventImeSubmit } from '../../components/ime.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { SearchIcon } from '../community/components/icons.tsx';
import { Time } from '../community/components/Time.tsx';
import { hitPath, useSearch, type SearchHit } from './api.ts';
import { CommunityFilter } from './CommunityFilter.tsx';
import { Highlight } from './Highlight.tsx';

type HitType = '' | 'post' | 'comment' | 'community';

/**
 * 検索: posts, comments and communities I may read, in Japanese and English (two-character words
 * such as 研修 are found), highlighted, filtered by type, community, kind and author. Communities
 * and authors are chosen by typing part of a name (searched on the server, so any number of them
 * works). The query lives in the URL so results can be shared and the back button works.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = (params.get('type') ?? '') as HitType;
  const communityId = params.get('communityId') ?? '';
  const authorId = params.get('authorId') ?? '';
  const authorName = params.get('authorName') ?? '';
  const kind = (params.get('kind') ?? '') as PostKind | '';
  const [input, setInput] = useState(q);
  useEffect(() => setInput(q), [q]);
  const search = useSearch({ q, type, communityId, authorId, kind });
  const hits = search.data?.pages.flatMap((p) => p.items) ?? [];

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: input.trim() || null });
  };

  return (
    <>
      <PageHeader title={t('search.title')} />
      <Stack gap="md" maw={860}>
        <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} role="search">
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<SearchIcon size={16} />}
              placeholder={t('search.placeholder')}
              aria-label={t('search.label')}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              rightSection={
                input ? (
                  <CloseButton size="sm" onClick={() => setInput('')} aria-label={t('search.clear')} />
                ) : null
              }
              autoFocus={!q}
              maxLength={200}
            />
            <Button type="submit">{t('common.search')}</Button>
          </Group>
        </form>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={type}
            onChange={(v) => update({ type: v || null, ...(v !== 'post' && v !== '' ? { kind: null } : {}) })}
            data={[
              { value: '', label: t('search.types.all') },
              { value: 'post', label: t('search.types.post') },
              { value: 'comment', label: t('search.types.comment') },
              { value: 'community', label: t('search.types.community') },
            ]}
            aria-label={t('search.typeFilter')}
          />
          <CommunityFilter value={communityId} onChange={(id) => update({ communityId: id })} />
          {type === '' || type === 'post' ? (
            <NativeSelect
              label={t('search.kindFilter')}
              value={kind}
              onChange={(e) => update({ kind: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('search.anyKind') },
                ...POST_KINDS.map((k) => ({ value: k, label: t(`community.kinds.${k}`) })),
              ]}
              maw={220}
            />
          ) : null}
          <Box w={260}>
            <PersonPicker
              label={t('search.authorFilter')}
              placeholder={t('search.anyAuthor')}
              value={authorId ? { id: authorId, name: authorName || '…', department: null } : null}
              onChange={(p) => update({ authorId: p?.id ?? null, authorName: p?.name ?? null })}
            />
          </Box>
        </Group>

        {!q ? (
          <Text size="sm" c="dimmed">
            {t('search.hint')}
          </Text>
        ) : search.isPending ? (
          <LoadingState />
        ) : search.isError ? (
          <ErrorState error={search.error} onRetry={() => void search.refetch()} />
        ) : !hits.length ? (
          <EmptyState>{t('search.noResults', { q })}</EmptyState>
        ) : (
          <Stack
            gap="sm"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('search.results', { q })}
          >
            {hits.map((hit) => (
              <li key={`${hit.type}:${hit.id}`}>
                <HitCard hit={hit} onAuthor={(a) => update({ authorId: a.id, authorName: a.name ?? '' })} />
              </li>
            ))}
          </Stack>
        )}
        {search.hasNextPage ? (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void search.fetchNextPage()}
              loading={search.isFetchingNextPage}
            >
              {t('community.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}

function HitCard({
  hit,
  onAuthor,
}: {
  hit: SearchHit;
  onAuthor: (a: { id: string; name: string | null }) => void;
}) {
  const { t } = useTranslation();
  const heading =
    hit.type === 'comment' ? (
      <Text span>
        {hit.postTitle ? t('search.commentOn', { title: hit.postTitle }) : t('search.commentOnUntitled')}
      </Text>
    ) : hit.title.length ? (
      <Highlight segments={hit.title} />
    ) : (
      <Text span>{t('community.post.untitled', { name: hit.author?.name ?? t('community.someone') })}</Text>
    );
  return (
    <Card withBorder padding="sm" component="article">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Badge
            size="xs"
            variant="light"
            color={hit.type === 'community' ? 'teal' : hit.type === 'comment' ? 'blue' : 'gray'}
          >
            {t(`search.types.${hit.type}`)}
          </Badge>
          {hit.kind && hit.kind !== 'post' ? (
            <Badge size="xs" variant="outline" color="gray">
              {t(`community.kinds.${hit.kind}`)}
            </Badge>
          ) : null}
          {hit.type !== 'community' ? (
            <Anchor component={Link} to={`/community/${hit.communityId}`} size="xs" c="dimmed">
              {hit.communityName}
            </Anchor>
          ) : null}
        </Group>
        <Anchor
          component={Link}
          to={hitPath(hit)}
          fw={600}
          c="var(--mantine-color-text)"
          style={{ overflowWrap: 'anywhere' }}
        >
          {heading}
        </Anchor>
        {hit.snippet.length ? (
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Highlight segments={hit.snippet} />
          </Text>
        ) : null}
        <Group gap={6}>
          {hit.author && hit.type !== 'community' ? (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => onAuthor(hit.author!)}
              aria-label={t('search.filterByAuthor', { name: hit.author.name ?? '' })}
            >
              {hit.author.name}
            </Anchor>
          ) : null}
          <Time iso={hit.createdAt} />
        </Group>
      </Stack>
    </Card>
  );
}
