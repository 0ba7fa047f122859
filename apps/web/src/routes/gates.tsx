import { useEffect } from 'react';
import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { MeContext, isSignedOutOnPurpose, useSession } from '../api/session.ts';
import { applyLocale } from '../i18n/index.ts';
import { ErrorState, LoadingState } from '../components/QueryStates.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

/**
 * Loads the session before anything else renders, and lets the signed-in user's saved language
 * win over whatever this browser had chosen.
 */
export function SessionRoot() {
  const session = useSession();
  const userLocale = session.data?.user?.locale;

  useEffect(() => {
    if (userLocale) applyLocale(userLocale);
  }, [userLocale]);

  if (session.isPending) {
    return (
      <Center mih="100vh">
        <LoadingState />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480} w="100%">
          <ErrorState error={session.error} onRetry={() => void session.refetch()} />
        </Stack>
      </Center>
    );
  }
  return <Outlet />;
}

/**
 * Signed-in pages: anyone else is sent to the login page, which brings them back afterwards (unless
 * they just logged out on purpose).
 */
export function RequireUser() {
  const { data } = useSession();
  const location = useLocation();
  if (!data?.user) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/' || isSignedOutOnPurpose() ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return (
    <MeContext.Provider value={data.user}>
      <Outlet />
    </MeContext.Provider>
  );
}

/**
 * Admin pages, for users whose session says `abilities.admin`. Others get the not-found page: the
 * server refuses them anyway, and the menu never shows them the link.
 */
export function RequireAdmin() {
  const { data } = useSession();
  if (!data?.user?.abilities.admin) return <NotFoundPage />;
  return <Outlet />;
}

/** Unexpected render or routing errors: say so and offer a reload, never a blank page. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" p="md">
      <Stack maw={480} w="100%">
        <ErrorState error={null} />
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('shell.reload')}
        </Button>
      </Stack>
    </Center>
  );
}
