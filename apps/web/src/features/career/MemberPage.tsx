import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ManagerAgendaItem } from '@engawa/shared';
import { errorMessage } from '../../api/errors.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useMemberView, useOneOnOneWrite } from './api.ts';
import { ManagerViewBody, NextSteps } from './OneOnOnePage.tsx';
import { ManagerItemEditor } from './OneOnOneEditors.tsx';

/** The manager's view of one member: only the items they shared, the manager's own items, next steps. */
export function MemberPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const view = useMemberView(userId);
  const write = useOneOnOneWrite();
  const [topic, setTopic] = useState('');
  const [detail, setDetail] = useState('');
  const [editing, setEditing] = useState<ManagerAgendaItem | null>(null);
  if (view.isPending) return <LoadingState />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const fail = (err: unknown) =>
    notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/career/oneonone" size="sm">
        ← {t('career.ui.oneonone.back')}
      </Anchor>
      <Title order={2} size="h3">
        {v.employee.name}
      </Title>
      <Alert color="blue" variant="light">
        {t('career.ui.oneonone.memberNote')}
      </Alert>
      <Card withBorder padding="md">
        <ManagerViewBody view={v} />
      </Card>
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Text fw={600}>{t('career.ui.oneonone.myItems')}</Text>
          {v.managerItems.map((m) => (
            <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm">
                ・{m.topic}
                {m.detail ? ` — ${m.detail}` : ''}
              </Text>
              {m.abilities.edit ? (
                <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={`${t('career.ui.edit')}: ${m.topic}`}
                    onClick={() => setEditing(m)}
                  >
                    {t('career.ui.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('career.ui.remove')}: ${m.topic}`}
                    onClick={() =>
                      write.mutate(
                        { method: 'delete', path: `/api/oneonone/manager-items/${m.id}` },
                        { onError: fail },
                      )
                    }
                  >
                    {t('career.ui.remove')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          ))}
          {editing ? (
            <ManagerItemEditor key={editing.id} item={editing} onClose={() => setEditing(null)} />
          ) : null}
          <form
            onKeyDown={preventImeSubmit}
            onSubmit={(e) => {
              e.preventDefault();
              if (!topic.trim()) return;
              write.mutate(
                {
                  method: 'post',
                  path: `/api/oneonone/members/${userId}/items`,
                  body: { topic: topic.trim(), detail: detail.trim() || null },
                },
                {
                  onSuccess: () => {
                    setTopic('');
                    setDetail('');
                  },
                  onError: fail,
                },
              );
            }}
          >
            <Stack gap="xs">
              <TextInput
                label={t('career.ui.oneonone.topic')}
                value={topic}
                onChange={(e) => setTopic(e.currentTarget.value)}
              />
              <Textarea
                autosize
                label={t('career.ui.oneonone.detail')}
                value={detail}
                onChange={(e) => setDetail(e.currentTarget.value)}
              />
              <Button type="submit" loading={write.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('career.ui.oneonone.addManagerItem')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <NextSteps steps={v.nextSteps} addPath={`/api/oneonone/members/${userId}/next-steps`} />
      </Card>
    </Stack>
  );
}
