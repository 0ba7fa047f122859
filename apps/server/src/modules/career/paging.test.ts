import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, OpportunityItem, OpportunityPage, OpportunityStatsPage } from '@engawa/shared';
import { createTestApp, createUser, sessionFor, type Agent, type TestApp } from '../../test/harness.ts';
import { insertOpportunity } from './testing.ts';

/**
 * The catalog and the management list are read page by page (the web's 「さらに表示」): with a
 * catalog of hundreds, every opportunity a person may see must be reachable, exactly once, in a
 * stable order, with the filters kept across pages.
 */

const TYPES = ['training', 'posting', 'shadowing', 'gig', 'mentoring'] as const;
const N = 250;

let t: TestApp;
let hr: Agent;
let employee: Agent;
let owner: Agent;
let ownerId: string;

interface Row {
  id: string;
  type: string;
  status: string;
  title: string;
  owner_id: string | null;
}
let rows: Row[];

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  employee = await sessionFor(t, (await createUser(t)).id);
  const o = await createUser(t, { email: 'runner@example.test' });
  ownerId = o.id;
  owner = await sessionFor(t, o.id);

  // One CSV upload: every row gets the same created_at, so the order rests on the id tie-break.
  const lines = ['code,type,title,time_share,status,owner_email'];
  for (let i = 0; i < N; i++) {
    const type = TYPES[i % TYPES.length]!;
    lines.push(
      [
        `P-${String(i).padStart(3, '0')}`,
        type,
        `${i % 3 === 0 ? 'クラウド入門' : '業務改善'} ${i}`,
        type === 'gig' ? '10' : '',
        i % 10 === 9 ? 'closed' : 'open',
        i % 25 === 9 ? 'runner@example.test' : '',
      ].join(','),
    );
  }
  const res = await hr.post('/api/opportunities/import', { csv: lines.join('\n') });
  expect(res.status, res.body).toBe(200);
  // A few more at other times, before and after the upload.
  await insertOpportunity(t, { title: '古い研修', createdAt: '2020-01-01T00:00:00.000Z' });
  await insertOpportunity(t, {
    type: 'gig',
    title: 'クラウド移行の社内副業',
    createdAt: '2020-01-01T00:00:00.000Z',
  });
  await insertOpportunity(t, { title: '未来の研修', createdAt: '2999-01-01T00:00:00.000Z' });
  rows = await t.deps.db
    .selectFrom('career_opportunities')
    .select(['id', 'type', 'status', 'title', 'owner_id'])
    .execute();
  expect(rows.length).toBe(N + 3);
});
afterAll(async () => t.close());

/** Follows nextCursor to the end; checks every page is full but the last and `total` never moves. */
async function walk<T>(
  agent: Agent,
  path: string,
  limit: number,
  itemOf: (item: T) => OpportunityItem,
): Promise<{ items: OpportunityItem[]; total: number; pages: number }> {
  const items: OpportunityItem[] = [];
  let cursor: string | null = null;
  let total: number | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await agent.get(url);
    expect(res.status, res.body).toBe(200);
    const page = res.json() as { items: T[]; nextCursor: string | null; total: number };
    total ??= page.total;
    expect(page.total).toBe(total);
    if (page.nextCursor) expect(page.items.length).toBe(limit);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items.map(itemOf));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 200);
  expect(cursor).toBeNull();
  return { items, total: total ?? 0, pages };
}

const asItem = (i: OpportunityItem) => i;
const asStats = (s: OpportunityStatsPage['items'][number]) => s.opportunity;
const ids = (items: OpportunityItem[]) => items.map((i) => i.id);
const sorted = (list: string[]) => [...list].sort();

/** Newest first by (createdAt, id): the order the pages must come in. */
function expectNewestFirst(items: OpportunityItem[]) {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
  }
}

describe('the catalog, page by page', () => {
  it('an employee reaches every open opportunity exactly once, newest first', async () => {
    const { items, total, pages } = await walk(employee, '/api/opportunities', 40, asItem);
    const open = rows.filter((r) => r.status === 'open').map((r) => r.id);
    expect(open.length).toBe(228);
    expect(items.length).toBe(open.length);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(sorted(ids(items))).toEqual(sorted(open));
    expect(total).toBe(open.length);
    expect(pages).toBe(Math.ceil(open.length / 40));
    expectNewestFirst(items);
    expect(items[0]!.title).toBe('未来の研修');
  });

  it('keeps type and keyword filters across pages', async () => {
    const q = encodeURIComponent('クラウド');
    const { items, total } = await walk(employee, `/api/opportunities?type=gig&q=${q}`, 7, asItem);
    const expected = rows
      .filter((r) => r.status === 'open' && r.type === 'gig' && r.title.includes('クラウド'))
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(14);
    expect(sorted(ids(items))).toEqual(sorted(expected));
    expect(items.length).toBe(expected.length);
    expect(total).toBe(expected.length);
  });

  it('someone who runs closed opportunities gets full pages of open ones plus their own closed ones', async () => {
    const { items, total } = await walk(owner, '/api/opportunities?status=all', 25, asItem);
    const expected = rows.filter((r) => r.status === 'open' || r.owner_id === ownerId).map((r) => r.id);
    expect(rows.some((r) => r.status === 'closed' && r.owner_id === ownerId)).toBe(true);
    expect(sorted(ids(items))).toEqual(sorted(expected));
    expect(total).toBe(expected.length);
    // An employee asking for closed ones gets none (they run none): an empty list, not an error.
    const closed = (await employee.get('/api/opportunities?status=closed')).json() as OpportunityPage;
    expect(closed).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('an opportunity added while someone is paging does not repeat or push others out of later pages', async () => {
    const first = (await employee.get('/api/opportunities?limit=50')).json() as OpportunityPage;
    const added = await insertOpportunity(t, { title: '途中で追加' });
    let seen = ids(first.items);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (
        await employee.get(`/api/opportunities?limit=50&cursor=${encodeURIComponent(cursor)}`)
      ).json() as OpportunityPage;
      seen = [...seen, ...ids(page.items)];
      cursor = page.nextCursor;
    }
    expect(seen).not.toContain(added);
    expect(sorted(seen)).toEqual(sorted(rows.filter((r) => r.status === 'open').map((r) => r.id)));
    await hr.delete(`/api/opportunities/${added}`);
  });

  it('refuses a cursor it did not make, naming the field, in Japanese and in English', async () => {
    for (const cursor of ['garbage', Buffer.from('[1,2]').toString('base64url'), 'e30']) {
      const res = await employee.get(`/api/opportunities?cursor=${cursor}`);
      expect(res.status).toBe(400);
      const body = res.json() as ApiErrorBody;
      expect(body.error.code).toBe('common.validation');
      expect(body.error.fields).toEqual([
        expect.objectContaining({
          field: 'cursor',
          code: 'invalid_value',
          message: expect.stringContaining('cursor'),
        }),
      ]);
      expect(body.error.fields![0]!.message).toMatch(/一覧/);
    }
    const en = await sessionFor(t, (await createUser(t)).id);
    expect((await en.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const body = (await en.get('/api/opportunities?cursor=garbage')).json() as ApiErrorBody;
    expect(body.error.fields).toEqual([
      expect.objectContaining({
        field: 'cursor',
        message: expect.stringMatching(/^The position in the list \(cursor\)/),
      }),
    ]);
  });
});

describe('the management list, page by page', () => {
  it('hr reaches every opportunity, open and closed, exactly once', async () => {
    const { items, total } = await walk(hr, '/api/opportunities/manage', 60, asStats);
    expect(items.length).toBe(N + 3);
    expect(sorted(ids(items))).toEqual(sorted(rows.map((r) => r.id)));
    expect(total).toBe(N + 3);
    expectNewestFirst(items);
    const page = (await hr.get('/api/opportunities/manage?limit=1')).json() as OpportunityStatsPage;
    expect(page.k).toBeGreaterThanOrEqual(5);
    expect(page.items[0]).toMatchObject({ applications: 0, interest: null, interestSuppressed: true });
  });

  it('keeps status, type and keyword filters across pages', async () => {
    const closed = await walk(hr, '/api/opportunities/manage?status=closed', 6, asStats);
    expect(sorted(ids(closed.items))).toEqual(
      sorted(rows.filter((r) => r.status === 'closed').map((r) => r.id)),
    );
    expect(closed.total).toBe(25);
    const q = encodeURIComponent('クラウド');
    const training = await walk(hr, `/api/opportunities/manage?status=open&type=training&q=${q}`, 4, asStats);
    const expected = rows.filter(
      (r) => r.status === 'open' && r.type === 'training' && r.title.includes('クラウド'),
    );
    expect(expected.length).toBeGreaterThan(8);
    expect(sorted(ids(training.items))).toEqual(sorted(expected.map((r) => r.id)));
  });

  it('someone who runs opportunities pages through theirs only', async () => {
    const { items, total } = await walk(owner, '/api/opportunities/manage', 3, asStats);
    const theirs = rows.filter((r) => r.owner_id === ownerId).map((r) => r.id);
    expect(theirs.length).toBe(10);
    expect(sorted(ids(items))).toEqual(sorted(theirs));
    expect(total).toBe(10);
  });

  it('refuses a bad cursor with a validation error on cursor', async () => {
    const res = await hr.get('/api/opportunities/manage?cursor=garbage');
    expect(res.status).toBe(400);
    const body = res.json() as ApiErrorBody;
    expect(body.error.code).toBe('common.validation');
    expect(body.error.fields).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
