import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, sessionFor, type TestApp } from '../../test/harness.ts';
import { agendaItem, giveManager } from '../oneonone/testing.ts';
import { insertOpportunity, putSkills } from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => t.close());

describe('erasure (vault.eraseUser)', () => {
  it('deletes the private profile, the interest marks and the private agenda items, and nobody else’s', async () => {
    const gone = await createUser(t);
    const stays = await createUser(t);
    const a = await sessionFor(t, gone.id);
    const b = await sessionFor(t, stays.id);
    await giveManager(t, gone.id);
    const opportunity = await insertOpportunity(t);
    for (const agent of [a, b]) {
      await putSkills(agent, [{ name: 'SQL', level: 3 }]);
      expect((await agent.put(`/api/opportunities/${opportunity}/interest`, {})).status).toBe(204);
      await agendaItem(agent);
    }
    const count = async (table: 'career_profiles' | 'career_interest_marks' | 'oneonone_drafts') =>
      (await t.deps.db.selectFrom(table).selectAll().execute()).length;
    expect([
      await count('career_profiles'),
      await count('career_interest_marks'),
      await count('oneonone_drafts'),
    ]).toEqual([2, 2, 2]);
    await t.deps.vault.eraseUser(gone.id);
    expect([
      await count('career_profiles'),
      await count('career_interest_marks'),
      await count('oneonone_drafts'),
    ]).toEqual([1, 1, 1]);
    // The other person's data is intact and still opens.
    expect(((await b.get('/api/career/profile')).json() as { skills: unknown[] }).skills).toHaveLength(1);
    expect(((await b.get('/api/career/interests')).json() as { items: unknown[] }).items).toHaveLength(1);
    expect(((await b.get('/api/oneonone/agenda')).json() as { items: unknown[] }).items).toHaveLength(1);
  });
});
