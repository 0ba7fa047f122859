import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../api/errors.ts';
import { keys } from '../api.ts';
import type { Community, CommunitySummary } from '../types.ts';

/** A community in the directory: name, purpose, topics, size, organizers, and join in one click. */
export function CommunityCard({
  community: c,
  onTopic,
}: {
  community: CommunitySummary;
  onTopic?: (topic: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const join = useMutation({
    mutationFn: () => api.post<Community>(`/api/communities/${c.id}/join`),
    onSuccess: (full) => {
      qc.setQueryData(keys.community(c.id), full);
      void qc.invalidateQueries({ queryKey: keys.communities });
      notifications.show({ color: 'teal', message: t('community.joined', { name: c.name }) });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
  return (
    <Card withBorder padding="md" h="100%" component="article" aria-labelledby={`community-${c.id}`}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor
            component={Link}
            to={`/community/${c.id}`}
            fw={700}
            c="var(--mantine-color-text)"
            id={`community-${c.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            {c.name}
          </Anchor>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {c.visibility === 'private' ? (
              <Badge size="xs" color="gray" variant="outline">
                {t('community.visibility.private')}
              </Badge>
            ) : null}
            {c.joined ? (
              <Badge size="xs" color="teal" variant="light">
                {c.membership === 'organizer' ? t('community.role.organizer') : t('community.role.member')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {c.purpose}
        </Text>
        {c.topics.length ? (
          <Group gap={4}>
            {c.topics.map((topic) =>
              onTopic ? (
                <Badge
                  key={topic}
                  component="button"
                  type="button"
                  variant="light"
                  color="gray"
                  size="sm"
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                  onClick={() => onTopic(topic)}
                  aria-label={t('community.list.filterByTopic', { topic })}
                >
                  #{topic}
                </Badge>
              ) : (
                <Badge key={topic} variant="light" color="gray" size="sm" style={{ textTransform: 'none' }}>
                  #{topic}
                </Badge>
              ),
            )}
          </Group>
        ) : null}
        <Group justify="space-between" mt="auto" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {t('community.memberCount', { count: c.memberCount })}
            {c.organizers.length
              ? ` ・ ${t('community.organizedBy', { names: c.organizers.map((o) => o.name).join('、') })}`
              : ''}
          </Text>
          {!c.joined && c.visibility === 'open' ? (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => join.mutate()}
              loading={join.isPending}
              style={{ flexShrink: 0 }}
            >
              {t('community.join')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
