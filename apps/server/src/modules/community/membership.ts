import type { AppDeps, ZodApp } from '../../app.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { communityRepo, type MemberRole } from './repo.ts';
import { peopleRepo } from './people.repo.ts';
import { postRepo } from './posts.repo.ts';
import { communityPolicy } from './policy.ts';
import { loadCommunity } from './context.ts';
import { runCommand } from './events.ts';
import { communityView } from './communities.ts';
import { searchTerms } from '../identity/userSearch.ts';
import { IdParams, MarkReadBody, MemberParams, MembersQuery, UserRefBody } from './schema.ts';

/**
 * Joining and leaving, acknowledging a community's purpose and rules, members and organizers, and
 * the reader's own last-read position. Open communities: anyone joins in one click. Private ones:
 * organizers add members (there is no way to ask to join something you cannot see).
 */
export function membershipRoutes(app: ZodApp, deps: AppDeps) {
  const membershipChanged = (
    communityId: string,
    visibility: 'open' | 'private',
    actorId: string,
    userIds: string[],
  ) => ({ type: 'membership.changed', communityId, visibility, actorId, at: nowIso(), userIds }) as const;

  app.post(
    '/api/communities/:id/join',
    { schema: { tags: ['community'], params: IdParams } },
    async (request) => {
      const actor = request.actor!;
      const { community } = await runCommand(deps, async (tx, emit) => {
        const loaded = await loadCommunity(tx, actor, request.params.id);
        if (loaded.subject.membership) return loaded; // already a member: nothing to do
        communityPolicy.authorize(actor, 'community.join', loaded.subject);
        await communityRepo.addMember(tx, loaded.community.id, actor.userId, 'member');
        emit(membershipChanged(loaded.community.id, loaded.subject.visibility, actor.userId, [actor.userId]));
        return loaded;
      });
      return communityView(deps.db, actor, community);
    },
  );

  app.post(
    '/api/communities/:id/leave',
    { schema: { tags: ['community'], params: IdParams } },
    async (request) => {
      const actor = request.actor!;
      await runCommand(deps, async (tx, emit) => {
        const { community, subject } = await loadCommunity(tx, actor, request.params.id);
        communityPolicy.authorize(actor, 'community.leave', subject);
        if (
          subject.membership === 'organizer' &&
          (await communityRepo.countOrganizers(tx, community.id)) <= 1
        ) {
          throw new AppError('community.last_organizer');
        }
        await communityRepo.removeMember(tx, community.id, actor.userId);
        emit(membershipChanged(community.id, subject.visibility, actor.userId, [actor.userId]));
      });
      // After leaving a private community the reader can no longer see it.
      const c = await communityRepo.findById(deps.db, request.params.id);
      return c && c.visibility === 'open' ? communityView(deps.db, actor, c) : { left: true };
    },
  );

  app.post(
    '/api/communities/:id/acknowledge',
    { schema: { tags: ['community'], params: IdParams } },
    async (request) => {
      const actor = request.actor!;
      const { community } = await loadCommunity(deps.db, actor, request.params.id);
      await communityRepo.acknowledgeRules(deps.db, community.id, actor.userId, community.rules_version);
      return communityView(deps.db, actor, community);
    },
  );

  app.get(
    '/api/communities/:id/members',
    { schema: { tags: ['community'], params: IdParams, querystring: MembersQuery } },
    async (request) => {
      const actor = request.actor!;
      const { community } = await loadCommunity(deps.db, actor, request.params.id);
      const rows = await communityRepo.listMembers(deps.db, community.id, {
        ...(request.query.after ? { after: request.query.after } : {}),
        terms: searchTerms(request.query.q),
        limit: request.query.limit + 1,
      });
      const items = rows.slice(0, request.query.limit);
      return {
        items: items.map((r) => ({ id: r.id, name: r.name, role: r.role, joinedAt: r.joined_at })),
        nextAfter: rows.length > request.query.limit ? (items[items.length - 1]?.id ?? null) : null,
      };
    },
  );

  const addWithRole = async (actor: Actor, communityId: string, userId: string, role: MemberRole) => {
    await runCommand(deps, async (tx, emit) => {
      const { community, subject } = await loadCommunity(tx, actor, communityId);
      communityPolicy.authorize(actor, 'community.manage', subject);
      const [user] = await peopleRepo.usersByIds(tx, [userId]);
      if (!user) {
        throw new AppError('identity.unknown_user', {
          status: 400,
          fields: [{ field: 'userId', code: 'unknown_reference' }],
        });
      }
      const current = await communityRepo.membership(tx, community.id, user.id);
      if (role === 'member' && current === 'organizer') return; // adding never demotes
      await communityRepo.addMember(tx, community.id, user.id, role);
      emit(membershipChanged(community.id, subject.visibility, actor.userId, [user.id]));
    });
    return { ok: true };
  };

  app.post(
    '/api/communities/:id/members',
    { schema: { tags: ['community'], params: IdParams, body: UserRefBody } },
    async (request) => addWithRole(request.actor!, request.params.id, request.body.userId, 'member'),
  );
  app.post(
    '/api/communities/:id/organizers',
    { schema: { tags: ['community'], params: IdParams, body: UserRefBody } },
    async (request) => addWithRole(request.actor!, request.params.id, request.body.userId, 'organizer'),
  );

  const removeRole = async (actor: Actor, communityId: string, target: string, mode: 'remove' | 'demote') => {
    await runCommand(deps, async (tx, emit) => {
      const { community, subject } = await loadCommunity(tx, actor, communityId);
      communityPolicy.authorize(actor, 'community.manage', subject);
      const current = await communityRepo.membership(tx, community.id, target);
      if (!current || (mode === 'demote' && current !== 'organizer')) throw notFound();
      if (current === 'organizer' && (await communityRepo.countOrganizers(tx, community.id)) <= 1) {
        throw new AppError('community.last_organizer');
      }
      if (mode === 'remove') await communityRepo.removeMember(tx, community.id, target);
      else await communityRepo.addMember(tx, community.id, target, 'member');
      emit(membershipChanged(community.id, subject.visibility, actor.userId, [target]));
    });
    return { ok: true };
  };

  app.delete(
    '/api/communities/:id/members/:userId',
    { schema: { tags: ['community'], params: MemberParams } },
    async (request) => removeRole(request.actor!, request.params.id, request.params.userId, 'remove'),
  );
  app.delete(
    '/api/communities/:id/organizers/:userId',
    { schema: { tags: ['community'], params: MemberParams } },
    async (request) => removeRole(request.actor!, request.params.id, request.params.userId, 'demote'),
  );

  /** Moves the reader's own unread marker: up to a given post, or to the newest post. */
  app.post(
    '/api/communities/:id/read',
    { schema: { tags: ['community'], params: IdParams, body: MarkReadBody } },
    async (request) => {
      const actor = request.actor!;
      const { community } = await loadCommunity(deps.db, actor, request.params.id);
      let target: { created_at: string; id: string } | undefined;
      if (request.body.postId) {
        const p = await postRepo.findById(deps.db, request.body.postId);
        if (!p || p.community_id !== community.id) throw notFound();
        target = p;
      } else {
        [target] = await postRepo.communityPage(deps.db, community.id, { limit: 1 });
      }
      if (target)
        await communityRepo.markRead(deps.db, actor.userId, community.id, target.created_at, target.id);
      return { ok: true };
    },
  );
}
