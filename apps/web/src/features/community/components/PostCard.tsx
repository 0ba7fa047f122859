import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { KNOWHOW_FIELDS, KNOWHOW_SIGNALS, isKnowhowKind, type KnowhowSignal } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { LoadingState } from '../../../components/QueryStates.tsx';
import { keys, patchPost, removePost, replacePost } from '../api.ts';
import type { KnowhowFieldName, Post, Signals } from '../types.ts';
import { postPath } from '../paths.ts';
import { AttachmentList } from './Attachments.tsx';
import { DotsIcon, PinIcon, CommentIcon, CheckIcon } from './icons.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ReportModal } from './ReportModal.tsx';
import { RevisionsModal } from './RevisionsModal.tsx';
import { SafeHtml } from './SafeHtml.tsx';
import { Time } from './Time.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';

/** Bodies longer than this are cut in lists, with a link to the whole post. */
const LONG_BODY = 700;

const KIND_COLORS: Record<string, string> = {
  question: 'blue',
  announcement: 'orange',
  prompt_recipe: 'grape',
  success_case: 'teal',
  small_failure: 'cyan',
};

/**
 * One post, in a list (feed, community, know-how) or on its own page: who and where, its kind,
 * title, sanitised body, know-how fields, attachments, announcement confirmation, reactions,
 * signals, comments link, and the actions this reader may take (from the server's abilities).
 */
export function PostCard({
  post,
  mode = 'list',
  showCommunity = false,
  headingLevel = 2,
  hideTitle = false,
  showUnread = true,
  onEdit,
}: {
  post: Post;
  mode?: 'list' | 'page';
  showCommunity?: boolean;
  headingLevel?: 2 | 3;
  /** The post page shows the title as its h1 already. */
  hideTitle?: boolean;
  /** Unread markers only mean something to members (readers who are not have no read position). */
  showUnread?: boolean;
  /** On the post page: edit in place. In lists, editing opens the post page. */
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [report, setReport] = useState(false);
  const [history, setHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showConfirmed, setShowConfirmed] = useState(false);
  const path = postPath(post);
  const unread = showUnread && !!post.unread;
  const long = mode === 'list' && post.body.length > LONG_BODY;
  const a = post.abilities;
  const titleId = `post-title-${post.id}`;

  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) });
  const pin = useMutation({
    mutationFn: () => api.post<Post>(`/api/posts/${post.id}/${post.pinned ? 'unpin' : 'pin'}`),
    onSuccess: (fresh) => {
      replacePost(qc, fresh);
      void qc.invalidateQueries({ queryKey: keys.communityPostsAll(post.communityId) });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/posts/${post.id}`),
    onSuccess: () => {
      setConfirmDelete(false);
      removePost(qc, post.id);
      qc.removeQueries({ queryKey: keys.post(post.id) });
      notifications.show({ color: 'teal', message: t('community.post.deletedDone') });
      if (mode === 'page') navigate(`/community/${post.communityId}`);
    },
    onError,
  });
  const confirm = useMutation({
    mutationFn: () => api.post<Post>(`/api/posts/${post.id}/confirm`),
    onSuccess: (fresh) => replacePost(qc, fresh),
    onError,
  });
  const signal = useMutation({
    mutationFn: ({ name, on }: { name: KnowhowSignal; on: boolean }) =>
      on
        ? api.put<{ signals: Signals }>(`/api/posts/${post.id}/signals/${name}`, {})
        : api.delete<{ signals: Signals }>(`/api/posts/${post.id}/signals/${name}`),
    onSuccess: (res) => patchPost(qc, post.id, (p) => ({ ...p, signals: res.signals })),
    onError,
  });

  const author = post.author
    ? post.author.name
    : post.webhook
      ? t('community.webhook.author', { name: post.webhook.name })
      : t('community.someone');
  const hasMenu = a.edit || a.delete || a.pin || a.report || a.viewRevisions;

  return (
    <Card
      withBorder
      padding="md"
      component="article"
      className="engawa-post"
      data-unread={unread ? '' : undefined}
      {...(post.title
        ? { 'aria-labelledby': titleId }
        : { 'aria-label': t('community.post.untitled', { name: author }) })}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              {unread ? (
                <Badge size="xs" color="teal" variant="filled">
                  {t('community.post.unread')}
                </Badge>
              ) : null}
              {post.pinned ? (
                <Badge size="xs" color="gray" variant="light" leftSection={<PinIcon size={11} />}>
                  {t('community.post.pinned')}
                </Badge>
              ) : null}
              {post.kind !== 'post' ? (
                <Badge size="xs" color={KIND_COLORS[post.kind] ?? 'gray'} variant="light">
                  {t(`community.kinds.${post.kind}`)}
                </Badge>
              ) : null}
              {post.companyWide ? (
                <Badge size="xs" color="orange" variant="outline">
                  {t('community.audience.company')}
                </Badge>
              ) : null}
              {post.announcement?.urgent ? (
                <Badge size="xs" color="red" variant="light">
                  {t('community.post.urgent')}
                </Badge>
              ) : null}
              {post.question ? (
                <Badge size="xs" color={post.question.acceptedCommentId ? 'teal' : 'gray'} variant="outline">
                  {post.question.acceptedCommentId
                    ? t('community.post.solved')
                    : t('community.post.unsolved')}
                </Badge>
              ) : null}
              {post.hidden ? (
                <Badge size="xs" color="red" variant="outline">
                  {t('community.post.hiddenBadge')}
                </Badge>
              ) : null}
            </Group>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {author}
              </Text>
              {showCommunity ? (
                <Anchor component={Link} to={`/community/${post.communityId}`} size="xs" c="dimmed">
                  {post.community.name}
                </Anchor>
              ) : null}
              <Anchor
                component={Link}
                to={path}
                underline="never"
                c="dimmed"
                aria-label={t('community.post.open')}
              >
                <Time iso={post.createdAt} />
              </Anchor>
              {post.editedAt ? (
                a.viewRevisions ? (
                  <UnstyledButton onClick={() => setHistory(true)} aria-label={t('community.revisions.open')}>
                    <Text size="xs" c="dimmed" td="underline">
                      {t('community.post.edited')}
                    </Text>
                  </UnstyledButton>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('community.post.edited')}
                  </Text>
                )
              ) : null}
            </Group>
          </Stack>
          {hasMenu ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('community.post.actions')}>
                  <DotsIcon />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {a.edit ? (
                  <Menu.Item onClick={() => (onEdit ? onEdit() : navigate(`${path}?edit=1`))}>
                    {t('common.edit')}
                  </Menu.Item>
                ) : null}
                {a.viewRevisions && post.editedAt ? (
                  <Menu.Item onClick={() => setHistory(true)}>{t('community.revisions.open')}</Menu.Item>
                ) : null}
                {a.pin ? (
                  <Menu.Item onClick={() => pin.mutate()}>
                    {post.pinned ? t('community.post.unpin') : t('community.post.pin')}
                  </Menu.Item>
                ) : null}
                {a.report ? (
                  <Menu.Item onClick={() => setReport(true)}>{t('community.report.action')}</Menu.Item>
                ) : null}
                {a.delete ? (
                  <Menu.Item color="red" onClick={() => setConfirmDelete(true)}>
                    {t('common.delete')}
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>

        {post.title && !hideTitle ? (
          <Title order={headingLevel} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {mode === 'list' ? (
              <Anchor component={Link} to={path} inherit c="var(--mantine-color-text)">
                {post.title}
              </Anchor>
            ) : (
              post.title
            )}
          </Title>
        ) : null}

        {post.hidden && !post.body ? (
          <Text size="sm" c="dimmed">
            {t('community.post.hidden')}
          </Text>
        ) : null}

        {isKnowhowKind(post.kind) && post.fieldsHtml ? (
          <Stack gap="xs">
            {KNOWHOW_FIELDS[post.kind].map((f) =>
              post.fieldsHtml?.[f.name] ? (
                <Box key={f.name}>
                  <Text size="xs" fw={700} c="dimmed" mb={2}>
                    {t(`community.fields.${f.name as KnowhowFieldName}`)}
                  </Text>
                  <SafeHtml html={post.fieldsHtml[f.name]!} />
                </Box>
              ) : null,
            )}
          </Stack>
        ) : null}

        {post.bodyHtml ? (
          <Box
            style={
              long
                ? { maxHeight: 260, overflow: 'hidden', maskImage: 'linear-gradient(black 70%, transparent)' }
                : undefined
            }
          >
            <SafeHtml html={post.bodyHtml} />
          </Box>
        ) : null}
        {long ? (
          <Anchor component={Link} to={path} size="sm">
            {t('community.post.readMore')}
          </Anchor>
        ) : null}

        <AttachmentList items={post.attachments} />

        {post.announcement?.requiresConfirmation ? (
          <Group gap="xs">
            {post.announcement.confirmedByMe ? (
              <Badge color="teal" variant="light" leftSection={<CheckIcon size={12} />}>
                {t('community.post.confirmedByMe')}
              </Badge>
            ) : a.confirm ? (
              <Button size="xs" onClick={() => confirm.mutate()} loading={confirm.isPending}>
                {t('community.post.confirmRead')}
              </Button>
            ) : null}
            {a.seeConfirmations ? (
              <Anchor component="button" type="button" size="xs" onClick={() => setShowConfirmed(true)}>
                {t('community.post.confirmedCount', { count: post.announcement.confirmedCount })}
              </Anchor>
            ) : null}
          </Group>
        ) : null}

        <Group justify="space-between" gap="xs" wrap="wrap">
          <ReactionBar
            subject="post"
            id={post.id}
            reactions={post.reactions}
            canReact={a.react}
            onChange={(reactions) => patchPost(qc, post.id, (p) => ({ ...p, reactions }))}
          />
          <Group gap="xs" wrap="wrap">
            {post.signals
              ? KNOWHOW_SIGNALS.map((name) => {
                  const s = post.signals![name];
                  return (
                    <Button
                      key={name}
                      size="compact-sm"
                      radius="xl"
                      variant={s.mine ? 'light' : 'default'}
                      aria-pressed={s.mine}
                      disabled={!a.signal}
                      title={a.signal ? undefined : t('community.signals.ownPost')}
                      onClick={() => signal.mutate({ name, on: !s.mine })}
                    >
                      {t(`community.signals.${name}`)} {s.count}
                    </Button>
                  );
                })
              : null}
            {mode === 'list' ? (
              <Button
                component={Link}
                to={path}
                size="compact-sm"
                variant="subtle"
                color="gray"
                leftSection={<CommentIcon size={16} />}
                aria-label={t('community.post.commentsLink', { count: post.commentCount })}
              >
                {post.commentCount}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>

      <ReportModal subject={report ? { type: 'post', id: post.id } : null} onClose={() => setReport(false)} />
      <RevisionsModal postId={post.id} opened={history} onClose={() => setHistory(false)} />
      <ConfirmModal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t('community.post.deleteTitle')}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        <Text size="sm">{t('community.post.deleteBody')}</Text>
      </ConfirmModal>
      {a.seeConfirmations ? (
        <ConfirmationsModal postId={post.id} opened={showConfirmed} onClose={() => setShowConfirmed(false)} />
      ) : null}
    </Card>
  );
}

/** Who confirmed an announcement (organizers only; people chose to confirm, nothing else is tracked). */
function ConfirmationsModal({
  postId,
  opened,
  onClose,
}: {
  postId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: keys.confirmations(postId),
    queryFn: () =>
      api.get<{ count: number; items: Array<{ id: string; name: string; confirmedAt: string }> }>(
        `/api/posts/${postId}/confirmations`,
      ),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('community.post.confirmationsTitle')} centered>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Text c="red" size="sm">
          {errorMessage(list.error, t('errors.common.internal'))}
        </Text>
      ) : list.data.items.length ? (
        <Stack gap={4}>
          {list.data.items.map((p) => (
            <Group key={p.id} justify="space-between">
              <Text size="sm">{p.name}</Text>
              <Time iso={p.confirmedAt} />
            </Group>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('community.post.noConfirmations')}
        </Text>
      )}
    </Modal>
  );
}
