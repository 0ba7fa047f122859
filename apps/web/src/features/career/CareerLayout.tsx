import { ScrollArea, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../api/session.ts';
import { usePageTitle } from '../../components/usePageTitle.ts';

const SECTIONS = ['profile', 'opportunities', 'oneonone', 'manage'] as const;
type Section = (typeof SECTIONS)[number];

const PATHS: Record<Section, string> = {
  profile: '/career',
  opportunities: '/career/opportunities',
  oneonone: '/career/oneonone',
  manage: '/career/manage',
};

function sectionOf(pathname: string): Section {
  for (const s of ['opportunities', 'oneonone', 'manage'] as const) {
    if (pathname.startsWith(PATHS[s])) return s;
  }
  return 'profile';
}

/** キャリア: my profile, internal opportunities, the 1on1 bridge and — for hr — the catalog. */
export function CareerLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sections = SECTIONS.filter((s) => s !== 'manage' || me.roles.includes('hr'));
  const active = sectionOf(pathname);
  usePageTitle(`${t(`career.ui.nav.${active}`)} - ${t('career.ui.title')}`);
  return (
    <>
      <Title order={1} size="h2" mb="sm">
        {t('career.ui.title')}
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
          <Tabs.List aria-label={t('career.ui.nav.label')} style={{ flexWrap: 'nowrap' }}>
            {sections.map((s) => (
              <Tabs.Tab key={s} value={s} style={{ whiteSpace: 'nowrap' }}>
                {t(`career.ui.nav.${s}`)}
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
