import { useEffect, useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { theme } from './theme.ts';
import { i18n } from './i18n/index.ts';
import { ApiError } from './api/errors.ts';
import { onUnauthenticated } from './api/client.ts';
import { SESSION_KEY } from './api/session.ts';
import { router } from './routes/router.tsx';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors are answers, not hiccups: retrying a 404 or 403 only delays the message.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** Providers for the whole app: theme, notifications, server state, translations, routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);

  // The session ended elsewhere (expiry, "sign out on all devices", disabled account): reload the
  // session, which sends the user back to the login page.
  useEffect(
    () => onUnauthenticated(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })),
    [queryClient],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
