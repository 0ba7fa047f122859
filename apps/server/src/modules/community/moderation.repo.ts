import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, ReportTable } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only place with SQL for reports, the moderation queue and the community audit trail. */
export const moderationRepo = {
  insertReport(db: Q, row: Insertable<ReportTable>) {
    return db.insertInto('reports').values(row).execute();
  },
  findOpenReport(db: Q, subjectType: string, subjectId: string, reporterId: string) {
    return db
      .selectFrom('reports')
      .select('id')
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('reporter_id', '=', reporterId)
      .where('status', '=', 'open')
      .executeTakeFirst();
  },
  updateReason(db: Q, id: string, reason: string) {
    return db.updateTable('reports').set({ reason }).where('id', '=', id).execute();
  },
  /** Reports of the given communities in one status, oldest first (one row per report). */
  reportsIn(db: Q, communityIds: readonly string[] | 'all-open', status: 'open' | 'resolved', limit: number) {
    let q = db.selectFrom('reports').selectAll().where('status', '=', status);
    if (communityIds === 'all-open') {
      q = q.where(
        'community_id',
        'in',
        db.selectFrom('communities').select('id').where('visibility', '=', 'open'),
      );
    } else {
      if (!communityIds.length) return Promise.resolve([]);
      q = q.where('community_id', 'in', communityIds);
    }
    return q
      .orderBy('created_at', status === 'open' ? 'asc' : 'desc')
      .limit(limit)
      .execute();
  },
  reportsOfSubject(db: Q, subjectType: string, subjectId: string) {
    return db
      .selectFrom('reports')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .orderBy('created_at')
      .execute();
  },
  resolveOpen(db: Q, subjectType: string, subjectId: string, resolution: string, by: string) {
    return db
      .updateTable('reports')
      .set({ status: 'resolved', resolution, resolved_by: by, resolved_at: nowIso() })
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('status', '=', 'open')
      .execute();
  },
  audit(
    db: Q,
    e: {
      actor_id: string | null;
      action: string;
      subject_type: string;
      subject_id: string;
      detail?: unknown;
    },
  ) {
    return db
      .insertInto('audit_events')
      .values({
        actor_id: e.actor_id,
        action: e.action,
        subject_type: e.subject_type,
        subject_id: e.subject_id,
        detail: e.detail === undefined ? null : JSON.stringify(e.detail),
        created_at: nowIso(),
      })
      .execute();
  },
  auditOf(db: Q, subjects: ReadonlyArray<{ type: string; id: string }>) {
    if (!subjects.length) return Promise.resolve([]);
    return db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.id', 'a.action', 'a.subject_type', 'a.subject_id', 'a.created_at', 'a.actor_id', 'u.name'])
      .where('a.action', 'like', 'moderation.%')
      .where(
        'a.subject_id',
        'in',
        subjects.map((s) => s.id),
      )
      .orderBy('a.id')
      .execute();
  },
};
