import { LIMITS, normalizeEmail, translate, type Locale } from '@engawa/shared';
import fs from 'node:fs';
import { loadConfig, type Config } from './config.ts';
import { rotateMasterKey } from './platform/vault/index.ts';
import { buildApp } from './app.ts';
import { loadSecrets } from './platform/secrets.ts';
import { identityRepo } from './modules/identity/repo.ts';
import { userEraser } from './modules/identity/userEraser.ts';
import { migrator } from './db/index.ts';
import { AppError } from './platform/errors.ts';
import { backupSqlite, pgDumpCommand } from './platform/backup.ts';
import { seedDemoIfEmpty } from './modules/demo/seed.ts';
import { DEMO_ACCOUNTS } from './modules/demo/info.ts';
import { DEMO_COMPANY_NAME, DEMO_PEOPLE } from './modules/demo/company.ts';
import { adminAccountProvisioner } from './modules/identity/admin-account.ts';
import { readPassword } from './cli/prompt.ts';
import { importCsvCommand } from './cli/import-csv.ts';
import { CliError, migrateUp, parseOptions, usageError, withDatabase, type CliIo } from './cli/common.ts';

/**
 * `npx engawa …`: operator tasks that must work without the web UI (first administrator, backups,
 * migrations, bulk import). It reads the same environment as the server, so it acts on the same
 * database. Exit codes: 0 ok, 1 error, 2 usage.
 */
export const USAGE = `Usage: engawa <command> [options]

Commands:
  migrate                  Apply every pending database migration.
  migrate --down           Revert the most recent migration.
  seed --demo              Create the demo company (${DEMO_COMPANY_NAME}, about 60 people).
                           Only on an empty database (no users).
  create-admin --email E --name N [--password P]
                           Create an administrator, or make an existing user (same e-mail) one
                           and set their password. Without --password it is asked for on the
                           terminal (not shown), or read from the first line of stdin.
  backup [--out FILE]      SQLite: online backup (safe while the server runs) to FILE, default
                           <DATA_DIR>/backups/engawa-YYYYMMDD-HHMMSS.sqlite (UTC), mode 0600.
                           PostgreSQL: prints the pg_dump command to run.
  import-csv [--departments FILE] [--users FILE] [--dry-run]
                           Import departments and/or users from CSV (UTF-8 or Shift_JIS), the
                           same files as the admin screen. All or nothing: every bad row is
                           reported as "file:line column reason" and nothing is imported.
                           --dry-run only checks and counts.
  rotate-master-key [--new-key-file F] [--retire-previous]
                           Generate a new vault master key (or use F), rewrap every user's data
                           key with it while servers keep running, then swap the key files.
                           The old key stays in MASTER_KEY_FILE.prev so older backups remain
                           readable; --retire-previous deletes it, which makes everything erased
                           before now unrecoverable from any backup.
  erase-user --email E --yes
                           Erase a person's private data (companion, notes, private career
                           profile, 1on1 drafts) for good and close the account. Their public
                           posts stay. Run rotate-master-key --retire-previous afterwards so
                           backups taken before cannot be decrypted either.
  help                     Show this help.

The CLI reads the server's environment (DATA_DIR, DATABASE_URL, MASTER_KEY_FILE, ...).
Exit codes: 0 ok, 1 error, 2 usage.
`;

/** Messages from the catalogs follow the operator's LANG (ja or en). */
function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  return (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

type Command = (args: string[], config: Config, io: CliIo) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate(args, config, io) {
    const { down } = parseOptions(args, { down: { type: 'boolean' } });
    await withDatabase(config, async (database) => {
      if (!down) {
        const ran = await migrateUp(database, io);
        if (!ran.length) io.out('The database is up to date; no migration to apply.');
        return;
      }
      const { error, results } = await migrator(database.db).migrateDown();
      if (error) throw new Error(`Reverting failed: ${String(error)}`, { cause: error });
      const reverted = results?.find((r) => r.status === 'Success');
      io.out(reverted ? `Reverted migration ${reverted.migrationName}` : 'No migration to revert.');
    });
  },

  async seed(args, config, io) {
    const { demo } = parseOptions(args, { demo: { type: 'boolean' } });
    if (!demo) throw usageError('seed needs --demo (the demo company is the only seed).');
    await withDatabase(config, async (database) => {
      await migrateUp(database, io);
      if (!(await seedDemoIfEmpty({ db: database.db, config }))) {
        throw new CliError(
          'The database already has users: the demo company is only created on an empty database.',
        );
      }
      io.out(`Created the demo company ${DEMO_COMPANY_NAME} (${DEMO_PEOPLE.length} people).`);
      io.out(`Demo accounts (password: ${config.demo.password}):`);
      for (const a of DEMO_ACCOUNTS) {
        const person = DEMO_PEOPLE.find((p) => p.account === a.role);
        io.out(`  ${a.role.padEnd(9)} ${a.email}  ${person ? `${person.family} ${person.given}` : ''}`);
      }
    });
  },

  async 'create-admin'(args, config, io) {
    const v = parseOptions(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    });
    if (!v.email || !v.name) throw usageError('create-admin needs --email and --name.');
    const password = v.password ?? (await readPassword());
    if (!password) throw usageError('No password: give --password, type it on a terminal, or pipe it.');
    await withDatabase(config, async (database) => {
      await migrateUp(database, io);
      const result = await adminAccountProvisioner(
        { db: database.db },
        { email: v.email!, name: v.name!, password },
      );
      const email = normalizeEmail(v.email!);
      io.out(
        result.created
          ? `Created administrator ${email}.`
          : `${email} already existed: it is now an administrator and has the new password.`,
      );
      if (result.disabled) io.err(`Note: ${email} is disabled and cannot sign in until re-enabled.`);
    });
  },

  async backup(args, config, io) {
    const { out } = parseOptions(args, { out: { type: 'string' } });
    await withDatabase(config, async (database) => {
      if (database.dialect === 'postgres' && config.database.kind === 'postgres') {
        io.out('PostgreSQL backups are taken with pg_dump (password from PGPASSWORD or ~/.pgpass):');
        io.out(`  ${pgDumpCommand(config.database.url, out)}`);
      } else {
        const { file, bytes } = await backupSqlite(database, config, out);
        io.out(`Backed up the database to ${file} (${bytes} bytes, mode 0600).`);
      }
      io.out(
        `Keep ${config.masterKeyFile} safe and apart from the backups: private data in them ` +
          'can only be read with that key.',
      );
    });
  },

  'import-csv': importCsvCommand,

  async 'erase-user'(args, config, io) {
    const v = parseOptions(args, { email: { type: 'string' }, yes: { type: 'boolean' } });
    if (!v.email) throw usageError('erase-user needs --email.');
    if (!v.yes) throw usageError('erase-user cannot be undone: add --yes to confirm.');
    await withDatabase(config, async (database) => {
      await migrateUp(database, io);
      // The full app wires every module's eraser into the vault; nothing listens or starts jobs.
      const { app, deps } = await buildApp({ config, secrets: loadSecrets(config), database });
      try {
        const user = await identityRepo.findUserByEmail(deps.db, v.email!);
        if (!user) throw new CliError(`No user with the e-mail address ${normalizeEmail(v.email!)}.`);
        await userEraser(deps, user.id, null);
        io.out(`Erased the private data of ${user.email} and closed the account.`);
        io.out('To make backups taken before unreadable too: engawa rotate-master-key --retire-previous');
      } finally {
        await app.close();
      }
    });
  },

  async 'rotate-master-key'(args, config, io) {
    const v = parseOptions(args, {
      'new-key-file': { type: 'string' },
      'retire-previous': { type: 'boolean' },
    });
    await withDatabase(config, async (database) => {
      await migrateUp(database, io);
      const result = await rotateMasterKey(
        { db: database.db, config },
        v['new-key-file'] ? { newKeyFile: v['new-key-file'] } : {},
      );
      io.out(
        `Rotated the master key ${result.oldKeyId} → ${result.newKeyId}: rewrapped ${result.rewrappedKeys} ` +
          `user keys and ${result.rewrappedSecrets} system secrets.`,
      );
      if (v['retire-previous']) {
        fs.rmSync(result.previousKeyFile, { force: true });
        io.out(
          `Deleted the previous key ${result.previousKeyFile}: backups taken before now can no longer be decrypted.`,
        );
      } else {
        io.out(`The previous key is kept in ${result.previousKeyFile} so older backups stay readable.`);
      }
    });
  },

  async help(_args, _config, io) {
    io.out(USAGE);
  },
};

/** Prints an AppError the way an operator needs it: the catalog text and each field's problem. */
function describeAppError(err: AppError, locale: Locale): string {
  const lines = [translate(locale, `errors.${err.code}`, err.vars)];
  for (const f of err.fields ?? []) {
    let reason = translate(locale, `errors.field.${f.code}`);
    if (f.field === 'password' && f.code === 'too_short') reason += ` (min ${LIMITS.passwordMin})`;
    lines.push(`  ${f.file && f.line ? `${f.file}:${f.line} ` : ''}${f.field}: ${reason}`);
  }
  return lines.join('\n');
}

/** Runs one CLI invocation and returns its exit code (never throws). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    locale: localeFromEnv(env),
  };
  const [name, ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    if (name) io.err(`Unknown command "${name}".\n`);
    io.err(USAGE);
    return 2;
  }
  try {
    await command(args, loadConfig(env), io);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    if (err instanceof AppError) {
      io.err(describeAppError(err, io.locale));
      return 1;
    }
    io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
