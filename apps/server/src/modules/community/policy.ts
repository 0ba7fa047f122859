import { isKnowhowKind } from '@engawa/shared';
import { definePolicy } from '../../platform/policy.ts';
import { hasRole, type Actor } from '../../platform/actor.ts';
import type { MemberRole } from './repo.ts';

/** What the policy needs to know about a community, from the actor's point of view. */
export interface CommunitySubject {
  visibility: 'open' | 'private';
  membership: MemberRole | null;
}

export interface PostSubject extends CommunitySubject {
  authorId: string | null;
  kind: string;
  status: string;
  requiresConfirmation: boolean;
}

export interface CommentSubject extends CommunitySubject {
  authorId: string | null;
  status: string;
  postStatus: string;
}

/** Open communities are visible to everyone signed in; a private one only to its members (admins included). */
const sees = (_a: Actor, s: CommunitySubject) => s.visibility === 'open' || s.membership !== null;
const organizes = (_a: Actor, s: CommunitySubject) => s.membership === 'organizer';
/**
 * Organizers moderate their community; admins moderate open communities. An admin has no way into a
 * private community's content (they see only the list of private communities and the reasons).
 */
const moderates = (a: Actor, s: CommunitySubject) =>
  organizes(a, s) || (s.visibility === 'open' && hasRole(a, 'admin'));
const own = (a: Actor, s: { authorId: string | null }) => s.authorId !== null && s.authorId === a.userId;

/**
 * Who may do what in communities. Deny by default; routes answer 404 when `*.view` fails (a private
 * community's existence is not revealed) and 403 for visible objects the actor may not change.
 */
export const communityPolicy = definePolicy({
  'community.create': () => true,
  'community.view': sees,
  'community.join': (_a, s: CommunitySubject) => s.visibility === 'open' && s.membership === null,
  'community.leave': (_a, s: CommunitySubject) => s.membership !== null,
  'community.post': (_a, s: CommunitySubject) => s.membership !== null,
  'community.manage': organizes,
  'community.announce': organizes,
  'community.announceCompany': (a, s: CommunitySubject) =>
    organizes(a, s) && s.visibility === 'open' && (hasRole(a, 'admin') || hasRole(a, 'hr')),
  'community.moderate': moderates,
  'community.listPrivate': (a) => hasRole(a, 'admin'),

  'post.view': (a, s: PostSubject) =>
    sees(a, s) && (s.status === 'visible' || (s.status === 'hidden' && moderates(a, s))),
  'post.edit': (a, s: PostSubject) => s.status === 'visible' && sees(a, s) && own(a, s),
  'post.delete': (a, s: PostSubject) =>
    s.status !== 'deleted' && ((sees(a, s) && own(a, s)) || moderates(a, s)),
  'post.pin': (a, s: PostSubject) => s.status === 'visible' && organizes(a, s),
  'post.accept': (a, s: PostSubject) =>
    s.status === 'visible' && s.kind === 'question' && sees(a, s) && (own(a, s) || organizes(a, s)),
  'post.comment': (_a, s: PostSubject) => s.status === 'visible' && s.membership !== null,
  'post.react': (a, s: PostSubject) => s.status === 'visible' && sees(a, s),
  'post.signal': (a, s: PostSubject) =>
    s.status === 'visible' && sees(a, s) && isKnowhowKind(s.kind) && !own(a, s),
  'post.confirm': (a, s: PostSubject) =>
    s.status === 'visible' && sees(a, s) && s.kind === 'announcement' && s.requiresConfirmation,
  'post.confirmations': (a, s: PostSubject) => s.kind === 'announcement' && organizes(a, s),
  'post.revisions': (a, s: PostSubject) => s.status === 'visible' && sees(a, s),
  'post.report': (a, s: PostSubject) => s.status === 'visible' && sees(a, s) && !own(a, s),

  'comment.edit': (a, s: CommentSubject) =>
    s.status === 'visible' && s.postStatus === 'visible' && sees(a, s) && own(a, s),
  'comment.delete': (a, s: CommentSubject) =>
    s.status !== 'deleted' && ((sees(a, s) && own(a, s)) || moderates(a, s)),
  'comment.react': (a, s: CommentSubject) =>
    s.status === 'visible' && s.postStatus === 'visible' && sees(a, s),
  'comment.report': (a, s: CommentSubject) =>
    s.status === 'visible' && s.postStatus === 'visible' && sees(a, s) && !own(a, s),
  /** Hidden comments stay readable to moderators (so they can restore them). */
  'comment.seeHidden': moderates,
});
