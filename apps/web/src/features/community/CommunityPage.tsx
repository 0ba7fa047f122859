import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Collapse,
  Group,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { POST_KINDS, type PostKind } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { useLiveStream } from '../../realtime/liveStreams.ts';
import { keys, useCommunity, useCommunityPosts } from './api.ts';
import { PostCard } from './components/PostCard.tsx';
import { PostComposer } from './components/PostComposer.tsx';
import { PurposeAndRules } from './components/RulesPanel.tsx';
import { DotsIcon } from './components/icons.tsx';
import { useAcknowledgeRules } from './usePublishGuard.tsx';
import type { Community } from './types.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';

/**
 * One community: its purpose and rules (shown first on a first visit, and before the first post),
 * joining and leaving, the composer, and its posts (pinned first) with live updates.
 */
export function CommunityPage() {
  const { communityId = '' } = useParams();
  const { t } = useTranslation();
  const community = useCommunity(communityId);
  // Readers who are not members still see new posts live while they look.
  useLiveStream(community.data && !community.data.joined ? `community:${communityId}` : null);

  if (community.isPending) return <LoadingState />;
  if (community.isError) {
    if (community.error instanceof ApiError && community.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={community.error} onRetry={() => void community.refetch()} />;
  }
  const c = community.data;
  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <Group gap={6} component="span" wrap="wrap">
            <Badge size="sm" variant="light" color={c.visibility === 'private' ? 'gray' : 'teal'}>
              {t(`community.visibility.${c.visibility}`)}
            </Badge>
            <span>{t('community.memberCount', { count: c.memberCount })}</span>
            {c.organizers.length ? (
              <span>{t('community.organizedBy', { names: c.organizers.map((o) => o.name).join('、') })}</span>
            ) : null}
          </Group>
        }
        actions={<CommunityActions community={c} />}
      />
      <Stack gap="md" maw={860}>
        {c.topics.length ? (
          <Group gap={4}>
            {c.topics.map((topic) => (
              <Badge
                key={topic}
                component={Link}
                to={`/community?scope=all&topic=${encodeURIComponent(topic)}`}
                variant="light"
                color="gray"
                style={{ textTransform: 'none', cursor: 'pointer' }}
              >
                #{topic}
              </Badge>
            ))}
          </Group>
        ) : null}
        <Introduction community={c} />
        {c.abilities.post ? (
          <Card withBorder padding="md" component="section" aria-labelledby="composer-title">
            <Title order={2} size="h5" id="composer-title" mb="xs">
              {t('community.composer.title')}
            </Title>
            <PostComposer community={c} />
          </Card>
        ) : null}
        <Posts community={c} />
      </Stack>
    </>
  );
}

/**
 * Purpose and rules: in full on a first visit (and when the rules changed) with the
 * acknowledgement, folded away afterwards. Non-members see them next to the join button.
 */
function Introduction({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ack = useAcknowledgeRules(c.id);
  const qc = useQueryClient();
  const join = useMutation({
    // The button says "I have read the purpose and rules: join", so it records both.
    mutationFn: async () => {
      await api.post<Community>(`/api/communities/${c.id}/join`);
      return api.post<Community>(`/api/communities/${c.id}/acknowledge`);
    },
    onSuccess: (full) => {
      qc.setQueryData(keys.community(c.id), full);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('community.joined', { name: c.name }) });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });

  if (!c.joined || c.needsRulesAck) {
    return (
      <Card
        withBorder
        padding="lg"
        component="section"
        aria-labelledby="intro-title"
        bg="var(--mantine-color-teal-0)"
      >
        <Stack gap="md">
          <Title order={2} size="h4" id="intro-title">
            {c.joined ? t('community.firstVisit.welcome') : t('community.firstVisit.about')}
          </Title>
          <PurposeAndRules community={c} />
          {c.privateReason ? (
            <Text size="sm" c="dimmed">
              {t('community.privateReasonShown', { reason: c.privateReason })}
            </Text>
          ) : null}
          {ack.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(ack.error, t('errors.common.internal'))}
            </Alert>
          ) : null}
          <Group gap="xs">
            {!c.joined && c.abilities.join ? (
              <Button onClick={() => join.mutate()} loading={join.isPending}>
                {t('community.joinWithRules')}
              </Button>
            ) : null}
            {c.joined && c.needsRulesAck ? (
              <Button onClick={() => ack.mutate()} loading={ack.isPending}>
                {t('community.firstVisit.acknowledge')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Card>
    );
  }
  return (
    <div>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
      >
        {open ? t('community.hideRules') : t('community.showRules')}
      </Anchor>
      <Collapse in={open}>
        <Card withBorder padding="md" mt="xs">
          <PurposeAndRules community={c} />
        </Card>
      </Collapse>
    </div>
  );
}

function CommunityActions({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirmLeave, setConfirmLeave] = useState(false);
  const leave = useMutation({
    mutationFn: () => api.post<Community | { left: true }>(`/api/communities/${c.id}/leave`),
    onSuccess: (res) => {
      setConfirmLeave(false);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('community.left', { name: c.name }) });
      if ('id' in res) qc.setQueryData(keys.community(c.id), res);
      else {
        qc.removeQueries({ queryKey: keys.community(c.id) });
        navigate('/community');
      }
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
  if (!c.abilities.manage && !c.abilities.leave) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" rightSection={<DotsIcon size={16} />}>
            {t('community.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {c.abilities.manage ? (
            <Menu.Item component={Link} to={`/community/${c.id}/settings`}>
              {t('community.settings.title')}
            </Menu.Item>
          ) : null}
          {c.abilities.moderate ? (
            <Menu.Item component={Link} to="/community/moderation">
              {t('community.moderation.title')}
            </Menu.Item>
          ) : null}
          {c.abilities.leave ? (
            <Menu.Item color="red" onClick={() => setConfirmLeave(true)}>
              {t('community.leave')}
            </Menu.Item>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirmLeave}
        onClose={() => setConfirmLeave(false)}
        title={t('community.leaveTitle', { name: c.name })}
        confirmLabel={t('community.leave')}
        pending={leave.isPending}
        onConfirm={() => leave.mutate()}
      >
        <Text size="sm">
          {c.visibility === 'private' ? t('community.leaveBodyPrivate') : t('community.leaveBody')}
        </Text>
      </ConfirmModal>
    </>
  );
}

function Posts({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<PostKind | 'all'>('all');
  const posts = useCommunityPosts(c.id, kind);
  const markedFor = useRef<string | null>(null);

  // Reading the community moves my read position to its newest post (the markers stay on screen
  // for this visit; the home feed forgets them).
  const newest = posts.data?.pages[0]?.items[0];
  useEffect(() => {
    if (!newest || markedFor.current === c.id || !c.joined) return;
    markedFor.current = c.id;
    void api
      .post(`/api/communities/${c.id}/read`, {})
      .then(() => qc.invalidateQueries({ queryKey: keys.feed }))
      .catch(() => undefined);
  }, [newest, c.id, c.joined, qc]);

  const pinned = kind === 'all' ? (posts.data?.pages[0]?.pinned ?? []) : [];
  const pinnedIds = new Set(pinned.map((p) => p.id));
  const items = (posts.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => !pinnedIds.has(p.id));

  return (
    <Stack gap="sm" component="section" aria-labelledby="posts-title">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} size="h4" id="posts-title">
          {t('community.postsTitle')}
        </Title>
      </Group>
      <Chip.Group multiple={false} value={kind} onChange={(v) => setKind(v as PostKind | 'all')}>
        <Group gap={6} role="radiogroup" aria-label={t('community.filterKind')}>
          <Chip value="all" size="xs">
            {t('community.allKinds')}
          </Chip>
          {POST_KINDS.map((k) => (
            <Chip key={k} value={k} size="xs">
              {t(`community.kinds.${k}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {posts.isPending ? (
        <LoadingState />
      ) : posts.isError ? (
        <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />
      ) : !pinned.length && !items.length ? (
        <EmptyState>{kind === 'all' ? t('community.noPosts') : t('community.noPostsOfKind')}</EmptyState>
      ) : (
        <Stack gap="sm">
          {[...pinned, ...items].map((p) => (
            <PostCard key={p.id} post={p} headingLevel={3} showUnread={c.joined} />
          ))}
          {posts.hasNextPage ? (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => void posts.fetchNextPage()}
                loading={posts.isFetchingNextPage}
              >
                {t('community.loadMore')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}
