import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { migrateToLatest, migrator } from '../../db/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const COMMUNITY_TABLES = [
  'communities',
  'posts',
  'comments',
  'reactions',
  'attachments',
  'reports',
  'community_webhooks',
];

async function tableNames(): Promise<string[]> {
  const tables = await t.deps.db.introspection.getTables();
  return tables.map((x) => x.name);
}

describe('community migration', () => {
  it('rolls back (with everything after it) and applies again on this database', async () => {
    expect(await tableNames()).toEqual(expect.arrayContaining(COMMUNITY_TABLES));
    const m = migrator(t.deps.db);
    const { error } = await m.migrateTo('20261123120000_vault_companion');
    expect(error).toBeUndefined();
    const after = await tableNames();
    for (const name of COMMUNITY_TABLES) expect(after).not.toContain(name);
    expect(after).toContain('users');
    await migrateToLatest(t.deps.db);
    expect(await tableNames()).toEqual(expect.arrayContaining(COMMUNITY_TABLES));
  });
});
