import type { RouteObject } from 'react-router';

/**
 * The screens under /companion (rendered inside CompanionLayout's tabs). Each loads on first use,
 * so people who never open キャリア相談 never download it.
 */
export const companionRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./ChatPage.tsx')).ChatRoute }),
  },
  {
    path: 'conversations',
    lazy: async () => ({ Component: (await import('./ConversationsPage.tsx')).ConversationsPage }),
  },
  {
    path: 'notes',
    lazy: async () => ({ Component: (await import('./NotesPage.tsx')).NotesPage }),
  },
  {
    path: 'notes/:id',
    lazy: async () => ({ Component: (await import('./NotePage.tsx')).NotePage }),
  },
  {
    path: 'settings',
    lazy: async () => ({ Component: (await import('./SettingsPage.tsx')).SettingsPage }),
  },
];
