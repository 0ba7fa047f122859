import { useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  COMMUNITY_LIMITS as L,
  KNOWHOW_FIELDS,
  TITLE_REQUIRED_KINDS,
  isKnowhowKind,
  type KnowhowKind,
  type PostKind,
} from '@engawa/shared';
import { api } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import { preventImeSubmit, isImeEnter } from '../../../components/ime.ts';
import { keys, replacePost } from '../api.ts';
import { useFormat } from '../format.ts';
import { issuesByPath, unplacedError } from '../issues.ts';
import { PublishCancelled, usePublishGuard } from '../usePublishGuard.tsx';
import { packPostDraft, unpackPostDraft } from '../drafts.ts';
import { useStoredDraft } from '../useStoredDraft.ts';
import type { Attachment, Community, KnowhowFieldName, Post } from '../types.ts';
import { AttachButton, AttachmentList } from './Attachments.tsx';
import { DraftNote } from './DraftNote.tsx';
import { MentionTextarea } from './MentionTextarea.tsx';
import { PlainPreview } from './PlainPreview.tsx';

/** The kinds this reader may start in this community (announcements: organizers only). */
export function composableKinds(community: Community): PostKind[] {
  return [
    'post',
    'question',
    ...(community.abilities.announce ? (['announcement'] as const) : []),
    'prompt_recipe',
    'success_case',
    'small_failure',
  ];
}

/** True for Ctrl+Enter / ⌘+Enter that is not confirming an IME conversion: submit. */
export function isSubmitShortcut(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !isImeEnter(e);
}

interface Draft {
  kind: PostKind;
  title: string;
  body: string;
  fields: Record<string, string>;
  attachments: Attachment[];
  requiresConfirmation: boolean;
  urgent: boolean;
  audience: 'community' | 'company';
}

function emptyDraft(kind: PostKind): Draft {
  return {
    kind,
    title: '',
    body: '',
    fields: {},
    attachments: [],
    requiresConfirmation: false,
    urgent: false,
    audience: 'community',
  };
}

function draftOf(post: Post): Draft {
  return {
    ...emptyDraft(post.kind),
    title: post.title ?? '',
    body: post.body,
    fields: post.fields ?? {},
    attachments: post.attachments,
  };
}

/**
 * Writing a post of any kind, or editing one (kind fixed). Markdown in a textarea with @mentions
 * and a plain preview; know-how kinds add their structured fields; announcements their options.
 * Ctrl/⌘+Enter posts; Enter confirming a Japanese conversion never does. The first post in a
 * community (and ever) passes through the rules and code-of-conduct dialogs.
 */
export function PostComposer({
  community,
  editing,
  initialKind = 'post',
  kinds,
  onDone,
  onCancel,
  autoFocus,
}: {
  community: Community;
  editing?: Post;
  initialKind?: PostKind;
  /** Restricts the kinds offered (the know-how library offers only know-how kinds). */
  kinds?: PostKind[];
  onDone?: (post: Post) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const offered = (kinds ?? composableKinds(community)).filter((k) => composableKinds(community).includes(k));
  // A new post's text is kept in this browser until it is sent (drafts.ts); an edit is not.
  const [draft, setDraft, storedDraft] = useStoredDraft<Draft>(
    editing
      ? null
      : kinds
        ? { type: 'knowhow', communityId: community.id, kind: initialKind }
        : { type: 'post', communityId: community.id },
    () => (editing ? draftOf(editing) : emptyDraft(initialKind)),
    packPostDraft,
    (data) => {
      const text = unpackPostDraft(data, offered, initialKind);
      return text ? { ...emptyDraft(text.kind), ...text } : null;
    },
  );
  const [tab, setTab] = useState<string | null>('write');
  const { guard, dialogs } = usePublishGuard(community);
  const knowhow = isKnowhowKind(draft.kind);
  const titleRequired = TITLE_REQUIRED_KINDS.includes(draft.kind);

  // Urgent announcements are limited per community; the server says until when (organizers only).
  const urgentBlockedUntil =
    community.urgentAvailableAt && Date.parse(community.urgentAvailableAt) > Date.now()
      ? community.urgentAvailableAt
      : null;

  const submit = useMutation({
    mutationFn: async (d: Draft) => {
      const fields = knowhow ? d.fields : undefined;
      const common = {
        title: d.title.trim() || null,
        body: d.body,
        ...(fields ? { fields } : {}),
        attachmentIds: d.attachments.map((a) => a.id),
      };
      if (editing) return api.patch<Post>(`/api/posts/${editing.id}`, common);
      return guard(() =>
        api.post<Post>(`/api/communities/${community.id}/posts`, {
          kind: d.kind,
          ...common,
          ...(d.kind === 'announcement'
            ? {
                requiresConfirmation: d.requiresConfirmation,
                urgent: d.urgent && !urgentBlockedUntil,
                audience: d.audience,
              }
            : {}),
        }),
      );
    },
    onError: (e) => {
      // Another organizer's urgent announcement got there first: show when the next one is possible.
      if (e instanceof ApiError && e.code === 'community.urgent_announcement_limit')
        void qc.invalidateQueries({ queryKey: keys.community(community.id), exact: true });
    },
    onSuccess: (post) => {
      if (editing) replacePost(qc, post);
      else {
        void qc.invalidateQueries({ queryKey: keys.postLists });
        void qc.invalidateQueries({ queryKey: keys.community(community.id), exact: true });
        setDraft(emptyDraft(draft.kind));
        storedDraft.clear();
        setTab('write');
      }
      notifications.show({
        color: 'teal',
        message: editing ? t('community.composer.saved') : t('community.composer.posted'),
      });
      onDone?.(post);
    },
  });
  const error = submit.error instanceof PublishCancelled ? null : submit.error;
  const issues = issuesByPath(error);
  const fieldNames = knowhow
    ? KNOWHOW_FIELDS[draft.kind as keyof typeof KNOWHOW_FIELDS].map((f) => `fields.${f.name}`)
    : [];
  const topError = unplacedError(
    error,
    ['title', 'body', 'urgent', ...fieldNames],
    t('errors.common.internal'),
  );

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (submit.error) submit.reset();
  };
  const onSubmit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!submit.isPending) submit.mutate(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    preventImeSubmit(e);
    if (isSubmitShortcut(e)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    // A plain Enter in the title must not post half a draft: only the button and Ctrl/⌘+Enter do.
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
  };
  const idBase = editing ? `edit-${editing.id}` : `new-${community.id}`;

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={editing ? t('community.composer.editTitle') : t('community.composer.title')}
    >
      <Stack gap="sm">
        {storedDraft.restored ? <DraftNote onDiscard={storedDraft.discard} /> : null}
        {!editing && offered.length > 1 ? (
          <NativeSelect
            label={t('community.composer.kind')}
            value={draft.kind}
            onChange={(e) => set('kind', e.currentTarget.value as PostKind)}
            data={offered.map((k) => ({ value: k, label: t(`community.kinds.${k}`) }))}
            maw={280}
          />
        ) : null}
        {knowhow && !editing ? (
          <Text size="xs" c="dimmed">
            {t(`community.composer.kindHelp.${draft.kind as KnowhowKind}`)}
          </Text>
        ) : null}
        {titleRequired || draft.title || editing ? (
          <TextInput
            label={t('community.composer.titleLabel')}
            required={titleRequired}
            value={draft.title}
            maxLength={L.titleMax}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={issues.title}
            autoFocus={autoFocus && titleRequired}
          />
        ) : null}
        {knowhow
          ? KNOWHOW_FIELDS[draft.kind as keyof typeof KNOWHOW_FIELDS].map((f) => (
              <Textarea
                key={f.name}
                label={t(`community.fields.${f.name as KnowhowFieldName}`)}
                description={t(`community.composer.fieldHelp.${f.name as KnowhowFieldName}`)}
                required={f.required}
                autosize
                minRows={f.preformatted ? 3 : 2}
                maxRows={16}
                maxLength={L.fieldMax}
                value={draft.fields[f.name] ?? ''}
                onChange={(e) => set('fields', { ...draft.fields, [f.name]: e.currentTarget.value })}
                error={issues[`fields.${f.name}`]}
                styles={
                  f.preformatted
                    ? { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }
                    : undefined
                }
              />
            ))
          : null}
        <Tabs value={tab} onChange={setTab} variant="outline" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="write">{t('community.composer.write')}</Tabs.Tab>
            <Tabs.Tab value="preview">{t('community.composer.preview')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <MentionTextarea
              id={`${idBase}-body`}
              aria-label={knowhow ? t('community.composer.notesLabel') : t('community.composer.bodyLabel')}
              placeholder={
                knowhow ? t('community.composer.notesPlaceholder') : t('community.composer.placeholder')
              }
              value={draft.body}
              onChange={(v) => set('body', v)}
              scope={community}
              minRows={knowhow ? 2 : 4}
              maxRows={20}
              maxLength={L.bodyMax}
              error={issues.body}
              autoFocus={autoFocus && !titleRequired}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            <PlainPreview text={draft.body} />
          </Tabs.Panel>
        </Tabs>
        {draft.kind === 'announcement' && !editing ? (
          <Stack gap={6}>
            <Checkbox
              label={t('community.composer.requiresConfirmation')}
              checked={draft.requiresConfirmation}
              onChange={(e) => set('requiresConfirmation', e.currentTarget.checked)}
            />
            <Checkbox
              label={t('community.composer.urgent')}
              description={
                <>
                  {t('community.composer.urgentHelp')}{' '}
                  {t('community.composer.urgentLimit', { hours: L.urgentAnnouncementWindowHours })}
                  {urgentBlockedUntil ? (
                    <>
                      {' '}
                      <Text span inherit fw={600}>
                        {t('community.composer.urgentNextAt', { time: f.full(urgentBlockedUntil) })}
                      </Text>
                    </>
                  ) : null}
                </>
              }
              checked={draft.urgent && !urgentBlockedUntil}
              disabled={!!urgentBlockedUntil}
              onChange={(e) => set('urgent', e.currentTarget.checked)}
              error={issues.urgent}
            />
            {community.abilities.announceCompany ? (
              <Radio.Group
                label={t('community.composer.audience')}
                value={draft.audience}
                onChange={(v) => set('audience', v === 'company' ? 'company' : 'community')}
              >
                <Group gap="md" mt={4}>
                  <Radio value="community" label={t('community.audience.community')} />
                  <Radio value="company" label={t('community.audience.company')} />
                </Group>
              </Radio.Group>
            ) : null}
          </Stack>
        ) : null}
        <AttachmentList
          items={draft.attachments}
          onRemove={(id) =>
            set(
              'attachments',
              draft.attachments.filter((a) => a.id !== id),
            )
          }
        />
        {topError ? (
          <Alert color="red" role="alert">
            {topError}
          </Alert>
        ) : null}
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            <AttachButton
              count={draft.attachments.length}
              onUploaded={(a) => setDraft((d) => ({ ...d, attachments: [...d.attachments, a] }))}
            />
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {t('community.composer.shortcut')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {onCancel ? (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={submit.isPending}>
              {editing ? t('common.save') : t('community.composer.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {dialogs}
    </form>
  );
}
