import type { Kysely, Transaction } from 'kysely';
import { CODE_OF_CONDUCT_VERSION } from '@engawa/shared';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../db/index.ts';
import { communityRepo } from './repo.ts';
import { peopleRepo } from './people.repo.ts';
import { moderationRepo } from './moderation.repo.ts';
import { communityPolicy } from './policy.ts';
import { communitySubject, decodeCursor, loadCommunity, pageOf, type CommunityRow } from './context.ts';
import { presentCommunity, presentCommunitySummary } from './presenter.ts';
import { runCommand } from './events.ts';
import { nextUrgentAt } from './urgent.ts';
import { searchTerms } from '../identity/userSearch.ts';
import { CreateCommunityBody, IdParams, ListCommunitiesQuery, UpdateCommunityBody } from './schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** One community per name, whatever the width, case or surrounding spaces (NFKC). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

function normalizeTopics(topics: readonly string[]): string[] {
  return [...new Set(topics.map((t) => t.normalize('NFKC').trim()).filter(Boolean))];
}

/** A community as its page shows it to this actor. */
export async function communityView(db: Q, actor: Actor, c: CommunityRow) {
  const [topics, organizers, counts, membership, rulesAck, conduct] = await Promise.all([
    communityRepo.topicsOf(db, [c.id]),
    communityRepo.organizersOf(db, [c.id]),
    communityRepo.memberCounts(db, [c.id]),
    communityRepo.membership(db, c.id, actor.userId),
    communityRepo.rulesAck(db, c.id, actor.userId),
    communityRepo.conductAck(db, actor.userId),
  ]);
  const subject = communitySubject(c, membership);
  // Only those who may announce learn when the next urgent announcement is possible (the composer's hint).
  const nextUrgent = communityPolicy.can(actor, 'community.announce', subject)
    ? await nextUrgentAt(db, c.id, new Date())
    : null;
  return presentCommunity(actor, c, {
    topics: topics.get(c.id) ?? [],
    organizers: organizers.get(c.id) ?? [],
    memberCount: counts.get(c.id) ?? 0,
    subject,
    rulesAckVersion: rulesAck ? Number(rulesAck.rules_version) : null,
    conductAcked: !!conduct && Number(conduct.version) >= CODE_OF_CONDUCT_VERSION,
    urgentAvailableAt: nextUrgent ? nextUrgent.toISOString() : null,
  });
}

async function assertActiveUsers(db: Q, ids: readonly string[], field: string) {
  if (!ids.length) return;
  const found = await peopleRepo.usersByIds(db, ids);
  if (found.length !== new Set(ids).size) {
    throw new AppError('identity.unknown_user', {
      status: 400,
      fields: [{ field, code: 'unknown_reference' }],
    });
  }
}

function privateReasonRequired(): AppError {
  return new AppError('community.private_reason_required', {
    fields: [{ field: 'privateReason', code: 'required' }],
  });
}

function nameTaken(): AppError {
  return new AppError('community.name_taken', { fields: [{ field: 'name', code: 'taken' }] });
}

/** Browse, create, read and change communities; the admin list of private ones; the code of conduct. */
export function communityRoutes(app: ZodApp, deps: AppDeps) {
  app.get(
    '/api/communities',
    { schema: { tags: ['community'], querystring: ListCommunitiesQuery } },
    async (request) => {
      const actor = request.actor!;
      const q = request.query;
      const cursor = decodeCursor(q.cursor);
      const topic = q.topic ? normalizeTopics([q.topic])[0] : undefined;
      const rows = await communityRepo.listVisible(deps.db, {
        userId: actor.userId,
        scope: q.scope,
        ...(topic ? { topic } : {}),
        terms: searchTerms(q.q),
        ...(cursor ? { cursor } : {}),
        limit: q.limit + 1,
      });
      const page = pageOf(rows, q.limit);
      const ids = page.items.map((c) => c.id);
      const [topics, organizers, counts, memberships] = await Promise.all([
        communityRepo.topicsOf(deps.db, ids),
        communityRepo.organizersOf(deps.db, ids),
        communityRepo.memberCounts(deps.db, ids),
        communityRepo.membershipsOf(deps.db, actor.userId, ids),
      ]);
      return {
        items: page.items.map((c) =>
          presentCommunitySummary(c, {
            topics: topics.get(c.id) ?? [],
            organizers: organizers.get(c.id) ?? [],
            memberCount: counts.get(c.id) ?? 0,
            subject: communitySubject(c, memberships.get(c.id) ?? null),
          }),
        ),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.post(
    '/api/communities',
    { schema: { tags: ['community'], body: CreateCommunityBody } },
    async (request, reply) => {
      const actor = request.actor!;
      communityPolicy.authorize(actor, 'community.create', undefined as never);
      const b = request.body;
      const reason = b.privateReason?.trim() || null;
      if (b.visibility === 'private' && !reason) throw privateReasonRequired();
      const key = nameKey(b.name);
      const organizerIds = [...new Set(b.organizerIds.filter((id) => id !== actor.userId))];
      const id = newId();
      try {
        await runCommand(deps, async (tx, emit) => {
          if (await communityRepo.findByNameKey(tx, key)) throw nameTaken();
          await assertActiveUsers(tx, organizerIds, 'organizerIds');
          const now = nowIso();
          await communityRepo.insert(tx, {
            id,
            name: b.name,
            name_key: key,
            purpose: b.purpose,
            rules: b.rules,
            rules_version: 1,
            visibility: b.visibility,
            private_reason: b.visibility === 'private' ? reason : null,
            created_by: actor.userId,
            last_post_at: null,
            created_at: now,
            updated_at: now,
          });
          await communityRepo.setTopics(tx, id, normalizeTopics(b.topics));
          await communityRepo.addMember(tx, id, actor.userId, 'organizer');
          for (const o of organizerIds) await communityRepo.addMember(tx, id, o, 'organizer');
          // The creator wrote the rules: no need to acknowledge them.
          await communityRepo.acknowledgeRules(tx, id, actor.userId, 1);
          await moderationRepo.audit(tx, {
            actor_id: actor.userId,
            action: 'community.created',
            subject_type: 'community',
            subject_id: id,
            detail: { visibility: b.visibility },
          });
          // Listeners (search) treat a new community like a changed one.
          emit({
            type: 'community.updated',
            communityId: id,
            visibility: b.visibility,
            actorId: actor.userId,
            at: now,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw nameTaken();
        throw e;
      }
      const created = await communityRepo.findById(deps.db, id);
      reply.status(201);
      return communityView(deps.db, actor, created!);
    },
  );

  app.get('/api/communities/:id', { schema: { tags: ['community'], params: IdParams } }, async (request) => {
    const actor = request.actor!;
    const { community } = await loadCommunity(deps.db, actor, request.params.id);
    return communityView(deps.db, actor, community);
  });

  app.patch(
    '/api/communities/:id',
    { schema: { tags: ['community'], params: IdParams, body: UpdateCommunityBody } },
    async (request) => {
      const actor = request.actor!;
      const b = request.body;
      try {
        await runCommand(deps, async (tx, emit) => {
          const { community: c, subject } = await loadCommunity(tx, actor, request.params.id);
          communityPolicy.authorize(actor, 'community.manage', subject);
          const visibility = b.visibility ?? (c.visibility as 'open' | 'private');
          const reason =
            b.privateReason !== undefined ? b.privateReason?.trim() || null : (c.private_reason ?? null);
          if (visibility === 'private' && !reason) throw privateReasonRequired();
          const set: Parameters<typeof communityRepo.update>[2] = {};
          if (b.name !== undefined && b.name !== c.name) {
            const key = nameKey(b.name);
            const other = await communityRepo.findByNameKey(tx, key);
            if (other && other.id !== c.id) throw nameTaken();
            Object.assign(set, { name: b.name, name_key: key });
          }
          if (b.purpose !== undefined) set.purpose = b.purpose;
          if (b.rules !== undefined && b.rules !== c.rules) {
            set.rules = b.rules;
            set.rules_version = c.rules_version + 1;
            await communityRepo.acknowledgeRules(tx, c.id, actor.userId, c.rules_version + 1);
          }
          set.visibility = visibility;
          set.private_reason = visibility === 'private' ? reason : null;
          await communityRepo.update(tx, c.id, set);
          if (b.topics) await communityRepo.setTopics(tx, c.id, normalizeTopics(b.topics));
          if (visibility !== c.visibility) {
            await moderationRepo.audit(tx, {
              actor_id: actor.userId,
              action: 'community.visibility_changed',
              subject_type: 'community',
              subject_id: c.id,
              detail: { from: c.visibility, to: visibility },
            });
          }
          emit({
            type: 'community.updated',
            communityId: c.id,
            visibility,
            actorId: actor.userId,
            at: nowIso(),
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw nameTaken();
        throw e;
      }
      const updated = await communityRepo.findById(deps.db, request.params.id);
      return communityView(deps.db, actor, updated!);
    },
  );

  /** Admins see that private communities exist and why, and who runs them: never their content. */
  app.get('/api/admin/private-communities', { schema: { tags: ['admin'] } }, async (request) => {
    const actor = request.actor!;
    communityPolicy.authorize(actor, 'community.listPrivate', undefined as never);
    const rows = await communityRepo.listPrivate(deps.db);
    const organizers = await communityRepo.organizersOf(
      deps.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        reason: r.private_reason,
        organizers: (organizers.get(r.id) ?? []).map((o) => o.name),
        createdAt: r.created_at,
      })),
    };
  });

  app.get('/api/me/code-of-conduct', { schema: { tags: ['community'] } }, async (request) => {
    const ack = await communityRepo.conductAck(deps.db, request.actor!.userId);
    const current = !!ack && Number(ack.version) >= CODE_OF_CONDUCT_VERSION;
    return {
      version: CODE_OF_CONDUCT_VERSION,
      acknowledgedAt: current ? ack.acknowledged_at : null,
      needsAck: !current,
    };
  });

  app.post('/api/me/code-of-conduct/acknowledge', { schema: { tags: ['community'] } }, async (request) => {
    const actor = request.actor!;
    await communityRepo.acknowledgeConduct(deps.db, actor.userId, CODE_OF_CONDUCT_VERSION);
    const ack = await communityRepo.conductAck(deps.db, actor.userId);
    return { version: CODE_OF_CONDUCT_VERSION, acknowledgedAt: ack!.acknowledged_at, needsAck: false };
  });
}
