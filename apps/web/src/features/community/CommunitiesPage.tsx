import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { Highlight } from '../search/Highlight.tsx';
import { useSearch } from '../search/api.ts';
import { useCommunities, useJoinedCommunities } from './api.ts';
import { CommunityCard } from './components/CommunityCard.tsx';
import { SearchIcon } from './components/icons.tsx';
import { CreateCommunityModal } from './CreateCommunityModal.tsx';

/**
 * コミュニティ: the directory of communities (mine, or all that are open to me), filtered by topic or
 * searched by name and purpose, and the way to start a new one.
 */
export function CommunitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const joined = useJoinedCommunities();
  const scope = (params.get('scope') as 'joined' | 'all' | null) ?? (joined.data?.length ? 'joined' : 'all');
  const topic = params.get('topic') ?? '';
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [creating, setCreating] = useState(params.get('create') === '1');
  const list = useCommunities(scope, topic);
  const found = useSearch({ q: debounced, type: 'community' });
  const moderates = me.abilities.admin || (joined.data ?? []).some((c) => c.membership === 'organizer');

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const searching = debounced.trim().length > 0;
  const hits = found.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('shell.nav.community')}
        description={t('community.list.intro')}
        actions={
          <>
            {moderates ? (
              <Button component={Link} to="/community/moderation" variant="default">
                {t('community.moderation.title')}
              </Button>
            ) : null}
            <Button onClick={() => setCreating(true)}>{t('community.create.open')}</Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            value={scope}
            onChange={(v) => setParam('scope', v)}
            data={[
              { value: 'joined', label: t('community.list.joined') },
              { value: 'all', label: t('community.list.all') },
            ]}
            aria-label={t('community.list.scope')}
          />
          <TextInput
            style={{ flex: '1 1 220px' }}
            maw={420}
            leftSection={<SearchIcon size={16} />}
            placeholder={t('community.list.searchPlaceholder')}
            aria-label={t('community.list.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            rightSection={
              q ? (
                <CloseButton
                  size="sm"
                  onClick={() => setQ('')}
                  aria-label={t('community.list.clearSearch')}
                />
              ) : null
            }
          />
        </Group>
        {topic ? (
          <Group gap="xs">
            <Text size="sm">{t('community.list.topicFilter')}</Text>
            <Badge
              variant="light"
              size="lg"
              style={{ textTransform: 'none' }}
              rightSection={
                <CloseButton
                  size="xs"
                  onClick={() => setParam('topic', null)}
                  aria-label={t('community.list.clearTopic')}
                />
              }
            >
              #{topic}
            </Badge>
          </Group>
        ) : null}

        {searching ? (
          found.isPending ? (
            <LoadingState />
          ) : found.isError ? (
            <ErrorState error={found.error} onRetry={() => void found.refetch()} />
          ) : !hits.length ? (
            <EmptyState>{t('community.list.noMatch')}</EmptyState>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label={t('community.list.results')}
            >
              {hits.map((h) => (
                <li key={h.id}>
                  <Card withBorder padding="sm">
                    <Anchor component={Link} to={`/community/${h.id}`} fw={700}>
                      <Highlight segments={h.title} />
                    </Anchor>
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      <Highlight segments={h.snippet} />
                    </Text>
                  </Card>
                </li>
              ))}
            </Stack>
          )
        ) : list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !items.length ? (
          <EmptyState
            action={
              scope === 'joined' ? (
                <Button variant="light" onClick={() => setParam('scope', 'all')}>
                  {t('community.list.browseAll')}
                </Button>
              ) : (
                <Button variant="light" onClick={() => setCreating(true)}>
                  {t('community.create.open')}
                </Button>
              )
            }
          >
            {scope === 'joined' ? t('community.list.emptyJoined') : t('community.list.emptyAll')}
          </EmptyState>
        ) : (
          <>
            <SimpleGrid
              cols={{ base: 1, sm: 2, lg: 3 }}
              spacing="md"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label={t('community.list.title')}
            >
              {items.map((c) => (
                <li key={c.id}>
                  <CommunityCard community={c} onTopic={(tp) => setParam('topic', tp)} />
                </li>
              ))}
            </SimpleGrid>
            {list.hasNextPage ? (
              <Group justify="center">
                <Button
                  variant="default"
                  onClick={() => void list.fetchNextPage()}
                  loading={list.isFetchingNextPage}
                >
                  {t('community.loadMore')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
      <CreateCommunityModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
