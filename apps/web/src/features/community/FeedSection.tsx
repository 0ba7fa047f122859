import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { markReadInCaches, useFeed } from './api.ts';
import { PostCard } from './components/PostCard.tsx';

/**
 * The home feed: posts of my communities and company-wide announcements, newest first, with
 * unread markers; more on request (cursor). New posts arrive live (realtime bridge).
 */
export function FeedSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const feed = useFeed();
  const posts = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = posts.filter((p) => p.unread);

  // "Mark all read": each community's position moves to its newest unread post shown here.
  const markAll = useMutation({
    mutationFn: async () => {
      const newest = new Map<string, { createdAt: string; id: string }>();
      for (const p of unread) {
        const cur = newest.get(p.communityId);
        if (!cur || p.createdAt > cur.createdAt || (p.createdAt === cur.createdAt && p.id > cur.id))
          newest.set(p.communityId, { createdAt: p.createdAt, id: p.id });
      }
      await Promise.all(
        [...newest].map(async ([communityId, upTo]) => {
          await api.post(`/api/communities/${communityId}/read`, { postId: upTo.id });
          markReadInCaches(qc, communityId, upTo);
        }),
      );
    },
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="feed-title">
      <Group justify="space-between" align="center" gap="xs">
        <Group gap="xs" align="baseline">
          <Title order={2} size="h4" id="feed-title">
            {t('community.feed.title')}
          </Title>
          {unread.length ? (
            <Text size="sm" c="teal.8" fw={600} aria-live="polite">
              {t('community.feed.unreadCount', { count: unread.length })}
            </Text>
          ) : null}
        </Group>
        {unread.length ? (
          <Button size="xs" variant="subtle" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('community.feed.markAllRead')}
          </Button>
        ) : null}
      </Group>
      {feed.isPending ? (
        <LoadingState />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : !posts.length ? (
        <EmptyState
          action={
            <Button component={Link} to="/community?scope=all" variant="light">
              {t('community.feed.findCommunities')}
            </Button>
          }
        >
          {t('community.feed.empty')}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {posts.map((p) => (
            <PostCard key={p.id} post={p} showCommunity headingLevel={3} />
          ))}
          {feed.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void feed.fetchNextPage()}
                loading={feed.isFetchingNextPage}
              >
                {t('community.loadMore')}
              </Button>
            </Group>
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('community.feed.end')}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
