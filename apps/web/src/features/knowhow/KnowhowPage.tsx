import { useState } from 'react';
import { Button, Chip, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { KNOWHOW_KINDS, type KnowhowKind } from '@engawa/shared';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useCommunity, useJoinedCommunities, useKnowhow } from '../community/api.ts';
import { PostCard } from '../community/components/PostCard.tsx';
import { PostComposer } from '../community/components/PostComposer.tsx';

function isKind(v: string | null): v is KnowhowKind {
  return !!v && (KNOWHOW_KINDS as readonly string[]).includes(v);
}

/**
 * ナレッジ: the know-how library across every community I may read: prompt recipes, success cases
 * and small failures with what was learned, filtered by kind, with "I used this" / "this helped".
 * Sharing one means posting it in a community (same machinery as any post).
 */
export function KnowhowPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: KnowhowKind | 'all' = isKind(kindParam) ? kindParam : 'all';
  const list = useKnowhow(kind);
  const [sharing, setSharing] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('shell.nav.knowhow')}
        description={t('community.knowhow.intro')}
        actions={<Button onClick={() => setSharing(true)}>{t('community.knowhow.share')}</Button>}
      />
      <Stack gap="md" maw={860}>
        <Chip.Group
          multiple={false}
          value={kind}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v === 'all') next.delete('kind');
            else next.set('kind', v as string);
            setParams(next, { replace: true });
          }}
        >
          <Group gap={6} role="radiogroup" aria-label={t('community.filterKind')}>
            <Chip value="all" size="sm">
              {t('community.allKinds')}
            </Chip>
            {KNOWHOW_KINDS.map((k) => (
              <Chip key={k} value={k} size="sm">
                {t(`community.kinds.${k}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {kind !== 'all' ? (
          <Text size="sm" c="dimmed">
            {t(`community.composer.kindHelp.${kind}`)}
          </Text>
        ) : null}
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !items.length ? (
          <EmptyState
            action={
              <Button variant="light" onClick={() => setSharing(true)}>
                {t('community.knowhow.share')}
              </Button>
            }
          >
            {t('community.knowhow.empty')}
          </EmptyState>
        ) : (
          <Stack gap="sm">
            {items.map((p) => (
              <PostCard key={p.id} post={p} showCommunity />
            ))}
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
          </Stack>
        )}
      </Stack>
      <ShareKnowhow
        opened={sharing}
        onClose={() => setSharing(false)}
        kind={kind === 'all' ? 'prompt_recipe' : kind}
      />
    </>
  );
}

/** Choosing a community (one I belong to), then the composer limited to know-how kinds. */
function ShareKnowhow({
  opened,
  onClose,
  kind,
}: {
  opened: boolean;
  onClose: () => void;
  kind: KnowhowKind;
}) {
  const { t } = useTranslation();
  const joined = useJoinedCommunities();
  const [picked, setPicked] = useState('');
  const communityId = picked || joined.data?.[0]?.id || '';
  const community = useCommunity(communityId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('community.knowhow.share')} size="lg">
      {joined.isPending ? (
        <LoadingState />
      ) : joined.isError ? (
        <ErrorState error={joined.error} onRetry={() => void joined.refetch()} />
      ) : !joined.data.length ? (
        <EmptyState
          action={
            <Button component={Link} to="/community?scope=all" variant="light" onClick={onClose}>
              {t('community.feed.findCommunities')}
            </Button>
          }
        >
          {t('community.knowhow.joinFirst')}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          <NativeSelect
            label={t('community.knowhow.where')}
            value={communityId}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={joined.data.map((c) => ({ value: c.id, label: c.name }))}
          />
          {community.data ? (
            <PostComposer
              key={`${community.data.id}-${kind}`}
              community={community.data}
              initialKind={kind}
              kinds={[...KNOWHOW_KINDS]}
              onDone={onClose}
              onCancel={onClose}
            />
          ) : community.isError ? (
            <ErrorState error={community.error} onRetry={() => void community.refetch()} />
          ) : (
            <LoadingState />
          )}
        </Stack>
      )}
    </Modal>
  );
}
