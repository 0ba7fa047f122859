import { Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle.ts';

const SECTIONS = ['users', 'departments', 'import', 'private'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * 管理: one page with tabs for users, departments, the CSV import and the list of private communities
 * with their reasons (each tab has its own URL).
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active: Section = SECTIONS.find((s) => pathname.startsWith(`/admin/${s}`)) ?? 'users';
  usePageTitle(`${t(`admin.tabs.${active}`)} - ${t('admin.title')}`);

  return (
    <>
      <Title order={1} size="h2" mb="md">
        {t('admin.title')}
      </Title>
      <Tabs
        value={active}
        onChange={(value) => value && void navigate(`/admin/${value}`)}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {SECTIONS.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`admin.tabs.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={active}>
          <Outlet />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
