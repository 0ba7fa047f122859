import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMMUNITY_LIMITS as L } from '@engawa/shared';
import { api } from '../../api/client.ts';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { NotFoundPage } from '../../routes/NotFoundPage.tsx';
import { keys, useCommunity, useWebhooks } from './api.ts';
import { issuesByPath, unplacedError } from './issues.ts';
import { Time } from './components/Time.tsx';
import {
  COMMUNITY_FIELD_NAMES,
  CommunityFields,
  communityFieldsBody,
  type CommunityFieldValues,
} from './components/CommunityFields.tsx';
import { MembersSection } from './MembersSection.tsx';
import type { Community, CreatedWebhook, Webhook } from './types.ts';

/** Organizer settings of one community: its description, members and organizers, and incoming webhooks. */
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
        <MembersSection community={c} />
        <Webhooks community={c} />
      </Stack>
    </>
  );
}

function EditCommunity({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form, setForm] = useState<CommunityFieldValues>({
    name: c.name,
    purpose: c.purpose,
    rules: c.rules,
    topics: c.topics,
    visibility: c.visibility,
    privateReason: c.privateReason ?? '',
  });
  const save = useMutation({
    mutationFn: () => api.patch<Community>(`/api/communities/${c.id}`, communityFieldsBody(form)),
    onSuccess: (updated) => {
      qc.setQueryData(keys.community(c.id), updated);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('common.saved') });
    },
  });
  const issues = issuesByPath(save.error);
  const top = unplacedError(save.error, COMMUNITY_FIELD_NAMES, t('errors.common.internal'));
  const set = <K extends keyof CommunityFieldValues>(key: K, value: CommunityFieldValues[K]) => {
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
          <CommunityFields value={form} onChange={set} issues={issues} mode="edit" />
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
