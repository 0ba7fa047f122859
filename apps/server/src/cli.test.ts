import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from './test/harness.ts';
import { DEMO_ACCOUNTS } from './modules/demo/info.ts';

/**
 * The CLI as an operator runs it: `node apps/server/bin/engawa.mjs …` in a child process, against
 * the same database as a test app (SQLite file in its data dir, or its PostgreSQL database), and
 * the effect checked through the app.
 */
const BIN = fileURLToPath(new URL('../bin/engawa.mjs', import.meta.url));
const tmpDirs: string[] = [];

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engawa-cli-'));
  tmpDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function engawa(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, LANG: 'C', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The environment that points the CLI at the test app's database. */
function envFor(t: TestApp): Record<string, string> {
  return {
    DATA_DIR: t.dataDir,
    ...(t.config.database.kind === 'postgres' ? { DATABASE_URL: t.config.database.url } : {}),
  };
}

const migrationNames = () =>
  fs
    .readdirSync(new URL('./db/migrations/', import.meta.url))
    .filter((f) => /^\d{14}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

// Each case starts a few Node processes; on a busy 2-core machine that takes a while.
describe('engawa CLI', { timeout: 120_000 }, () => {
  it('prints usage for help (exit 0) and for mistakes (exit 2)', async () => {
    const help = await engawa(['help'], envFor(t));
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: engawa <command>');
    expect(help.stdout).toContain('create-admin --email E --name N [--password P]');

    const none = await engawa([], envFor(t));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: engawa');
    const unknown = await engawa(['frobnicate'], envFor(t));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    const badOption = await engawa(['migrate', '--sideways'], envFor(t));
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--sideways');
  });

  it('migrate applies every migration on a new data dir, then has nothing to do', async () => {
    const dataDir = tmpDir();
    const first = await engawa(['migrate'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    for (const name of migrationNames()) expect(first.stdout).toContain(`Applied migration ${name}`);
    const db = new SQLite(path.join(dataDir, 'engawa.sqlite'), { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{
      name: string;
    }>;
    db.close();
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['users', 'departments', 'sessions']));

    const again = await engawa(['migrate'], { DATA_DIR: dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date');
    expect(again.stdout).not.toContain('Applied');
  });

  it('migrate --down reverts the last migration, and migrate applies it again', async () => {
    const last = migrationNames().at(-1)!;
    const down = await engawa(['migrate', '--down'], envFor(t));
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`Reverted migration ${last}`);
    const applied = async () =>
      (await sql<{ name: string }>`SELECT name FROM engawa_migrations`.execute(t.deps.db)).rows.map(
        (r) => r.name,
      );
    expect(await applied()).not.toContain(last);
    const up = await engawa(['migrate'], envFor(t));
    expect(up.code).toBe(0);
    expect(up.stdout.trim()).toBe(`Applied migration ${last}`);
    expect(await applied()).toContain(last);
  });

  it('seed --demo creates the demo company once, and refuses on a database with users', async () => {
    const usage = await engawa(['seed'], envFor(t));
    expect(usage.code).toBe(2);

    const seeded = await engawa(['seed', '--demo'], envFor(t));
    expect(seeded.code).toBe(0);
    for (const a of DEMO_ACCOUNTS) expect(seeded.stdout).toContain(a.email);
    const count = async () => (await t.deps.db.selectFrom('users').select('id').execute()).length;
    const users = await count();
    expect(users).toBeGreaterThanOrEqual(55);
    await signIn(t, DEMO_ACCOUNTS[0].email, 'engawa-demo');

    const again = await engawa(['seed', '--demo'], envFor(t));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has users');
    expect(await count()).toBe(users);
  });

  it('create-admin creates an administrator who can sign in with that password', async () => {
    const weak = await engawa(
      ['create-admin', '--email', 'root@example.test', '--name', '管理 太郎', '--password', 'short'],
      envFor(t),
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password');
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);

    const missing = await engawa(['create-admin', '--email', 'root@example.test'], envFor(t));
    expect(missing.code).toBe(2);

    const ok = await engawa(
      [
        'create-admin',
        '--email',
        'Root@Example.test',
        '--name',
        '管理 太郎',
        '--password',
        'a-long-admin-password',
      ],
      envFor(t),
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Created administrator root@example.test');
    const agent = await signIn(t, 'root@example.test', 'a-long-admin-password');
    const me = (await agent.get('/api/me')).json() as { name: string; roles: string[] };
    expect(me).toMatchObject({ name: '管理 太郎' });
    expect(me.roles).toContain('admin');
  });

  it('create-admin asks for the password on a terminal, without echoing it', async () => {
    // `script` (util-linux) gives the CLI a real pseudo-terminal.
    const base = { ...process.env };
    delete base.DATABASE_URL;
    const command = `'${process.execPath}' '${BIN}' create-admin --email tty@example.test --name 'Terminal Admin'`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...base, LANG: 'C', ...envFor(t) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 600 && !screen.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
      expect(screen).toContain(text);
    };
    await waitFor('Password: ');
    child.stdin.write('typed-on-a-tty-123\r');
    await waitFor('Password (again): ');
    child.stdin.write('typed-on-a-tty-123\r');
    await waitFor('Created administrator');
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(screen).not.toContain('typed-on-a-tty');
    await signIn(t, 'tty@example.test', 'typed-on-a-tty-123');
  });

  it('create-admin on an existing e-mail grants admin and sets the password read from stdin', async () => {
    const u = await createUser(t, { roles: ['organizer'] });
    const run = await engawa(
      ['create-admin', '--email', u.email, '--name', 'ignored'],
      envFor(t),
      'new-password-123\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('now an administrator');
    await expect(signIn(t, u.email, TEST_PASSWORD)).rejects.toThrow(/login failed/);
    const agent = await signIn(t, u.email, 'new-password-123');
    const me = (await agent.get('/api/me')).json() as { roles: string[] };
    expect(me.roles).toEqual(expect.arrayContaining(['admin', 'organizer']));

    const empty = await engawa(['create-admin', '--email', 'x@example.test', '--name', 'X'], envFor(t), '');
    expect(empty.code).toBe(2);
  });

  it('rotate-master-key rewraps while the app keeps reading private notes, and can retire the old key', async () => {
    const u = await createUser(t);
    const owner = await signIn(t, u.email);
    const created = await owner.post('/api/companion/notes', {
      title: '鍵の回転',
      body: 'ローテーション後も読めるメモ',
    });
    expect(created.status).toBe(201);
    const noteId = (created.json() as { id: string }).id;
    const keyFile = t.config.masterKeyFile;
    const before = fs.readFileSync(keyFile);

    const run = await engawa(['rotate-master-key'], envFor(t));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Rotated the master key .+ → .+: rewrapped \d+ user keys/);
    expect(fs.readFileSync(keyFile).equals(before)).toBe(false);
    expect(fs.readFileSync(`${keyFile}.prev`).equals(before)).toBe(true);
    const read = await owner.get(`/api/companion/notes/${noteId}`);
    expect(read.status).toBe(200);
    expect(read.json()).toMatchObject({ body: 'ローテーション後も読めるメモ' });

    const retire = await engawa(['rotate-master-key', '--retire-previous'], envFor(t));
    expect(retire.code, retire.stderr).toBe(0);
    expect(fs.existsSync(`${keyFile}.prev`)).toBe(false);
    expect((await owner.get(`/api/companion/notes/${noteId}`)).status).toBe(200);
  });

  it('erase-user deletes the private data and the data key, closes the account, and needs --yes', async () => {
    const u = await createUser(t);
    const other = await createUser(t);
    const owner = await signIn(t, u.email);
    const keeper = await signIn(t, other.email);
    expect((await owner.post('/api/companion/notes', { body: '消してほしいメモ' })).status).toBe(201);
    expect((await keeper.post('/api/companion/notes', { body: '残るメモ' })).status).toBe(201);
    const notes = () => t.deps.db.selectFrom('companion_notes').select('id').execute();
    const keyOf = (id: string) =>
      t.deps.db.selectFrom('vault_keys').select('user_id').where('user_id', '=', id).executeTakeFirst();
    expect(await notes()).toHaveLength(2);

    const unconfirmed = await engawa(['erase-user', '--email', u.email], envFor(t));
    expect(unconfirmed.code).toBe(2);
    expect(await notes()).toHaveLength(2);

    const run = await engawa(['erase-user', '--email', u.email, '--yes'], envFor(t));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Erased the private data');
    expect(await notes()).toHaveLength(1);
    expect(await keyOf(u.id)).toBeUndefined();
    expect(await keyOf(other.id)).toBeDefined();
    expect((await owner.get('/api/me')).status).toBe(401);
    const again = await (
      await anonymous(t)
    ).post('/api/auth/login', { email: u.email, password: TEST_PASSWORD });
    expect(again.status).toBeGreaterThanOrEqual(400);
    // The colleague's private note is untouched.
    expect((await keeper.get('/api/companion/notes')).json()).toMatchObject({ items: [{}] });
  });

  it('backup writes an online SQLite copy (0600) that opens and has the users', async () => {
    if (t.config.database.kind === 'postgres') {
      // The suite runs on PostgreSQL: the same command answers with the pg_dump to run.
      const hint = await engawa(['backup'], envFor(t));
      expect(hint.code).toBe(0);
      expect(hint.stdout).toContain(`pg_dump --format=custom`);
      expect(hint.stdout).toContain(new URL(t.config.database.url).pathname);
      return;
    }
    await createUser(t, { email: 'in.backup@example.test' });
    const out = path.join(tmpDir(), 'nested', 'copy.sqlite');
    const run = await engawa(['backup', '--out', out], envFor(t));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const copy = new SQLite(out, { readonly: true });
    const emails = copy.prepare('SELECT email FROM users').all() as Array<{ email: string }>;
    copy.close();
    expect(emails.map((r) => r.email)).toContain('in.backup@example.test');

    const refused = await engawa(['backup', '--out', out], envFor(t));
    expect(refused.code).toBe(1);

    const byDefault = await engawa(['backup'], envFor(t));
    expect(byDefault.code).toBe(0);
    const files = fs.readdirSync(path.join(t.dataDir, 'backups'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^engawa-\d{8}-\d{6}\.sqlite$/);
    expect(fs.statSync(path.join(t.dataDir, 'backups', files[0]!)).mode & 0o777).toBe(0o600);
  });

  it('backup on PostgreSQL prints a pg_dump command without the password', async () => {
    const run = await engawa(['backup'], {
      DATA_DIR: tmpDir(),
      DATABASE_URL: 'postgres://engawa:s3cret-pw@127.0.0.1:1/engawa_prod',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/pg_dump --format=custom .*postgres:\/\/engawa@127\.0\.0\.1:1\/engawa_prod/);
    expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
  });

  it('import-csv reports a bad row as file:line column reason and imports nothing', async () => {
    const dir = tmpDir();
    const departments = path.join(dir, 'departments.csv');
    const users = path.join(dir, 'users.csv');
    fs.writeFileSync(departments, 'code,name,parent_code\nSALES,営業部,\nSALES1,第一営業課,SALES\n');
    fs.writeFileSync(
      users,
      'email,name,department_code\nhanako@example.test,山田 花子,SALES1\nnot-an-email,鈴木 一郎,SALES\n',
    );
    const bad = await engawa(['import-csv', '--departments', departments, '--users', users], envFor(t));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${users}:3 email`);
    expect(bad.stderr).toContain('nothing was imported');
    expect(await t.deps.db.selectFrom('departments').select('id').execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);

    fs.writeFileSync(
      users,
      'email,name,department_code\nhanako@example.test,山田 花子,SALES1\nichiro@example.test,鈴木 一郎,SALES\n',
    );
    const dry = await engawa(
      ['import-csv', '--departments', departments, '--users', users, '--dry-run'],
      envFor(t),
    );
    expect(dry.code).toBe(0);
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toEqual([]);

    const good = await engawa(['import-csv', '--departments', departments, '--users', users], envFor(t));
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Users: 2 created');
    const rows = await t.deps.db.selectFrom('users').select('email').orderBy('email').execute();
    expect(rows.map((r) => r.email)).toEqual(['hanako@example.test', 'ichiro@example.test']);
  });
});
