import type { Kysely, Transaction } from 'kysely';
import type { AppDeps, ZodApp } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { hasRole } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../db/index.ts';
import { communityRepo } from './repo.ts';
import { postRepo } from './posts.repo.ts';
import { moderationRepo } from './moderation.repo.ts';
import { communityPolicy } from './policy.ts';
import { communitySubject, loadComment, loadPost } from './context.ts';
import { runCommand } from './events.ts';
import { ModerationParams, ModerationQueueQuery, ReportBody } from './schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The reported object, whatever its state, with its community (no visibility check: callers do it). */
async function subjectOf(db: Q, type: 'post' | 'comment', id: string) {
  const comment = type === 'comment' ? await postRepo.findComment(db, id) : undefined;
  if (type === 'comment' && !comment) return null;
  const post = await postRepo.findById(db, comment ? comment.post_id : id);
  if (!post) return null;
  const community = await communityRepo.findById(db, post.community_id);
  return community ? { post, comment, community } : null;
}

/**
 * Reporting (anyone who can see a post or comment, not their own) and the moderation queue of
 * organizers (their communities) and admins (open communities): hide, restore, dismiss, each one
 * written to the audit trail. Reporters stay anonymous to moderators and to the reported person.
 */
export function moderationRoutes(app: ZodApp, deps: AppDeps) {
  const tags = ['moderation'];

  app.post('/api/reports', { schema: { tags, body: ReportBody } }, async (request, reply) => {
    const actor = request.actor!;
    const b = request.body;
    await runCommand(deps, async (tx) => {
      let communityId: string;
      if (b.subjectType === 'post') {
        const { post, subject } = await loadPost(tx, actor, b.subjectId);
        communityPolicy.authorize(actor, 'post.report', subject);
        communityId = post.community_id;
      } else {
        const { post, commentSubject } = await loadComment(tx, actor, b.subjectId);
        communityPolicy.authorize(actor, 'comment.report', commentSubject);
        communityId = post.community_id;
      }
      const existing = await moderationRepo.findOpenReport(tx, b.subjectType, b.subjectId, actor.userId);
      if (existing) return moderationRepo.updateReason(tx, existing.id, b.reason);
      await moderationRepo.insertReport(tx, {
        id: newId(),
        subject_type: b.subjectType,
        subject_id: b.subjectId,
        community_id: communityId,
        reporter_id: actor.userId,
        reason: b.reason,
        status: 'open',
        resolution: null,
        resolved_by: null,
        resolved_at: null,
        created_at: nowIso(),
      });
    });
    reply.status(201);
    return { ok: true };
  });

  app.get(
    '/api/moderation/queue',
    { schema: { tags, querystring: ModerationQueueQuery } },
    async (request) => {
      const actor = request.actor!;
      const organized = await communityRepo.organizedBy(deps.db, actor.userId);
      const status = request.query.status;
      const reports = [
        ...(await moderationRepo.reportsIn(deps.db, organized, status, 500)),
        ...(hasRole(actor, 'admin') ? await moderationRepo.reportsIn(deps.db, 'all-open', status, 500) : []),
      ];
      const groups = new Map<string, typeof reports>();
      for (const r of reports) {
        const k = `${r.subject_type}:${r.subject_id}`;
        const list = groups.get(k) ?? [];
        if (!list.some((x) => x.id === r.id)) list.push(r);
        groups.set(k, list);
      }
      const items = [];
      for (const list of groups.values()) {
        const first = list[0]!;
        const s = await subjectOf(deps.db, first.subject_type as 'post' | 'comment', first.subject_id);
        if (!s) continue;
        const target = s.comment ?? s.post;
        const history = await moderationRepo.auditOf(deps.db, [
          { type: first.subject_type, id: first.subject_id },
        ]);
        items.push({
          subjectType: first.subject_type,
          subjectId: first.subject_id,
          community: { id: s.community.id, name: s.community.name },
          post: { id: s.post.id, title: s.post.title },
          status: target.status,
          bodyHtml: target.body_html,
          authorId: target.author_id,
          reportCount: list.length,
          reports: list.map((r) => ({ reason: r.reason, createdAt: r.created_at, resolution: r.resolution })),
          history: history.map((h) => ({ action: h.action, by: h.name ?? null, at: h.created_at })),
        });
      }
      return { items };
    },
  );

  app.post(
    '/api/moderation/:subjectType/:subjectId/:action',
    { schema: { tags, params: ModerationParams } },
    async (request) => {
      const actor = request.actor!;
      const { subjectType, subjectId, action } = request.params;
      await runCommand(deps, async (tx, emit) => moderate(tx, emit, actor, subjectType, subjectId, action));
      return { ok: true };
    },
  );

  async function moderate(
    tx: Transaction<DB>,
    emit: Parameters<Parameters<typeof runCommand>[1]>[1],
    actor: Actor,
    type: 'post' | 'comment',
    id: string,
    action: 'hide' | 'restore' | 'dismiss',
  ) {
    const s = await subjectOf(tx, type, id);
    if (!s) throw notFound();
    const membership = await communityRepo.membership(tx, s.community.id, actor.userId);
    const cs = communitySubject(s.community, membership);
    communityPolicy.authorize(actor, 'community.view', cs, { hidden: true });
    communityPolicy.authorize(actor, 'community.moderate', cs);
    const target = s.comment ?? s.post;
    const now = nowIso();
    if (action === 'hide' || action === 'restore') {
      const from = action === 'hide' ? 'visible' : 'hidden';
      if (target.status !== from) throw notFound();
      const status = action === 'hide' ? 'hidden' : 'visible';
      if (s.comment) {
        await postRepo.updateComment(tx, s.comment.id, { status });
        await postRepo.recountComments(tx, s.post.id);
      } else {
        await postRepo.update(tx, s.post.id, { status });
      }
    }
    await moderationRepo.resolveOpen(
      tx,
      type,
      id,
      action === 'dismiss' ? 'dismissed' : action === 'hide' ? 'hidden' : 'restored',
      actor.userId,
    );
    await moderationRepo.audit(tx, {
      actor_id: actor.userId,
      action: `moderation.${action === 'hide' ? 'hidden' : action === 'restore' ? 'restored' : 'dismissed'}`,
      subject_type: type,
      subject_id: id,
      detail: { communityId: s.community.id },
    });
    if (action !== 'dismiss') {
      const base = { communityId: s.community.id, visibility: cs.visibility, actorId: actor.userId, at: now };
      if (s.comment) emit({ ...base, type: 'comment.updated', postId: s.post.id, commentId: s.comment.id });
      else emit({ ...base, type: 'post.updated', postId: s.post.id });
    }
  }
}
