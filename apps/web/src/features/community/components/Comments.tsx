import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert, Badge, Button, Group, Menu, ActionIcon, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { preventImeSubmit } from '../../../components/ime.ts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/QueryStates.tsx';
import { keys, replacePost, useComments } from '../api.ts';
import { issuesByPath } from '../issues.ts';
import { PublishCancelled, usePublishGuard } from '../usePublishGuard.tsx';
import { packCommentDraft, unpackCommentDraft } from '../drafts.ts';
import { useStoredDraft } from '../useStoredDraft.ts';
import type { Comment, Community, Post } from '../types.ts';
import { CheckIcon, DotsIcon } from './icons.tsx';
import { DraftNote } from './DraftNote.tsx';
import { MentionTextarea } from './MentionTextarea.tsx';
import { isSubmitShortcut } from './PostComposer.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ReportModal } from './ReportModal.tsx';
import { SafeHtml } from './SafeHtml.tsx';
import { Time } from './Time.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';

/**
 * A post's thread: comments oldest first, replies one level deep, the accepted answer marked.
 * New comments from others appear live (the realtime bridge refetches this list).
 */
export function Comments({ post, community }: { post: Post; community: Community | undefined }) {
  const { t } = useTranslation();
  const comments = useComments(post.id);
  const [replyTo, setReplyTo] = useState<string | null>(null);

  // Opening a notification's link (#comment-…) scrolls to that comment once the thread is shown
  // (once per link: live updates of the thread must not pull the reader back).
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!comments.data) return;
    const hash = window.location.hash;
    if (!hash.startsWith('#comment-') || scrolledTo.current === hash) return;
    const el = document.getElementById(hash.slice(1));
    if (el) {
      scrolledTo.current = hash;
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  }, [comments.data]);

  const top = (comments.data ?? []).filter((c) => !c.parentId);
  const repliesOf = (id: string) => (comments.data ?? []).filter((c) => c.parentId === id);

  return (
    <Stack gap="sm" component="section" aria-labelledby="comments-title">
      <Title order={2} size="h4" id="comments-title">
        {t('community.comments.title', { count: post.commentCount })}
      </Title>
      {comments.isPending ? (
        <LoadingState />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : !top.length ? (
        <EmptyState>{t('community.comments.empty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          {top.map((c) => (
            <div key={c.id}>
              <CommentItem
                comment={c}
                post={post}
                onReply={post.abilities.comment ? () => setReplyTo(c.id) : undefined}
              />
              {repliesOf(c.id).length || replyTo === c.id ? (
                <Stack gap="xs" mt="xs" className="engawa-comment-replies">
                  {repliesOf(c.id).map((r) => (
                    <CommentItem key={r.id} comment={r} post={post} />
                  ))}
                  {replyTo === c.id && community ? (
                    <CommentForm
                      post={post}
                      community={community}
                      parentId={c.id}
                      autoFocus
                      onDone={() => setReplyTo(null)}
                      onCancel={() => setReplyTo(null)}
                    />
                  ) : null}
                </Stack>
              ) : null}
            </div>
          ))}
        </Stack>
      )}
      {post.abilities.comment && community ? (
        <CommentForm post={post} community={community} parentId={null} />
      ) : !post.abilities.comment && community && !community.joined ? (
        <Text size="sm" c="dimmed">
          {t('community.comments.joinToComment')}
        </Text>
      ) : null}
    </Stack>
  );
}

function CommentItem({ comment, post, onReply }: { comment: Comment; post: Post; onReply?: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [report, setReport] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: keys.comments(post.id) });
  };
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/comments/${comment.id}`),
    onSuccess: () => {
      setConfirmDelete(false);
      refresh();
      void api.get<Post>(`/api/posts/${post.id}`).then((p) => replacePost(qc, p));
    },
    onError,
  });
  const accept = useMutation({
    mutationFn: (on: boolean) =>
      api.post<Post>(`/api/posts/${post.id}/accept`, { commentId: on ? comment.id : null }),
    onSuccess: (p) => {
      replacePost(qc, p);
      refresh();
    },
    onError,
  });

  if (comment.deleted) {
    return (
      <Text size="sm" c="dimmed" id={`comment-${comment.id}`} py={4}>
        {t('community.post.commentDeleted')}
      </Text>
    );
  }
  const a = comment.abilities;
  const canAccept = post.abilities.accept && !comment.hidden;
  return (
    <Stack
      gap={4}
      id={`comment-${comment.id}`}
      tabIndex={-1}
      p="sm"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        background: comment.accepted ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-gray-0)',
        outline: 'none',
      }}
      component="article"
      aria-label={t('community.comments.by', { name: comment.author?.name ?? t('community.someone') })}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {comment.author?.name ?? t('community.someone')}
          </Text>
          <Time iso={comment.createdAt} />
          {comment.editedAt ? (
            <Text size="xs" c="dimmed">
              {t('community.post.edited')}
            </Text>
          ) : null}
          {comment.accepted ? (
            <Badge size="xs" color="teal" leftSection={<CheckIcon size={11} />}>
              {t('community.post.acceptedAnswer')}
            </Badge>
          ) : null}
          {comment.hidden ? (
            <Badge size="xs" color="red" variant="outline">
              {t('community.post.hiddenBadge')}
            </Badge>
          ) : null}
        </Group>
        {a.edit || a.delete || a.report || canAccept ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('community.comments.actions')}
              >
                <DotsIcon size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {canAccept ? (
                <Menu.Item onClick={() => accept.mutate(!comment.accepted)}>
                  {comment.accepted ? t('community.comments.unaccept') : t('community.comments.accept')}
                </Menu.Item>
              ) : null}
              {a.edit ? <Menu.Item onClick={() => setEditing(true)}>{t('common.edit')}</Menu.Item> : null}
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
      {editing ? (
        <EditComment comment={comment} post={post} onDone={() => setEditing(false)} />
      ) : comment.bodyHtml ? (
        <SafeHtml html={comment.bodyHtml} />
      ) : comment.hidden ? (
        <Text size="sm" c="dimmed">
          {t('community.comments.hidden')}
        </Text>
      ) : null}
      <Group gap="xs" justify="space-between" wrap="wrap">
        <ReactionBar
          subject="comment"
          id={comment.id}
          reactions={comment.reactions}
          canReact={a.react}
          onChange={(reactions) =>
            qc.setQueryData<Comment[]>(keys.comments(post.id), (list) =>
              list?.map((c) => (c.id === comment.id ? { ...c, reactions } : c)),
            )
          }
        />
        {onReply ? (
          <Button size="compact-xs" variant="subtle" onClick={onReply}>
            {t('community.comments.reply')}
          </Button>
        ) : null}
      </Group>
      <ReportModal
        subject={report ? { type: 'comment', id: comment.id } : null}
        onClose={() => setReport(false)}
      />
      <ConfirmModal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t('community.comments.deleteTitle')}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        onConfirm={() => remove.mutate()}
      >
        <Text size="sm">{t('community.comments.deleteBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

/** Editing a comment offers the same @mention picker as writing one. */
function EditComment({ comment, post, onDone }: { comment: Comment; post: Post; onDone: () => void }) {
  const postId = post.id;
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [body, setBody] = useState(comment.body);
  const save = useMutation({
    mutationFn: () => api.patch<Comment>(`/api/comments/${comment.id}`, { body }),
    onSuccess: (c) => {
      qc.setQueryData<Comment[]>(keys.comments(postId), (list) => list?.map((x) => (x.id === c.id ? c : x)));
      onDone();
    },
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSubmitShortcut(e)) {
      e.preventDefault();
      save.mutate();
    }
  };
  return (
    <Stack gap="xs">
      <MentionTextarea
        aria-label={t('community.comments.editLabel')}
        value={body}
        onChange={setBody}
        scope={post.community}
        minRows={2}
        maxLength={COMMUNITY_LIMITS.commentMax}
        onKeyDown={onKeyDown}
        error={
          issuesByPath(save.error).body ??
          (save.isError ? errorMessage(save.error, t('errors.common.internal')) : undefined)
        }
        autoFocus
      />
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} disabled={!body.trim()}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The comment (or reply) box: @mentions, Ctrl/⌘+Enter sends, IME Enter never does. */
function CommentForm({
  post,
  community,
  parentId,
  autoFocus,
  onDone,
  onCancel,
}: {
  post: Post;
  community: Community;
  parentId: string | null;
  autoFocus?: boolean;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  // The text is kept in this browser until it is sent (drafts.ts).
  const [body, setBody, storedDraft] = useStoredDraft<string>(
    parentId ? { type: 'reply', postId: post.id, parentId } : { type: 'comment', postId: post.id },
    () => '',
    packCommentDraft,
    unpackCommentDraft,
  );
  const { guard, dialogs } = usePublishGuard(community);
  const send = useMutation({
    mutationFn: () => guard(() => api.post<Comment>(`/api/posts/${post.id}/comments`, { body, parentId })),
    onSuccess: (c) => {
      qc.setQueryData<Comment[]>(keys.comments(post.id), (list) =>
        list ? (list.some((x) => x.id === c.id) ? list : [...list, c]) : list,
      );
      void qc.invalidateQueries({ queryKey: keys.comments(post.id) });
      void api.get<Post>(`/api/posts/${post.id}`).then((p) => replacePost(qc, p));
      setBody('');
      storedDraft.clear();
      onDone?.();
    },
  });
  const error = send.error instanceof PublishCancelled ? null : send.error;
  const onSubmit = (e?: FormEvent) => {
    e?.preventDefault();
    if (body.trim() && !send.isPending) send.mutate();
  };
  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => {
        preventImeSubmit(e);
        if (isSubmitShortcut(e)) {
          e.preventDefault();
          onSubmit();
        }
      }}
      aria-label={parentId ? t('community.comments.replyLabel') : t('community.comments.formLabel')}
    >
      <Stack gap="xs">
        {storedDraft.restored ? <DraftNote onDiscard={storedDraft.discard} /> : null}
        <MentionTextarea
          aria-label={parentId ? t('community.comments.replyLabel') : t('community.comments.formLabel')}
          placeholder={
            parentId ? t('community.comments.replyPlaceholder') : t('community.comments.placeholder')
          }
          value={body}
          onChange={(v) => {
            setBody(v);
            if (send.error) send.reset();
          }}
          scope={community}
          minRows={2}
          maxRows={12}
          maxLength={COMMUNITY_LIMITS.commentMax}
          autoFocus={autoFocus}
          error={issuesByPath(error).body}
        />
        {error && !issuesByPath(error).body ? (
          <Alert color="red" role="alert">
            {errorMessage(error, t('errors.common.internal'))}
          </Alert>
        ) : null}
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('community.composer.shortcut')}
          </Text>
          <Group gap="xs" wrap="nowrap" ml="auto">
            {onCancel ? (
              <Button size="xs" variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button size="xs" type="submit" loading={send.isPending} disabled={!body.trim()}>
              {parentId ? t('community.comments.sendReply') : t('community.comments.send')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {dialogs}
    </form>
  );
}
