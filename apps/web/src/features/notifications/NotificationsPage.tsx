import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useMarkRead, useNotifications } from './api.ts';
import { NotificationList } from './NotificationList.tsx';

/** 通知: every notification, newest first, grouped by thread; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications(30);
  const markRead = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.waitingNote')}
        actions={
          unread ? (
            <Button variant="light" onClick={() => markRead.mutate(null)} loading={markRead.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          ) : null
        }
      />
      <Stack gap="sm" maw={760}>
        {unread ? (
          <Text size="sm" c="dimmed">
            {t('notifications.unreadCount', { count: unread })}
          </Text>
        ) : null}
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !items.length ? (
          <EmptyState>{t('notifications.empty')}</EmptyState>
        ) : (
          <Card withBorder padding="xs">
            <NotificationList items={items} />
          </Card>
        )}
        {list.hasNextPage ? (
          <Group justify="center">
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('community.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
