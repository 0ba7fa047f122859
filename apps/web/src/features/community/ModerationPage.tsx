import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { keys } from './api.ts';
import { SafeHtml } from './components/SafeHtml.tsx';
import { Time } from './components/Time.tsx';
import type { ModerationItem } from './types.ts';

type Action = 'hide' | 'restore' | 'dismiss';

/**
 * The moderation queue of the communities I organize (and, for admins, of open communities):
 * each reported post or comment with the reasons (reporters stay anonymous) and its history;
 * hide, restore or dismiss, each written to the audit trail by the server.
 */
export function ModerationPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const queue = useQuery({
    queryKey: [...keys.moderation, status],
    queryFn: async () =>
      (await api.get<{ items: ModerationItem[] }>(`/api/moderation/queue?status=${status}`)).items,
  });
  const act = useMutation({
    mutationFn: ({ item, action }: { item: ModerationItem; action: Action }) =>
      api.post(`/api/moderation/${item.subjectType}/${item.subjectId}/${action}`),
    onSuccess: (_r, { action, item }) => {
      notifications.show({ color: 'teal', message: t(`community.moderation.done.${action}`) });
      void qc.invalidateQueries({ queryKey: keys.moderation });
      void qc.invalidateQueries({ queryKey: keys.post(item.post.id) });
      void qc.invalidateQueries({ queryKey: keys.postLists });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });

  return (
    <>
      <PageHeader title={t('community.moderation.title')} description={t('community.moderation.intro')} />
      <Stack gap="md" maw={860}>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v === 'resolved' ? 'resolved' : 'open')}
          data={[
            { value: 'open', label: t('community.moderation.open') },
            { value: 'resolved', label: t('community.moderation.resolved') },
          ]}
          style={{ alignSelf: 'flex-start' }}
          aria-label={t('community.moderation.status')}
        />
        {queue.isPending ? (
          <LoadingState />
        ) : queue.isError ? (
          <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
        ) : !queue.data.length ? (
          <EmptyState>
            {status === 'open' ? t('community.moderation.empty') : t('community.moderation.emptyResolved')}
          </EmptyState>
        ) : (
          queue.data.map((item) => (
            <Card key={`${item.subjectType}:${item.subjectId}`} withBorder padding="md" component="article">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" color="gray">
                      {item.subjectType === 'post'
                        ? t('community.kinds.post')
                        : t('community.moderation.comment')}
                    </Badge>
                    <Badge
                      variant="light"
                      color={item.status === 'hidden' ? 'red' : item.status === 'deleted' ? 'gray' : 'teal'}
                    >
                      {t(`community.moderation.state.${item.status}`)}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('community.moderation.reportCount', { count: item.reportCount })}
                    </Text>
                  </Group>
                  <Anchor
                    component={Link}
                    to={`/community/${item.community.id}/posts/${item.post.id}${item.subjectType === 'comment' ? `#comment-${item.subjectId}` : ''}`}
                    size="sm"
                  >
                    {item.community.name}
                    {item.post.title ? ` › ${item.post.title}` : ''}
                  </Anchor>
                </Group>
                {item.bodyHtml ? (
                  <Card withBorder padding="sm" bg="var(--mantine-color-gray-0)">
                    <SafeHtml html={item.bodyHtml} />
                  </Card>
                ) : null}
                <div>
                  <Title order={3} size="h6" mb={4}>
                    {t('community.moderation.reasons')}
                  </Title>
                  <Stack gap={4} component="ul" style={{ paddingLeft: 18, margin: 0 }}>
                    {item.reports.map((r, i) => (
                      <li key={i}>
                        <Text size="sm" span style={{ whiteSpace: 'pre-wrap' }}>
                          {r.reason}
                        </Text>{' '}
                        <Time iso={r.createdAt} span />
                      </li>
                    ))}
                  </Stack>
                </div>
                {item.history.length ? (
                  <Text size="xs" c="dimmed">
                    {item.history
                      .map((h) =>
                        t('community.moderation.historyLine', {
                          action: t(`community.moderation.actions.${h.action.replace('moderation.', '')}`, {
                            defaultValue: h.action,
                          }),
                          by: h.by ?? t('community.someone'),
                        }),
                      )
                      .join(' / ')}
                  </Text>
                ) : null}
                {status === 'open' ? (
                  <Group gap="xs">
                    {item.status === 'visible' ? (
                      <Button
                        size="xs"
                        color="red"
                        onClick={() => act.mutate({ item, action: 'hide' })}
                        loading={
                          act.isPending && act.variables?.item === item && act.variables.action === 'hide'
                        }
                      >
                        {t('community.moderation.hide')}
                      </Button>
                    ) : null}
                    {item.status === 'hidden' ? (
                      <Button
                        size="xs"
                        onClick={() => act.mutate({ item, action: 'restore' })}
                        loading={
                          act.isPending && act.variables?.item === item && act.variables.action === 'restore'
                        }
                      >
                        {t('community.moderation.restore')}
                      </Button>
                    ) : null}
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => act.mutate({ item, action: 'dismiss' })}
                      loading={
                        act.isPending && act.variables?.item === item && act.variables.action === 'dismiss'
                      }
                    >
                      {t('community.moderation.dismiss')}
                    </Button>
                  </Group>
                ) : item.status === 'hidden' ? (
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => act.mutate({ item, action: 'restore' })}>
                      {t('community.moderation.restore')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </>
  );
}
