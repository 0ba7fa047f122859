import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/index.ts';

/** `engawa-YYYYMMDD-HHMMSS` in UTC, so backup names sort by time whatever the server's zone. */
export function backupStamp(at = new Date()): string {
  const iso = at.toISOString(); // 2026-11-23T13:05:09.123Z
  return `engawa-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/**
 * Online backup of the embedded SQLite database (consistent while the server keeps running,
 * WAL included) into a new file readable by its owner only (0600). Refuses to overwrite.
 */
export async function backupSqlite(
  database: Database,
  config: Pick<Config, 'dataDir'>,
  out?: string,
): Promise<{ file: string; bytes: number }> {
  if (!database.sqlite) throw new Error('backupSqlite needs the SQLite database');
  const file = path.resolve(out ?? path.join(config.dataDir, 'backups', `${backupStamp()}.sqlite`));
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Created empty with 0600 first, so the copy is never readable by others, not even briefly.
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  try {
    await database.sqlite.backup(file);
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  fs.chmodSync(file, 0o600);
  return { file, bytes: fs.statSync(file).size };
}

/**
 * For PostgreSQL the database server owns backups; this builds the `pg_dump` command to run,
 * from DATABASE_URL minus the password (pg_dump reads it from PGPASSWORD or ~/.pgpass).
 */
export function pgDumpCommand(databaseUrl: string, out?: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  url.searchParams.delete('password');
  const target = out ?? `${backupStamp()}.dump`;
  return `pg_dump --format=custom --no-owner --file=${shellQuote(target)} ${shellQuote(url.toString())}`;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
