import type { RouteObject } from 'react-router';

/** The screens under /career (inside CareerLayout's tabs), each loaded on first use. */
export const careerRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./ProfilePage.tsx')).ProfilePage }) },
  {
    path: 'opportunities',
    lazy: async () => ({ Component: (await import('./OpportunitiesPage.tsx')).OpportunitiesPage }),
  },
  {
    path: 'opportunities/:id',
    lazy: async () => ({ Component: (await import('./OpportunitiesPage.tsx')).OpportunityRoute }),
  },
  { path: 'oneonone', lazy: async () => ({ Component: (await import('./OneOnOnePage.tsx')).OneOnOnePage }) },
  {
    path: 'oneonone/:userId',
    lazy: async () => ({ Component: (await import('./MemberPage.tsx')).MemberPage }),
  },
  { path: 'manage', lazy: async () => ({ Component: (await import('./ManagePage.tsx')).ManagePage }) },
];
