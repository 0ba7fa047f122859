import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type OrgImportResult } from '@engawa/shared';
import {
  anonymous,
  createDepartment,
  createTestApp,
  createUser,
  signIn,
  type Agent,
  type TestApp,
} from '../../../test/harness.ts';
import { orgImporter } from './orgImporter.ts';

let t: TestApp;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  const a = await createUser(t, { roles: ['admin'], email: 'root-admin@example.test' });
  adminId = a.id;
  admin = await signIn(t, a.email);
});
afterAll(async () => t.close());

type Issue = { file: string; line: number; field: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; fields?: Issue[] } };

async function counts() {
  const n = async (table: 'users' | 'departments' | 'user_roles' | 'audit_events') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await n('users'),
    departments: await n('departments'),
    roles: await n('user_roles'),
    audit: await n('audit_events'),
  };
}

async function dept(code: string) {
  return t.deps.db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}
async function user(email: string) {
  return t.deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}
async function rolesOf(userId: string) {
  const rows = await t.deps.db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.role).sort();
}

/** A Shift_JIS encoder built from the runtime's decoder (Node has no Shift_JIS TextEncoder). */
function toShiftJis(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis');
  for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
    for (const trail of range(0x40, 0xfc)) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no Shift_JIS for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('CSV import: a valid pair', () => {
  it('imports departments and users together, in any row order, with managers and roles', async () => {
    const departmentsCsv = [
      'code,name,name_en,parent_code,manager_email',
      'SALES-1,営業一課,Sales 1,SALES,ichika@corp.example',
      'SALES,営業部,Sales,HQ,',
      'HQ,本社,Head Office,,ceo@corp.example',
    ].join('\n');
    const usersCsv = [
      'email,name,name_kana,name_en,department_code,title,roles',
      'CEO@corp.example,社長 太郎,しゃちょう たろう,Taro Shacho,HQ,代表取締役,admin',
      'ichika@corp.example,一課 花子,いっか はなこ,,SALES-1,課長,hr;organizer',
      'member@corp.example,"メンバー, 次郎",,,SALES-1,,',
    ].join('\n');
    const before = await counts();
    const res = await admin.post('/api/admin/import', { departmentsCsv, usersCsv });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      departments: { created: 3, updated: 0, unchanged: 0 },
      users: { created: 3, updated: 0, unchanged: 0 },
      dryRun: false,
    } satisfies OrgImportResult);
    const after = await counts();
    expect(after.departments - before.departments).toBe(3);
    expect(after.users - before.users).toBe(3);

    const hq = (await dept('HQ'))!;
    const sales = (await dept('SALES'))!;
    const sales1 = (await dept('SALES-1'))!;
    const ceo = (await user('ceo@corp.example'))!;
    const ichika = (await user('ichika@corp.example'))!;
    const member = (await user('member@corp.example'))!;
    expect(hq).toMatchObject({ name: '本社', name_en: 'Head Office', parent_id: null, manager_id: ceo.id });
    expect(sales).toMatchObject({ parent_id: hq.id, manager_id: null });
    expect(sales1).toMatchObject({ parent_id: sales.id, manager_id: ichika.id });
    expect(ceo).toMatchObject({
      name: '社長 太郎',
      name_kana: 'しゃちょう たろう',
      name_en: 'Taro Shacho',
      title: '代表取締役',
      department_id: hq.id,
      password_hash: null,
    });
    expect(member).toMatchObject({
      name: 'メンバー, 次郎',
      name_kana: null,
      title: null,
      department_id: sales1.id,
    });
    expect(await rolesOf(ceo.id)).toEqual(['admin']);
    expect(await rolesOf(ichika.id)).toEqual(['hr', 'organizer']);
    expect(await rolesOf(member.id)).toEqual([]);

    const audit = await t.deps.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'org.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(adminId);
    expect(JSON.parse(audit.detail!)).toMatchObject({ adminGranted: [ceo.id] });

    // The people show up in the directory with their department.
    const list = (await admin.get('/api/departments')).json() as {
      items: Array<{ code: string; memberCount: number }>;
    };
    expect(list.items.find((d) => d.code === 'SALES-1')!.memberCount).toBe(2);
  });
});

describe('CSV import: a file with problems', () => {
  it('reports every bad row and column with its physical line, and imports nothing', async () => {
    await createDepartment(t, { code: 'EXIST', name: '既存部' });
    const departmentsCsv = [
      'code,name,parent_code,manager_email', // 1
      'LOOP-A,ループA,LOOP-B,', // 2  cycle A → B → A
      'LOOP-B,ループB,LOOP-A,', // 3  cycle
      'OK-1,"複数行の', // 4  a quoted cell over two lines…
      '部署名",EXIST,', // 5  …ends here
      '', // 6  blank line
      'SELF,自分,SELF,', // 7  parent is itself
      'NONAME,,NOWHERE,nobody@corp.example', // 8  missing name, unknown parent, unknown manager
      'OK-1,重複,,', // 9  duplicate code
    ].join('\r\n');
    const usersCsv = [
      'email,name,department_code,roles', // 1
      'good@corp.example,良い 人,OK-1,hr', // 2
      'not-an-email,悪い 人,OK-1,', // 3  bad email
      'lost@corp.example,迷子,NO-SUCH-DEPT,', // 4  unknown department
      'GOOD@corp.example,重複 さん,,', // 5  duplicate e-mail (case-insensitive)
      'noname@corp.example,,EXIST,', // 6  missing name
      'role@corp.example,役割 さん,,admin;superuser', // 7  unknown role
      'role2@corp.example,役割 二,,manager', // 8  manager is derived, not importable
    ].join('\n');
    const before = await counts();
    const res = await admin.post('/api/admin/import', { departmentsCsv, usersCsv });
    expect(res.status).toBe(422);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe('csv.invalid');
    expect(body.error.message).toBe(
      'CSVに誤りがあります。1件も取り込んでいません。下の一覧の行を直してから、もう一度アップロードしてください。',
    );
    const got = body.error.fields!.map((f) => `${f.file}:${f.line}:${f.field}:${f.code}`).sort();
    expect(got).toEqual(
      [
        'departments:2:parent_code:cycle',
        'departments:3:parent_code:cycle',
        'departments:7:parent_code:cycle',
        'departments:8:name:required',
        'departments:8:parent_code:unknown_reference',
        'departments:8:manager_email:unknown_reference',
        'departments:9:code:duplicate',
        'users:3:email:invalid_email',
        'users:4:department_code:unknown_reference',
        'users:5:email:duplicate',
        'users:6:name:required',
        'users:7:roles:invalid_value',
        'users:8:roles:invalid_value',
      ].sort(),
    );
    for (const f of body.error.fields!) expect(f.message, JSON.stringify(f)).toBeTruthy();
    expect(body.error.fields!.find((f) => f.code === 'cycle')!.message).toBe('親子関係が循環しています');
    expect(await counts()).toEqual(before);
    expect(await user('good@corp.example')).toBeUndefined();
    expect(await dept('LOOP-A')).toBeUndefined();
  });

  it('reports unknown and missing header columns on line 1, in English for English callers', async () => {
    const usersCsv = 'mail,name,nickname\nx@corp.example,X,x\n';
    const departmentsCsv = 'code,name,name_en\nD1,部,Dept\n';
    const res = await admin.request(
      'POST',
      '/api/admin/import',
      { usersCsv, departmentsCsv },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    const fields = (res.json() as ErrorBody).error.fields!;
    expect(fields.map((f) => `${f.file}:${f.line}:${f.field}:${f.code}`).sort()).toEqual([
      'users:1:email:missing_column',
      'users:1:mail:unknown_column',
      'users:1:nickname:unknown_column',
    ]);
    // The admin signed in with a Japanese account; the account's language wins over the header.
    expect(fields.find((f) => f.field === 'email')!.message).toBe('必須の列がありません');
    expect(await dept('D1')).toBeUndefined();
  });

  it('refuses files over the size limit with csv.too_large, and non-admins before reading anything', async () => {
    const big = 'email,name\n' + 'x'.repeat(LIMITS.csvMaxBytes);
    const res = await admin.post('/api/admin/import', { usersCsv: big });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({
      error: { code: 'csv.too_large', fields: [{ field: 'usersCsv', file: 'users' }] },
    });
    const manyRows = 'email,name\n' + 'a@b.example,x\n'.repeat(LIMITS.csvMaxRows + 1);
    const rows = await admin.post('/api/admin/import', { usersCsv: manyRows });
    expect(rows.status).toBe(413);
    expect((rows.json() as ErrorBody).error.code).toBe('csv.too_large');
    const none = await admin.post('/api/admin/import', { dryRun: true });
    expect(none.status).toBe(400);
    expect((none.json() as ErrorBody).error.fields!.map((f) => f.field)).toEqual([
      'departmentsCsv',
      'usersCsv',
    ]);

    for (const roles of [[], ['hr'], ['organizer']] as const) {
      const agent = await signIn(t, (await createUser(t, { roles: [...roles] })).email);
      const denied = await agent.post('/api/admin/import', { usersCsv: 'email,name\nz@corp.example,Z\n' });
      expect(denied.status).toBe(403);
    }
    expect((await (await anonymous(t)).post('/api/admin/import', {})).status).toBe(401);
    expect(await user('z@corp.example')).toBeUndefined();
  });
});

describe('CSV import: broken CSV', () => {
  it('reports a quoting error on its line, and still checks the other file', async () => {
    const departmentsCsv = 'code,name\nQ1,"unterminated\nQ2,ok\n';
    const usersCsv = 'email,name,department_code\nq@corp.example,,Q1\nq2@corp.example,Q2 さん,NOPE\n';
    const res = await admin.post('/api/admin/import', { departmentsCsv, usersCsv });
    expect(res.status).toBe(422);
    const fields = (res.json() as ErrorBody).error.fields!;
    // The unreadable departments file is reported; its codes are unknown, so department_code
    // references are not reported as missing (they may be in the broken file), but the rest is.
    expect(fields.map((f) => `${f.file}:${f.line}:${f.field}:${f.code}`)).toEqual([
      'departments:2:format:invalid_format',
      'users:2:name:required',
    ]);
    expect(await user('q2@corp.example')).toBeUndefined();
  });
});

describe('CSV import: encodings', () => {
  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const usersCsv = '\uFEFFemail,name\r\nbom@corp.example,ボム 太郎\r\n';
    const res = await admin.post('/api/admin/import', { usersCsv });
    expect(res.status).toBe(200);
    expect((await user('bom@corp.example'))!.name).toBe('ボム 太郎');
  });

  it('reports text that was decoded with the wrong encoding (Shift_JIS read as UTF-8)', async () => {
    const sjis = toShiftJis('email,name\nsjis-api@corp.example,山田 太郎\n');
    const mangled = new TextDecoder('utf-8').decode(sjis); // what a browser's file.text() gives
    const res = await admin.post('/api/admin/import', { usersCsv: mangled });
    expect(res.status).toBe(422);
    const fields = (res.json() as ErrorBody).error.fields!;
    expect(fields).toEqual([
      {
        file: 'users',
        line: 2,
        field: 'encoding',
        code: 'invalid_encoding',
        message: expect.stringContaining('UTF-8'),
      },
    ]);
    expect(await user('sjis-api@corp.example')).toBeUndefined();
  });

  it('decodes Shift_JIS and UTF-8 bytes given to orgImporter (the CLI path)', async () => {
    const departmentsCsv = toShiftJis('code,name\r\nSJIS,総務部\r\n');
    const usersCsv = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('email,name,department_code\nsjis@corp.example,髙橋 𠮷子,SJIS\n'),
    ]);
    const result = await orgImporter(t.deps, null, { departmentsCsv, usersCsv });
    expect(result).toEqual({
      departments: { created: 1, updated: 0, unchanged: 0 },
      users: { created: 1, updated: 0, unchanged: 0 },
      dryRun: false,
    });
    expect((await dept('SJIS'))!.name).toBe('総務部');
    expect((await user('sjis@corp.example'))!.name).toBe('髙橋 𠮷子');
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'org.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();

    const garbage = new Uint8Array([0x65, 0x6d, 0x0a, 0xff, 0xff, 0xff]);
    await expect(orgImporter(t.deps, null, { usersCsv: garbage })).rejects.toMatchObject({
      code: 'csv.invalid',
      fields: [{ file: 'users', line: 2, field: 'encoding', code: 'invalid_encoding' }],
    });
  });
});

describe('CSV import: upsert', () => {
  it('updates existing rows by code and e-mail, keeps columns left out, clears empty cells', async () => {
    const parent = await createDepartment(t, { code: 'UP-PARENT', name: '親' });
    const d = await createDepartment(t, { code: 'UP-D', name: '旧名', parentId: parent.id });
    const u = await createUser(t, {
      email: 'up@corp.example',
      name: '旧 名前',
      departmentId: d.id,
      roles: ['hr'],
    });
    await t.deps.db
      .updateTable('users')
      .set({ title: '主任', name_en: 'Old' })
      .where('id', '=', u.id)
      .execute();
    const same = await createUser(t, { email: 'same@corp.example', name: '同じ 人' });

    const departmentsCsv = 'code,name,parent_code\nUP-D,新名,\nUP-PARENT,親,\n';
    const usersCsv =
      'email,name,title,roles\n' + 'UP@corp.example,新 名前,,organizer\n' + 'same@corp.example,同じ 人,,\n';

    const dry = await admin.post('/api/admin/import', { departmentsCsv, usersCsv, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.json()).toEqual({
      departments: { created: 0, updated: 1, unchanged: 1 },
      users: { created: 0, updated: 1, unchanged: 1 },
      dryRun: true,
    });
    expect((await dept('UP-D'))!.name).toBe('旧名'); // the dry run wrote nothing

    const res = await admin.post('/api/admin/import', { departmentsCsv, usersCsv });
    expect(res.json()).toEqual({
      departments: { created: 0, updated: 1, unchanged: 1 },
      users: { created: 0, updated: 1, unchanged: 1 },
      dryRun: false,
    });
    expect(await dept('UP-D')).toMatchObject({ name: '新名', parent_id: null });
    const updated = (await user('up@corp.example'))!;
    expect(updated).toMatchObject({
      id: u.id,
      name: '新 名前',
      title: null, // empty cell clears
      name_en: 'Old', // column not in the file: kept
      department_id: d.id, // column not in the file: kept
      password_hash: expect.stringMatching(/^\$argon2id\$/), // never touched by imports
    });
    expect(await rolesOf(u.id)).toEqual(['organizer']);
    expect(await rolesOf(same.id)).toEqual([]);
  });

  it('will not take the admin role from the last active administrator', async () => {
    const own = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const a = await createUser(own, { roles: ['admin'], email: 'only-admin@corp.example' });
      const usersCsv = 'email,name,roles\nonly-admin@corp.example,管理 者,hr\n';
      await expect(orgImporter(own.deps, a.id, { usersCsv })).rejects.toMatchObject({
        code: 'csv.invalid',
        fields: [{ file: 'users', line: 2, field: 'roles', code: 'last_admin' }],
      });
      // Handing the role to someone new in the same file is fine.
      const handover = usersCsv + 'next-admin@corp.example,次 管理者,admin\n';
      const result = await orgImporter(own.deps, a.id, { usersCsv: handover });
      expect(result.users).toEqual({ created: 1, updated: 1, unchanged: 0 });
    } finally {
      await own.close();
    }
  });
});
