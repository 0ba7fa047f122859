import type { Insertable, Kysely, Transaction } from 'kysely';
import type { CommunityWebhookTable, DB } from '../../db/schema.ts';
import { nowIso } from '../../db/index.ts';

type Q = Kysely<DB> | Transaction<DB>;

/** The only place with SQL for incoming webhooks. Tokens are stored as hashes only. */
export const webhookRepo = {
  insert(db: Q, row: Insertable<CommunityWebhookTable>) {
    return db.insertInto('community_webhooks').values(row).execute();
  },
  listActive(db: Q, communityId: string) {
    return db
      .selectFrom('community_webhooks')
      .selectAll()
      .where('community_id', '=', communityId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at')
      .execute();
  },
  findById(db: Q, id: string) {
    return db.selectFrom('community_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  },
  findActiveByTokenHash(db: Q, tokenHash: string) {
    return db
      .selectFrom('community_webhooks')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },
  namesByIds(db: Q, ids: readonly string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db.selectFrom('community_webhooks').select(['id', 'name']).where('id', 'in', ids).execute();
  },
  revoke(db: Q, id: string) {
    return db.updateTable('community_webhooks').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
  },
  touch(db: Q, id: string) {
    return db
      .updateTable('community_webhooks')
      .set({ last_used_at: nowIso() })
      .where('id', '=', id)
      .execute();
  },
};
