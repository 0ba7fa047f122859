import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type AdminUser, type PeoplePage, type PersonItem } from '@engawa/shared';
import {
  anonymous,
  createDepartment,
  createTestApp,
  createUser,
  signIn,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { migrateToLatest, migrator, nowIso } from '../../db/index.ts';
import { nameSearchText } from './userSearch.ts';

let t: TestApp;
let admin: Agent;
let employee: Agent;
/** Every response body of the directory, to check that no e-mail address ever leaves. */
const bodies: string[] = [];
const emails: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  const a = await createUser(t, { roles: ['admin'], name: '管理 花子' });
  admin = await signIn(t, a.email);
  const e = await createUser(t, { name: '社員 一般' });
  employee = await signIn(t, e.email);
  emails.push(a.email, e.email);
});
afterAll(async () => t.close());

type ErrorBody = {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string }> };
};

async function people(agent: Agent, query: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await agent.get(`/api/people${qs ? `?${qs}` : ''}`);
  bodies.push(res.body);
  return res;
}

async function find(q: string, agent = employee): Promise<string[]> {
  const res = await people(agent, { q });
  expect(res.status).toBe(200);
  return (res.json() as PeoplePage).items.map((i) => i.id);
}

/** Creates a person the way an administrator does (so the identity repository writes the row). */
async function adminCreates(body: {
  email: string;
  name: string;
  nameKana?: string;
  nameEn?: string;
  departmentId?: string;
}): Promise<AdminUser> {
  const res = await admin.post('/api/admin/users', body);
  expect(res.status).toBe(201);
  emails.push(body.email.toLowerCase());
  return res.json() as AdminUser;
}

describe('GET /api/people', () => {
  it('asks anonymous callers to sign in', async () => {
    const res = await people(await anonymous(t), { q: '高' });
    expect(res.status).toBe(401);
    expect((res.json() as ErrorBody).error.code).toBe('common.unauthenticated');
  });

  it('shows an employee names and departments only, for a one-character Japanese query', async () => {
    const dept = await createDepartment(t, { name: '営業一部' });
    const taka = await adminCreates({
      email: 'ichiro.takahashi@example.test',
      name: '高橋 一郎',
      departmentId: dept.id,
    });
    const hana = await adminCreates({ email: 'hanako.takada@example.test', name: '高田 花子' });
    await adminCreates({ email: 'jiro.sato@example.test', name: '佐藤 次郎' });

    const res = await people(employee, { q: '高' });
    expect(res.status).toBe(200);
    const page = res.json() as PeoplePage;
    expect(page.nextCursor).toBeNull();
    // Nothing but id, name and department.
    expect(page.items).toHaveLength(2);
    expect(page.items).toEqual(
      expect.arrayContaining([
        { id: taka.id, name: '高橋 一郎', department: { id: dept.id, name: '営業一部' } },
        { id: hana.id, name: '高田 花子', department: null },
      ] satisfies PersonItem[]),
    );
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(['department', 'id', 'name']);
    // Every word must match; a name typed without its space matches too.
    expect(await find('高橋　一郎')).toEqual([taka.id]);
    expect(await find('高橋一郎')).toEqual([taka.id]);
    expect(await find('高橋 花子')).toEqual([]);
  });

  it('leaves disabled people out', async () => {
    const gone = await adminCreates({ email: 'gone.person@example.test', name: '退職 済子' });
    expect(await find('退職')).toEqual([gone.id]);
    expect((await admin.patch(`/api/admin/users/${gone.id}`, { disabled: true })).status).toBe(200);
    expect(await find('退職')).toEqual([]);
    expect(await find('gone.person')).toEqual([]);
    const all = await people(employee, { limit: 50 });
    expect((all.json() as PeoplePage).items.map((i) => i.id)).not.toContain(gone.id);
  });

  it('folds full-width and half-width forms, case and kana, on both sides', async () => {
    // Stored in the forms HR systems export: a half-width kana reading, full-width Latin, accents.
    const u = await adminCreates({
      email: 'width.test@example.test',
      name: '渡辺 ＫＥＮ',
      nameKana: 'ﾜﾀﾅﾍﾞ ｹﾝ',
      nameEn: 'Ken WATANABE',
    });
    const accent = await adminCreates({ email: 'elodie.m@example.test', name: 'Élodie Martin' });
    for (const q of [
      'ken',
      'ＫＥＮ',
      'ｋｅｎ',
      'Ken',
      'わたなべ',
      'ワタナベ',
      'ﾜﾀﾅﾍﾞ',
      'watanabe',
      'ＷＡＴＡＮＡＢＥ',
    ]) {
      expect(await find(q), q).toEqual([u.id]);
    }
    expect(await find('わたなべけん')).toEqual([u.id]);
    expect(await find('élodie')).toEqual([accent.id]);
    expect(await find('ÉLODIE')).toEqual([accent.id]);
    // LIKE wildcards are plain characters.
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('follows renames and CSV imports (the folded names are kept up to date)', async () => {
    const u = await adminCreates({ email: 'rename.me@example.test', name: '旧姓 花' });
    expect((await admin.patch(`/api/admin/users/${u.id}`, { name: '新姓 花' })).status).toBe(200);
    expect(await find('旧姓')).toEqual([]);
    expect(await find('新姓')).toEqual([u.id]);

    const imported = await admin.post('/api/admin/import', {
      usersCsv: 'email,name,name_kana\ncsv.person@example.test,輸入 太郎,ﾕﾆｭｳ ﾀﾛｳ\n',
    });
    expect(imported.status).toBe(200);
    emails.push('csv.person@example.test');
    const [id] = await find('ゆにゅう');
    expect(id).toBeDefined();
    const updated = await admin.post('/api/admin/import', {
      usersCsv: 'email,name,name_kana\ncsv.person@example.test,輸入 次郎,ﾕﾆｭｳ ｼﾞﾛｳ\n',
    });
    expect(updated.status).toBe(200);
    expect(await find('じろう')).toEqual([id]);
    expect(await find('たろう')).toEqual([]);
  });

  it('finds a whole e-mail address or local part, never a part of one, and never shows it', async () => {
    const u = await adminCreates({ email: 'zq.handle+x@example.test', name: '宛先 確認' });
    expect(await find('zq.handle+x')).toEqual([u.id]);
    expect(await find('ＺＱ.ＨＡＮＤＬＥ+Ｘ')).toEqual([u.id]);
    expect(await find('zq.handle+x@example.test')).toEqual([u.id]);
    expect(await find('zq.handle')).toEqual([]);
    expect(await find('zq')).toEqual([]);
    expect(await find('handle+x@example.test')).toEqual([]);
    expect(await find('example.test')).toEqual([]);
  });

  it('pages by (name, id) with a cursor, 50 at most', async () => {
    const ids: string[] = [];
    for (const n of ['頁 五', '頁 一', '頁 三', '頁 二', '頁 四']) {
      ids.push((await createUser(t, { name: n })).id);
    }
    const seen: PersonItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await people(employee, { q: '頁', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const page = res.json() as PeoplePage;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((p) => p.id).sort()).toEqual([...ids].sort());
    const names = seen.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const tooMany = await people(employee, { limit: 51 });
    expect(tooMany.status).toBe(400);
    expect((tooMany.json() as ErrorBody).error.fields?.[0]?.field).toBe('limit');
    const max = await people(employee, { limit: 50 });
    expect(max.status).toBe(200);
  });

  it('refuses a cursor it did not make, with a stable code and ja/en text', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url'), '!!!']) {
      const res = await people(employee, { cursor });
      expect(res.status).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe('common.validation');
      expect(body.error.fields).toEqual([
        { field: 'cursor', code: 'invalid_value', message: expect.any(String) },
      ]);
      expect(body.error.message).toBe(translate('ja', 'errors.common.validation'));
    }
    const en = await signIn(t, (await createUser(t, { name: '英語 利用者' })).email);
    expect((await en.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const res = await people(en, { cursor: 'not-a-cursor' });
    expect(res.status).toBe(400);
    const body = res.json() as ErrorBody & { error: { fields: Array<{ message: string }> } };
    expect(body.error.message).toBe(translate('en', 'errors.common.validation'));
    expect(body.error.fields[0]?.message).toMatch(/[a-z]/i);
  });

  it('never answers with an e-mail address (checked over every response above)', async () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      expect(body).not.toMatch(/"email"/);
      for (const email of emails) expect(body).not.toContain(email);
    }
  });
});

describe('users.name_search migration', () => {
  it('backfills existing rows exactly as the repository writes them, and rolls back', async () => {
    const m = await createTestApp();
    try {
      const { error } = await migrator(m.deps.db).migrateTo('20261127000000_application_recipient');
      expect(error).toBeUndefined();
      const names = { name: '斎藤 ＡＹＡ', name_kana: 'ｻｲﾄｳ ｱﾔ', name_en: 'Aya SAITO' };
      const now = nowIso();
      // The table as it was before the migration (no name_search column yet).
      await m.deps.db
        .insertInto('users')
        .values({
          id: 'pre-migration-user',
          email: 'pre@example.test',
          ...names,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await migrateToLatest(m.deps.db);
      const row = await m.deps.db
        .selectFrom('users')
        .select('name_search')
        .where('id', '=', 'pre-migration-user')
        .executeTakeFirstOrThrow();
      expect(row.name_search).toBe(nameSearchText([names.name, names.name_kana, names.name_en]));
      expect(row.name_search).toBe('斎藤 aya\n斎藤aya\nサイトウ アヤ\nサイトウアヤ\naya saito\nayasaito');
    } finally {
      await m.close();
    }
  });
});
