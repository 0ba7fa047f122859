import type { ReactNode } from 'react';
import { ComingSoonPage } from '../features/shell/ComingSoonPage.tsx';

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
}

/**
 * One entry per area: to ship an area, replace its `element` with the real page and set
 * `ready: true`. Nothing else in the shell needs to change.
 */
export const AREAS: readonly Area[] = [
  { key: 'community', path: '/community', ready: false, element: <ComingSoonPage area="community" /> },
  // キャリア相談 (career companion) is being built separately: swap this element for its page.
  { key: 'companion', path: '/companion', ready: false, element: <ComingSoonPage area="companion" /> },
  { key: 'career', path: '/career', ready: false, element: <ComingSoonPage area="career" /> },
  { key: 'thanks', path: '/thanks', ready: false, element: <ComingSoonPage area="thanks" /> },
  { key: 'knowhow', path: '/knowhow', ready: false, element: <ComingSoonPage area="knowhow" /> },
];
