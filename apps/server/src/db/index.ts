import fs from 'node:fs';
import path from 'node:path';
import {
  Kysely,
  SqliteDialect,
  PostgresDialect,
  Migrator,
  type MigrationProvider,
  type Migration,
} from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (SQLite only), for online backups. */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
}

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or PostgreSQL. */
export function openDatabase(config: Pick<Config, 'database'>): Database {
  if (config.database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.database.url, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: undefined, close: () => db.destroy() };
  }
  const file = config.database.file;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

const migrationsDir = new URL('./migrations/', import.meta.url);

/** Lists migration files in name (timestamp) order. */
const provider: MigrationProvider = {
  async getMigrations() {
    const files = fs
      .readdirSync(migrationsDir)
      .filter((f) => /^\d{14}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.ts$/, '')] = (await import(new URL(f, migrationsDir).href)) as Migration;
    }
    return out;
  },
};

export function migrator(db: Kysely<DB>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'engawa_migrations',
    migrationLockTableName: 'engawa_migrations_lock',
  });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** Current time as the ISO string every timestamp column stores. */
export function nowIso(): string {
  return new Date().toISOString();
}
