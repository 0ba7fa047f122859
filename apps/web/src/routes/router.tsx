import { createBrowserRouter, Navigate } from 'react-router';
import { SessionRoot, RequireAdmin, RequireUser, RouteErrorPage } from './gates.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { AREAS } from './areas.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { AppLayout } from '../features/shell/AppLayout.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { SearchPage } from '../features/search/SearchPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { PersonPage } from '../features/community/PersonPage.tsx';
import { LoadingState } from '../components/QueryStates.tsx';

/**
 * Every screen of the web app. Areas come from routes/areas.tsx so the menu and routes agree.
 * Admin screens load on first use (most people never open them, and they bring the CSV and
 * form schemas along).
 */
export const router = createBrowserRouter([
  {
    element: <SessionRoot />,
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireUser />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              ...AREAS.map((area) => ({
                path: area.path,
                element: area.element,
                ...(area.children ? { children: area.children } : {}),
              })),
              { path: '/settings', element: <SettingsPage /> },
              { path: '/search', element: <SearchPage /> },
              { path: '/notifications', element: <NotificationsPage /> },
              { path: '/people/:personId', element: <PersonPage /> },
              {
                path: '/admin',
                element: <RequireAdmin />,
                children: [
                  {
                    lazy: async () => ({
                      Component: (await import('../features/admin/AdminLayout.tsx')).AdminLayout,
                    }),
                    children: [
                      { index: true, element: <Navigate to="/admin/users" replace /> },
                      {
                        path: 'users',
                        lazy: async () => ({
                          Component: (await import('../features/admin/users/UsersPage.tsx')).UsersPage,
                        }),
                      },
                      {
                        path: 'departments',
                        lazy: async () => ({
                          Component: (await import('../features/admin/departments/DepartmentsPage.tsx'))
                            .DepartmentsPage,
                        }),
                      },
                      {
                        path: 'import',
                        lazy: async () => ({
                          Component: (await import('../features/admin/import/ImportPage.tsx')).ImportPage,
                        }),
                      },
                      {
                        path: 'private',
                        lazy: async () => ({
                          Component: (await import('../features/admin/private/PrivateCommunitiesPage.tsx'))
                            .PrivateCommunitiesPage,
                        }),
                      },
                    ],
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
