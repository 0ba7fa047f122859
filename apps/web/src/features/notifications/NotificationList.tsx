import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Time } from '../community/components/Time.tsx';
import { useMarkRead, type AppNotification } from './api.ts';

/**
 * Notifications, one row per thread (several comments on one post are one row, "N new comments").
 * Opening one marks it read and goes to the post (at the comment).
 */
export function NotificationList({ items, onOpen }: { items: AppNotification[]; onOpen?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((n) => (
        <li key={n.id}>
          <UnstyledButton
            w="100%"
            p="xs"
            style={{
              borderRadius: 'var(--mantine-radius-md)',
              background: n.read ? undefined : 'var(--mantine-color-teal-0)',
            }}
            onClick={() => {
              if (!n.read) markRead.mutate(n.id);
              onOpen?.();
              navigate(n.link);
            }}
            aria-label={n.read ? n.title : t('notifications.unreadItem', { title: n.title })}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <span
                aria-hidden
                style={{
                  width: 8,
                  height: 8,
                  marginTop: 8,
                  borderRadius: 4,
                  flexShrink: 0,
                  background: n.read ? 'transparent' : 'var(--mantine-color-teal-6)',
                }}
              />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={n.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                  {n.title}
                </Text>
                <Group gap={6}>
                  {n.urgent ? (
                    <Badge size="xs" color="red" variant="light">
                      {t('notifications.urgent')}
                    </Badge>
                  ) : null}
                  {n.count > 1 ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t('notifications.grouped', { count: n.count })}
                    </Badge>
                  ) : null}
                  {n.context ? (
                    <Text size="xs" c="dimmed" truncate>
                      {n.context}
                    </Text>
                  ) : null}
                  <Time iso={n.updatedAt} />
                </Group>
              </Stack>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
