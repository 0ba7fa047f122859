import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AttachmentTable, DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only place with SQL for attachments. */
export const attachmentRepo = {
  insert(db: Q, row: Insertable<AttachmentTable>) {
    return db.insertInto('attachments').values(row).execute();
  },
  findById(db: Q, id: string) {
    return db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
  },
  findByIds(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('attachments')
      .selectAll()
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
  },
  /** Attachments of the given posts, oldest first. */
  ofPosts(db: Q, postIds: readonly string[]) {
    if (!postIds.length) return Promise.resolve([]);
    return db
      .selectFrom('attachments')
      .selectAll()
      .where('post_id', 'in', postIds)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  link(db: Q, ids: readonly string[], postId: string) {
    if (!ids.length) return Promise.resolve();
    return db.updateTable('attachments').set({ post_id: postId }).where('id', 'in', ids).execute();
  },
  /** Unlinks attachments a post no longer carries (they become the uploader's again). */
  unlinkOthers(db: Q, postId: string, keep: readonly string[]) {
    let q = db.updateTable('attachments').set({ post_id: null }).where('post_id', '=', postId);
    if (keep.length) q = q.where('id', 'not in', keep);
    return q.execute();
  },
  markDeletedOfPost(db: Q, postId: string) {
    return db
      .updateTable('attachments')
      .set({ deleted_at: nowIso() })
      .where('post_id', '=', postId)
      .where('deleted_at', 'is', null)
      .returning(['id', 'storage_key', 'thumb_key'])
      .execute();
  },
};
