import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { SESSION_KEY, setSignedOutOnPurpose, useMe } from '../../api/session.ts';
import { forgetDraftsOf } from '../community/useStoredDraft.ts';

/** Initials for the avatar: the first character of the name (a Japanese surname reads well alone). */
function initial(name: string): string {
  return Array.from(name.trim())[0] ?? '?';
}

/**
 * Hook shared by the menu and the settings page: signs out and forgets the user's data in this tab,
 * and their unsent community drafts in this browser; the signed-in gate then shows the login page.
 */
export function useLogout(path: '/api/auth/logout' | '/api/auth/logout-all') {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  return useMutation({
    mutationFn: () => {
      // Before the request, so a logout that fails (an expired session, no network) forgets them too.
      forgetDraftsOf(me.id);
      return api.post(path);
    },
    onSuccess: async () => {
      setSignedOutOnPurpose(true);
      notifications.show({
        color: 'teal',
        message: path === '/api/auth/logout' ? t('auth.loggedOut') : t('auth.loggedOutEverywhere'),
      });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    },
    onError: (error) =>
      notifications.show({ color: 'red', message: errorMessage(error, t('errors.common.internal')) }),
  });
}

/** The signed-in person's menu in the header: who they are, 設定 and ログアウト. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout('/api/auth/logout');
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.userMenu', { name: me.name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="teal" radius="xl" size={32}>
              {initial(me.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {me.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings">
          {t('shell.nav.settings')}
        </Menu.Item>
        <Menu.Item onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
