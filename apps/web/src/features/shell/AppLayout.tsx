import { AppShell, Burger, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { useMe } from '../../api/session.ts';
import { AREAS } from '../../routes/areas.tsx';
import { LanguageSelect } from './LanguageSelect.tsx';
import { UserMenu } from './UserMenu.tsx';
import { HeaderSearch } from '../search/HeaderSearch.tsx';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { RealtimeBridge } from '../../realtime/RealtimeBridge.tsx';
import { forgetOtherPeoplesDrafts } from '../community/useStoredDraft.ts';

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * The signed-in frame: header (burger on phones, language, user menu), the navigation of the
 * whole product, and the page. Below the `sm` breakpoint the navigation folds into the burger.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  // While the next page's code loads the previous page stays on screen: say so to assistive tech.
  const navigating = useNavigation().state !== 'idle';
  // A shared PC: community drafts someone else left in this browser are not this person's to see.
  useEffect(() => forgetOtherPeoplesDrafts(me.id), [me.id]);
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below `sm` the closed navigation is only moved off screen: make it inert so keyboard and
  // screen reader users do not wander through links they cannot see.
  const navHidden = useIsMobile() && !opened;

  const links = [
    { path: '/', label: t('shell.nav.home') },
    ...AREAS.map((a) => ({ path: a.path, label: t(`shell.nav.${a.key}`) })),
    ...(me.abilities.admin ? [{ path: '/admin', label: t('shell.nav.admin') }] : []),
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a className="engawa-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
              aria-expanded={opened}
              aria-controls="engawa-navbar"
            />
            <UnstyledButton component={Link} to="/" onClick={close} aria-label={t('shell.nav.home')}>
              <Text fw={700} size="lg" c="teal.8">
                {t('common.appName')}
              </Text>
            </UnstyledButton>
          </Group>
          {/* Tight on phones: search, bell, language and avatar must fit in 375px. */}
          <Group gap={6} wrap="nowrap">
            <HeaderSearch />
            <NotificationBell />
            <LanguageSelect />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {/* AppShell.Navbar is the <nav> landmark itself. */}
      <AppShell.Navbar p="xs" id="engawa-navbar" inert={navHidden} aria-label={t('shell.mainNav')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {links.map((link) => {
              const active = isActive(pathname, link.path);
              return (
                <NavLink
                  key={link.path}
                  component={Link}
                  to={link.path}
                  label={link.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={close}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      {/* The tab's one live-update connection (renders nothing). */}
      <RealtimeBridge />
      {/* data-path: the page on screen (the address bar changes before it does). */}
      <AppShell.Main id="main" tabIndex={-1} aria-busy={navigating} data-path={pathname}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
