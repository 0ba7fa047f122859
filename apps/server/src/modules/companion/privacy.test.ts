import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDepartment,
  createTestApp,
  createUser,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { chat, dumpDatabase, filesContaining } from './testing.ts';

/**
 * Privacy proof (PRODUCT.md principles 1–3). A unique canary typed into the companion (kept) and
 * into a private note must appear in no response to admin, hr, the owner's manager or a colleague
 * (every GET route, plus the companion routes with the owner's ids), in no log line, not in
 * /metrics, and not in plaintext anywhere in the database: raw SQLite files (-wal and -shm
 * included) or every row of every table (PostgreSQL too).
 */
const TOKEN = `cnry${crypto.randomBytes(8).toString('hex')}`;
const CANARY = `転職するか迷っていて、${TOKEN}のことが気になっています。`;
const NOTE_TOKEN = `note${crypto.randomBytes(8).toString('hex')}`;

let t: TestApp;
let owner: { id: string; agent: Agent };
const others: Record<'admin' | 'hr' | 'manager' | 'colleague', Agent> = {} as never;
const ids: { conversation: string; note: string; summary: string } = {
  conversation: '',
  note: '',
  summary: '',
};

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const manager = await createUser(t, { name: '上司 一郎' });
  const dept = await createDepartment(t, { managerId: manager.id });
  const ownerUser = await createUser(t, { name: '相談 花子', departmentId: dept.id });
  owner = { id: ownerUser.id, agent: await sessionFor(t, ownerUser.id) };
  others.manager = await sessionFor(t, manager.id);
  others.colleague = await sessionFor(t, (await createUser(t, { departmentId: dept.id })).id);
  others.hr = await sessionFor(t, (await createUser(t, { roles: ['hr'] })).id);
  others.admin = await sessionFor(t, (await createUser(t, { roles: ['admin'] })).id);

  // The owner keeps a conversation with the canary, summarises it, saves notes, searches, exports.
  const first = await chat(owner.agent, { message: CANARY, retention: '90', mode: 'direction' });
  expect(first.status).toBe(200);
  ids.conversation = first.conversationId!;
  expect(
    (await chat(owner.agent, { conversationId: ids.conversation, message: `Canは${TOKEN}です` })).status,
  ).toBe(200);
  const summary = await owner.agent.post(`/api/companion/conversations/${ids.conversation}/summary`);
  expect(summary.status).toBe(201);
  const summaryBody = summary.json() as { id: string; markdown: string };
  ids.summary = summaryBody.id;
  expect(summaryBody.markdown).toContain(TOKEN);
  const note = await owner.agent.post('/api/companion/notes', {
    title: `メモ ${NOTE_TOKEN}`,
    body: summaryBody.markdown + `\n${NOTE_TOKEN}`,
    conversationId: ids.conversation,
  });
  expect(note.status).toBe(201);
  ids.note = (note.json() as { id: string }).id;
  expect(
    (await owner.agent.patch(`/api/companion/conversations/${ids.conversation}`, { title: `題 ${TOKEN}` }))
      .status,
  ).toBe(200);
  const search = await owner.agent.get(`/api/companion/conversations?q=${encodeURIComponent(TOKEN)}`);
  expect((search.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([
    ids.conversation,
  ]);
  expect((await owner.agent.get(`/api/companion/notes?q=${NOTE_TOKEN}`)).body).toContain(NOTE_TOKEN);
  expect(
    (await owner.agent.get(`/api/companion/conversations/${ids.conversation}/export?format=json`)).body,
  ).toContain(TOKEN);
});
afterAll(async () => t.close());

/** Concrete URLs for a route pattern: every `:param` filled with each of the owner's ids. */
function urlsFor(pattern: string): string[] {
  if (!pattern.includes(':')) {
    return pattern.startsWith('/api/companion/') ? [pattern, `${pattern}?q=${TOKEN}`] : [pattern];
  }
  const candidates = [ids.conversation, ids.note, ids.summary, owner.id];
  return candidates.flatMap((id) => {
    const url = pattern.replace(/:[A-Za-z0-9_]+/g, id);
    return url.endsWith('/export') ? [`${url}?format=md`, `${url}?format=json`] : [url];
  });
}

const PRIVATE_ROUTE = /^\/api\/companion\/(conversations|notes)\/:id/;
const USAGE_KEY = /companion|conversation|vault|lastUsed|last_used|usage|crisis|privateNote|notes?Count/i;

function keysOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('the canary stays with its owner', () => {
  for (const role of ['admin', 'hr', 'manager', 'colleague'] as const) {
    it(`${role}: no GET route and no companion route with the owner's ids reveals it`, async () => {
      const agent = others[role];
      const getRoutes = t.routes.filter((r) => r.method === 'GET' && !r.url.includes('*'));
      const checked: string[] = [];
      expect(getRoutes.length).toBeGreaterThan(10);
      for (const route of getRoutes) {
        for (const url of urlsFor(route.url)) {
          const res = await agent.get(url);
          expect(res.body, `${role} GET ${url}`).not.toContain(TOKEN);
          expect(res.body, `${role} GET ${url}`).not.toContain(NOTE_TOKEN);
          if (PRIVATE_ROUTE.test(route.url)) expect(res.status, `${role} GET ${url}`).toBe(404);
          // No route outside the companion says anything about anyone's companion use.
          if (
            !route.url.startsWith('/api/companion/') &&
            !route.url.startsWith('/api/openapi') &&
            res.status === 200 &&
            /json/.test(String(res.headers['content-type']))
          ) {
            const suspicious = keysOf(res.json()).filter((k) => USAGE_KEY.test(k));
            expect(suspicious, `${role} GET ${url}`).toEqual([]);
            checked.push(route.url);
          }
        }
      }
      // The people listings were really read (and carried no companion field).
      expect(checked).toContain('/api/users/:id');
      if (role === 'admin') expect(checked).toContain('/api/admin/users');
      // Writes on the owner's records: all 404, nothing changed.
      const conv = `/api/companion/conversations/${ids.conversation}`;
      const note = `/api/companion/notes/${ids.note}`;
      for (const [method, url, body] of [
        ['PATCH', conv, { title: 'x' }],
        ['POST', `${conv}/summary`, {}],
        ['DELETE', conv, undefined],
        ['PATCH', note, { body: 'x' }],
        ['DELETE', note, undefined],
        ['POST', '/api/companion/chat', { conversationId: ids.conversation, message: 'のぞき見' }],
        ['POST', '/api/companion/notes', { body: 'x', conversationId: ids.conversation }],
      ] as const) {
        const res = await agent.request(method, url, body);
        expect(res.status, `${role} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain(TOKEN);
      }
    });
  }

  it('the owner still has everything, unchanged', async () => {
    const conv = (await owner.agent.get(`/api/companion/conversations/${ids.conversation}`)).json() as {
      title: string;
      messages: unknown[];
      summaries: unknown[];
    };
    expect(conv.title).toBe(`題 ${TOKEN}`);
    expect(conv.messages).toHaveLength(4);
    expect(conv.summaries).toHaveLength(1);
    expect((await owner.agent.get(`/api/companion/notes/${ids.note}`)).body).toContain(NOTE_TOKEN);
  });

  it('is in no log line and not in /metrics', async () => {
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.filter((l) => l.includes(TOKEN) || l.includes(NOTE_TOKEN))).toEqual([]);
    // The companion's routes write no request log lines at all (not even that someone used it).
    expect(t.logs.filter((l) => l.includes('/api/companion'))).toEqual([]);
    const metrics = await others.admin.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).not.toContain(TOKEN);
    expect(metrics.body).not.toContain(ids.conversation);
    // Not even a count: no metric is labelled with a private route (companion, career profile, 1on1),
    // while ordinary routes are counted (so the check can fail).
    expect(metrics.body).toMatch(/engawa_http_request_duration_seconds_count\{[^}]*route="\/api\/me"/);
    expect(metrics.body).not.toMatch(/route="\/api\/(companion|career|oneonone)/);
    expect(metrics.body).not.toMatch(/route="\/api\/opportunities\/:id\/(interest|apply)/);
  });

  it('is not in plaintext anywhere in the database: every row of every table, and the raw files', async () => {
    const dump = await dumpDatabase(t);
    expect(dump).toContain(owner.id); // the dump does read the tables
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(NOTE_TOKEN);
    expect(dump).not.toContain('転職するか迷って');
    if (t.deps.database.dialect === 'sqlite') {
      expect(filesContaining(t, owner.id).length).toBeGreaterThan(0); // the scan does see the database
      expect(filesContaining(t, TOKEN)).toEqual([]);
      expect(filesContaining(t, NOTE_TOKEN)).toEqual([]);
      expect(filesContaining(t, '転職するか迷って')).toEqual([]);
    }
  });

  it('stores no user id, mode, title or message count beside the ciphertext', async () => {
    const row = await t.deps.db
      .selectFrom('companion_conversations')
      .selectAll()
      .where('id', '=', ids.conversation)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual(['expires_at', 'id', 'messages', 'meta', 'owner_tag']);
    expect(row.owner_tag).not.toContain(owner.id);
    expect(JSON.stringify(row)).not.toMatch(/direction|"90"/);
    expect(row.expires_at).toMatch(/T00:00:00\.000Z$/); // day-rounded: no time of the last message
    const note = await t.deps.db
      .selectFrom('companion_notes')
      .selectAll()
      .where('id', '=', ids.note)
      .executeTakeFirstOrThrow();
    expect(Object.keys(note).sort()).toEqual(['body', 'id', 'owner_tag']);
    // Every signed-in person has a vault key, so having one says nothing about using the companion.
    const keys = await t.deps.db.selectFrom('vault_keys').select('user_id').execute();
    const users = await t.deps.db.selectFrom('users').select('id').execute();
    expect(keys.length).toBe(users.length);
  });
});

describe('ephemeral conversations', () => {
  it('leave no row and no log line containing the conversation', async () => {
    const secret = `eph${crypto.randomBytes(8).toString('hex')}`;
    const before = await countPrivateRows(t);
    const r = await chat(owner.agent, {
      message: `誰にも言えないけれど${secret}が不安です`,
      mode: 'moyamoya',
      history: [
        { role: 'user', content: `前の話: ${secret}` },
        { role: 'assistant', content: 'そうなのですね。' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain(secret); // the owner saw their words reflected back
    expect(r.conversationId).toBeUndefined();
    const summary = await owner.agent.post('/api/companion/summary', {
      mode: 'moyamoya',
      history: [{ role: 'user', content: `前の話: ${secret}` }],
    });
    expect(summary.status).toBe(200);
    expect(summary.body).toContain(secret);
    expect(await countPrivateRows(t)).toEqual(before);
    expect(await dumpDatabase(t)).not.toContain(secret);
    expect(t.logs.filter((l) => l.includes(secret))).toEqual([]);
    if (t.deps.database.dialect === 'sqlite') expect(filesContaining(t, secret)).toEqual([]);
  });
});

async function countPrivateRows(app: TestApp) {
  const count = async (table: 'companion_conversations' | 'companion_notes' | 'companion_summaries') =>
    Number(
      (
        await app.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    conversations: await count('companion_conversations'),
    notes: await count('companion_notes'),
    summaries: await count('companion_summaries'),
  };
}
