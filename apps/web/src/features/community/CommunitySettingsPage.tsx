import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Radio,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMMUNITY_LIMITS as L } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { keys, useCommunity, useMembers, useWebhooks } from './api.ts';
import { issuesByPath, unplacedError } from './issues.ts';
import { Time } from './components/Time.tsx';
import type { Community, CreatedWebhook, Webhook } from './types.ts';

/** Organizer settings of one community: its description, organizers, and incoming webhooks. */
export function CommunitySettingsPage() {
  const { communityId = '' } = useParams();
  const { t } = useTranslation();
  const community = useCommunity(communityId);
  if (community.isPending) return <LoadingState />;
  if (community.isError) {
    if (community.error instanceof ApiError && community.error.status === 404) return <NotFoundPage />;
    return <ErrorState error={community.error} onRetry={() => void community.refetch()} />;
  }
  const c = community.data;
  if (!c.abilities.manage) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={t('community.settings.titleOf', { name: c.name })}
        actions={
          <Button component={Link} to={`/community/${c.id}`} variant="default">
            {t('community.settings.back')}
          </Button>
        }
      />
      <Stack gap="lg" maw={760}>
        <EditCommunity community={c} />
        <Organizers community={c} />
        <Webhooks community={c} />
      </Stack>
    </>
  );
}

function EditCommunity({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState({
    name: c.name,
    purpose: c.purpose,
    rules: c.rules,
    topics: c.topics,
    visibility: c.visibility,
    privateReason: c.privateReason ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      api.patch<Community>(`/api/communities/${c.id}`, {
        ...form,
        privateReason: form.visibility === 'private' ? form.privateReason : null,
      }),
    onSuccess: (updated) => {
      qc.setQueryData(keys.community(c.id), updated);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
  });
  const issues = issuesByPath(save.error);
  const top = unplacedError(
    save.error,
    ['name', 'purpose', 'rules', 'topics', 'privateReason'],
    t('errors.common.internal'),
  );
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (save.error) save.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-about">
      <Title order={2} size="h4" id="settings-about" mb="sm">
        {t('community.settings.about')}
      </Title>
      <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('community.create.name')}
            required
            maxLength={L.nameMax}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={issues.name}
          />
          <Textarea
            label={t('community.create.purpose')}
            required
            autosize
            minRows={2}
            maxLength={L.purposeMax}
            value={form.purpose}
            onChange={(e) => set('purpose', e.currentTarget.value)}
            error={issues.purpose}
          />
          <Textarea
            label={t('community.create.rules')}
            description={t('community.settings.rulesChangeHelp')}
            required
            autosize
            minRows={3}
            maxLength={L.rulesMax}
            value={form.rules}
            onChange={(e) => set('rules', e.currentTarget.value)}
            error={issues.rules}
          />
          <TagsInput
            label={t('community.create.topics')}
            value={form.topics}
            onChange={(v) => set('topics', v)}
            maxTags={L.topicsMax}
            splitChars={[',', '、', '，']}
            error={issues.topics}
            clearable
          />
          <Radio.Group
            label={t('community.create.visibility')}
            value={form.visibility}
            onChange={(v) => set('visibility', v === 'private' ? 'private' : 'open')}
          >
            <Stack gap={6} mt={4}>
              <Radio
                value="open"
                label={t('community.visibility.open')}
                description={t('community.create.openHelp')}
              />
              <Radio
                value="private"
                label={t('community.visibility.private')}
                description={t('community.create.privateHelp')}
              />
            </Stack>
          </Radio.Group>
          {form.visibility === 'private' ? (
            <Textarea
              label={t('community.create.privateReason')}
              description={t('community.create.privateReasonHelp')}
              required
              autosize
              minRows={2}
              maxLength={L.privateReasonMax}
              value={form.privateReason}
              onChange={(e) => set('privateReason', e.currentTarget.value)}
              error={issues.privateReason}
            />
          ) : null}
          {top ? (
            <Alert color="red" role="alert">
              {top}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Members and organizers: organizers can make a member an organizer, or step someone back. */
function Organizers({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const members = useMembers(c.id);
  const change = useMutation({
    mutationFn: ({ userId, to }: { userId: string; to: 'organizer' | 'member' }) =>
      to === 'organizer'
        ? api.post(`/api/communities/${c.id}/organizers`, { userId })
        : api.delete(`/api/communities/${c.id}/organizers/${userId}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.members(c.id) });
      void qc.invalidateQueries({ queryKey: keys.community(c.id), exact: true });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-members">
      <Title order={2} size="h4" id="settings-members" mb={4}>
        {t('community.settings.members')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('community.settings.membersHelp')}
      </Text>
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {members.data.map((m) => (
            <Group key={m.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <Text size="sm" truncate>
                  {m.name}
                </Text>
                {m.role === 'organizer' ? (
                  <Badge size="xs" variant="light">
                    {t('community.role.organizer')}
                  </Badge>
                ) : null}
              </Group>
              {m.id !== me.id ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  loading={change.isPending && change.variables?.userId === m.id}
                  onClick={() =>
                    change.mutate({ userId: m.id, to: m.role === 'organizer' ? 'member' : 'organizer' })
                  }
                >
                  {m.role === 'organizer' ? t('community.settings.demote') : t('community.settings.promote')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** Incoming webhooks (Slack-format): the URL is shown once when created, then only its name. */
function Webhooks({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const hooks = useWebhooks(c.id);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [revoking, setRevoking] = useState<Webhook | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<CreatedWebhook>(`/api/communities/${c.id}/webhooks`, { name }),
    onSuccess: (hook) => {
      setCreated(hook);
      setName('');
      void qc.invalidateQueries({ queryKey: keys.webhooks(c.id) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/communities/${c.id}/webhooks/${id}`),
    onSuccess: () => {
      setRevoking(null);
      void qc.invalidateQueries({ queryKey: keys.webhooks(c.id) });
      notifications.show({ color: 'teal', message: t('community.webhooks.revoked') });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
  const issues = issuesByPath(create.error);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="settings-webhooks">
      <Title order={2} size="h4" id="settings-webhooks" mb={4}>
        {t('community.webhooks.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('community.webhooks.intro')}
      </Text>
      <form
        onKeyDown={preventImeSubmit}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Group align="flex-end" gap="xs" mb="md">
          <TextInput
            label={t('community.webhooks.name')}
            placeholder={t('community.webhooks.namePlaceholder')}
            value={name}
            maxLength={L.webhookNameMax}
            onChange={(e) => {
              setName(e.currentTarget.value);
              if (create.error) create.reset();
            }}
            error={
              issues.name ??
              (create.isError && !issues.name
                ? errorMessage(create.error, t('errors.common.internal'))
                : undefined)
            }
            style={{ flex: '1 1 220px' }}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('community.webhooks.create')}
          </Button>
        </Group>
      </form>
      {hooks.isPending ? (
        <LoadingState />
      ) : hooks.isError ? (
        <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : !hooks.data.length ? (
        <EmptyState>{t('community.webhooks.empty')}</EmptyState>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {hooks.data.map((h) => (
            <Group key={h.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {h.name}
                </Text>
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('community.webhooks.lastUsed')}
                  </Text>
                  {h.lastUsedAt ? (
                    <Time iso={h.lastUsedAt} />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('community.webhooks.never')}
                    </Text>
                  )}
                </Group>
              </div>
              <Button size="compact-sm" color="red" variant="subtle" onClick={() => setRevoking(h)}>
                {t('community.webhooks.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}

      <Modal
        opened={!!created}
        onClose={() => setCreated(null)}
        title={t('community.webhooks.createdTitle')}
        size="lg"
      >
        {created ? (
          <Stack gap="sm">
            <Alert color="yellow">{t('community.webhooks.shownOnce')}</Alert>
            <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {created.url}
            </Code>
            <Group justify="space-between">
              <Anchor
                href="https://api.slack.com/messaging/webhooks"
                target="_blank"
                rel="noopener noreferrer"
                size="xs"
              >
                {t('community.webhooks.slackFormat')}
              </Anchor>
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'teal' : undefined}>
                    {copied ? t('community.webhooks.copied') : t('community.webhooks.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <Modal
        opened={!!revoking}
        onClose={() => setRevoking(null)}
        title={t('community.webhooks.revokeTitle')}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('community.webhooks.revokeBody', { name: revoking?.name ?? '' })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoking && revoke.mutate(revoking.id)}
            >
              {t('community.webhooks.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
