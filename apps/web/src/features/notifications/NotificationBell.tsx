import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { BellIcon } from '../community/components/icons.tsx';
import { useMarkRead, useNotifications, useUnreadCount } from './api.ts';
import { NotificationList } from './NotificationList.tsx';

/** The header bell: the unread count (live), and the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useUnreadCount();
  const mobile = useIsMobile();
  const unread = count.data?.unreadCount ?? 0;
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
    >
      {/* The count is drawn beside the button; the button's own name says it for screen readers. */}
      <Indicator
        label={<span aria-hidden>{unread > 99 ? '99+' : unread}</span>}
        size={16}
        color="red"
        disabled={unread === 0}
        offset={4}
        inline
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size={mobile ? 'md' : 'lg'}
            onClick={toggle}
            aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.title')}
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <BellIcon size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>{opened ? <BellPanel onClose={close} /> : null}</Popover.Dropdown>
    </Popover>
  );
}

function BellPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications(10);
  const markRead = useMarkRead();
  const items = list.data?.pages[0]?.items ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <Stack gap={0}>
      <Group justify="space-between" px="sm" py="xs">
        <Text fw={700} size="sm">
          {t('notifications.title')}
        </Text>
        {unread ? (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => markRead.mutate(null)}
            loading={markRead.isPending}
          >
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <Divider />
      <ScrollArea.Autosize mah={420} type="auto">
        <div style={{ padding: 4 }}>
          {list.isPending ? (
            <LoadingState />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          ) : !items.length ? (
            <EmptyState>{t('notifications.empty')}</EmptyState>
          ) : (
            <NotificationList items={items} onOpen={onClose} />
          )}
        </div>
      </ScrollArea.Autosize>
      <Divider />
      <Group justify="center" py="xs">
        <Anchor component={Link} to="/notifications" size="sm" onClick={onClose}>
          {t('notifications.viewAll')}
        </Anchor>
      </Group>
    </Stack>
  );
}
