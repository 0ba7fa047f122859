import { parseArgs } from 'node:util';
import type { Locale } from '@engawa/shared';
import type { Config } from '../config.ts';
import { openDatabase, migrateToLatest, type Database } from '../db/index.ts';

/** A failure the CLI reports as one message, with its exit code (1 error, 2 usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** A usage mistake (exit 2), with a pointer to the help. */
export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun "engawa help" for usage.`, 2);
}

/** Where a command writes: results to stdout, problems to stderr; catalog texts in `locale`. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  locale: Locale;
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** Parses options strictly: an unknown or malformed option is a usage error (exit 2). */
export function parseOptions<T extends OptionSpec>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw usageError(err instanceof Error ? err.message : String(err));
  }
}

/** Opens the configured database for one command and always closes it. */
export async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Brings the schema up to date (as the server does on start), printing what ran. */
export async function migrateUp(database: Database, io: CliIo): Promise<string[]> {
  const ran = await migrateToLatest(database.db);
  for (const name of ran) io.out(`Applied migration ${name}`);
  return ran;
}
