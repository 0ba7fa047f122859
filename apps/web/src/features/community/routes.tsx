import { Outlet, type RouteObject } from 'react-router';
import { CommunitiesPage } from './CommunitiesPage.tsx';
import { CommunityPage } from './CommunityPage.tsx';
import { CommunitySettingsPage } from './CommunitySettingsPage.tsx';
import { ModerationPage } from './ModerationPage.tsx';
import { PostPage } from './PostPage.tsx';

/** The community area's element: its pages render below through the outlet. */
export function CommunityArea() {
  return <Outlet />;
}

/**
 * Pages under /community. Post links (/community/<id>/posts/<id>#comment-<id>) are also what the
 * notifications module writes (modules/notifications/community-events.ts), so keep them stable.
 */
export const communityRoutes: RouteObject[] = [
  { index: true, element: <CommunitiesPage /> },
  { path: 'moderation', element: <ModerationPage /> },
  { path: ':communityId', element: <CommunityPage /> },
  { path: ':communityId/settings', element: <CommunitySettingsPage /> },
  { path: ':communityId/posts/:postId', element: <PostPage /> },
];
