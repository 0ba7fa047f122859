import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { ComingSoonPage } from '../features/shell/ComingSoonPage.tsx';
import { CareerLayout } from '../features/career/CareerLayout.tsx';
import { careerRoutes } from '../features/career/routes.tsx';
import { CompanionLayout } from '../features/companion/CompanionLayout.tsx';
import { companionRoutes } from '../features/companion/routes.tsx';
import { CommunityArea, communityRoutes } from '../features/community/routes.tsx';
import { KnowhowPage } from '../features/knowhow/KnowhowPage.tsx';

/** The product areas shown in the navigation and on the home page, in menu order. */
export const AREA_KEYS = ['community', 'companion', 'career', 'thanks', 'knowhow'] as const;
export type AreaKey = (typeof AREA_KEYS)[number];

export interface Area {
  key: AreaKey;
  /** Route path, also the navigation link. */
  path: string;
  /** False while the area shows the 準備中 page; the home page lists this status. */
  ready: boolean;
  element: ReactNode;
  /** Pages under the area's path (its element then renders them through an <Outlet />). */
  children?: RouteObject[];
}

/**
 * One entry per area: to ship an area, replace its `element` with the real page and set
 * `ready: true`. Nothing else in the shell needs to change.
 */
export const AREAS: readonly Area[] = [
  {
    key: 'community',
    path: '/community',
    ready: true,
    element: <CommunityArea />,
    children: communityRoutes,
  },
  {
    key: 'companion',
    path: '/companion',
    ready: true,
    element: <CompanionLayout />,
    children: companionRoutes,
  },
  {
    key: 'career',
    path: '/career',
    ready: true,
    element: <CareerLayout />,
    children: careerRoutes,
  },
  { key: 'thanks', path: '/thanks', ready: false, element: <ComingSoonPage area="thanks" /> },
  { key: 'knowhow', path: '/knowhow', ready: true, element: <KnowhowPage /> },
];
