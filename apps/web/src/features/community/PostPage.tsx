import { useEffect } from 'react';
import { Anchor, Breadcrumbs, Card, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { useLiveStream } from '../../realtime/liveStreams.ts';
import { markReadInCaches, useCommunity, usePost } from './api.ts';
import { Comments } from './components/Comments.tsx';
import { PostCard } from './components/PostCard.tsx';
import { PostComposer } from './components/PostComposer.tsx';

/** A post on its own page (where notifications and search lead): the post, editing, and its thread. */
export function PostPage() {
  const { communityId = '', postId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const post = usePost(postId);
  const community = useCommunity(communityId);
  const editing = params.get('edit') === '1' && !!post.data?.abilities.edit && !!community.data;
  useLiveStream(community.data && !community.data.joined ? `community:${communityId}` : null);

  // Opening a post marks my community read up to it (never backwards: the server keeps the newest).
  const loaded = post.data;
  const joined = community.data?.joined;
  useEffect(() => {
    if (!loaded || !joined) return;
    void api
      .post(`/api/communities/${loaded.communityId}/read`, { postId: loaded.id })
      .then(() => markReadInCaches(qc, loaded.communityId, { createdAt: loaded.createdAt, id: loaded.id }))
      .catch(() => undefined);
  }, [loaded?.id, joined]); // eslint-disable-line react-hooks/exhaustive-deps -- once per post

  const setEditing = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('edit', '1');
    else next.delete('edit');
    setParams(next, { replace: true });
  };

  if (post.isPending) return <LoadingState />;
  if (post.isError) {
    if (post.error instanceof ApiError && post.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  }
  const p = post.data;
  const author =
    p.author?.name ??
    (p.webhook ? t('community.webhook.author', { name: p.webhook.name }) : t('community.someone'));
  return (
    <>
      <Breadcrumbs mb="xs" separator="›">
        <Anchor component={Link} to="/community" size="sm">
          {t('shell.nav.community')}
        </Anchor>
        <Anchor component={Link} to={`/community/${p.communityId}`} size="sm">
          {p.community.name}
        </Anchor>
      </Breadcrumbs>
      <PageHeader title={p.title ?? t('community.post.untitled', { name: author })} />
      <Stack gap="lg" maw={860}>
        {editing && community.data ? (
          <Card withBorder padding="md" component="section" aria-label={t('community.composer.editTitle')}>
            <Text fw={600} mb="xs">
              {t('community.composer.editTitle')}
            </Text>
            <PostComposer
              community={community.data}
              editing={p}
              onDone={() => setEditing(false)}
              onCancel={() => setEditing(false)}
              autoFocus
            />
          </Card>
        ) : (
          <PostCard post={p} mode="page" hideTitle onEdit={() => setEditing(true)} />
        )}
        <Comments post={p} community={community.data} />
      </Stack>
    </>
  );
}
