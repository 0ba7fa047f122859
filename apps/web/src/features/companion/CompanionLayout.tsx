import { ScrollArea, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

const SECTIONS = ['chat', 'conversations', 'notes', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

const PATHS: Record<Section, string> = {
  chat: '/companion',
  conversations: '/companion/conversations',
  notes: '/companion/notes',
  settings: '/companion/settings',
};

function sectionOf(pathname: string): Section {
  if (pathname.startsWith('/companion/conversations')) return 'conversations';
  if (pathname.startsWith('/companion/notes')) return 'notes';
  if (pathname.startsWith('/companion/settings')) return 'settings';
  return 'chat';
}

/**
 * キャリア相談: one heading and tabs for talking, the kept conversations, private notes and — for
 * hr only — the company's settings (AI role-and-limits text, support contacts). Each tab has its
 * own URL so the browser's back button and bookmarks work.
 */
export function CompanionLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isHr = me.roles.includes('hr');
  const sections = SECTIONS.filter((s) => s !== 'settings' || isHr);
  const active = sectionOf(pathname);
  usePageTitle(
    active === 'chat' ? t('companion.title') : `${t(`companion.nav.${active}`)} - ${t('companion.title')}`,
  );

  return (
    <>
      <Title order={1} size="h2" mb="sm">
        {t('companion.title')}
      </Title>
      <Tabs
        value={active}
        onChange={(value) => {
          const section = SECTIONS.find((s) => s === value);
          if (section) void navigate(PATHS[section]);
        }}
        keepMounted={false}
      >
        <ScrollArea type="never" mb="md">
          <Tabs.List aria-label={t('companion.nav.label')} style={{ flexWrap: 'nowrap' }}>
            {sections.map((s) => (
              <Tabs.Tab key={s} value={s} style={{ whiteSpace: 'nowrap' }}>
                {t(`companion.nav.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </ScrollArea>
        <Tabs.Panel value={active}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
