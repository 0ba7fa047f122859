import fs from 'node:fs';
import { translate, type ImportCounts } from '@engawa/shared';
import type { Config } from '../config.ts';
import { AppError } from '../platform/errors.ts';
import { orgImporter } from '../modules/identity/import/orgImporter.ts';
import { CliError, migrateUp, parseOptions, usageError, withDatabase, type CliIo } from './common.ts';

function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new CliError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

const counts = (c: ImportCounts) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

/**
 * `engawa import-csv`: the same importer as the admin screen, fed the raw bytes (so Shift_JIS files
 * from Excel work). On any problem it prints every one as `file:line column reason` and exits 1;
 * the importer has then written nothing.
 */
export async function importCsvCommand(args: string[], config: Config, io: CliIo): Promise<void> {
  const v = parseOptions(args, {
    departments: { type: 'string' },
    users: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  if (!v.departments && !v.users)
    throw usageError('import-csv needs --departments FILE and/or --users FILE.');
  const paths = { departments: v.departments, users: v.users };
  const departmentsCsv = v.departments ? readBytes(v.departments) : undefined;
  const usersCsv = v.users ? readBytes(v.users) : undefined;
  const dryRun = v['dry-run'] ?? false;

  await withDatabase(config, async (database) => {
    await migrateUp(database, io);
    try {
      const result = await orgImporter({ db: database.db, database }, null, {
        departmentsCsv,
        usersCsv,
        dryRun,
      });
      if (departmentsCsv) io.out(`Departments: ${counts(result.departments)}`);
      if (usersCsv) io.out(`Users: ${counts(result.users)}`);
      io.out(dryRun ? 'Dry run: the files are valid; nothing was written.' : 'Imported.');
    } catch (err) {
      if (!(err instanceof AppError) || !err.code.startsWith('csv.')) throw err;
      const issues = err.fields ?? [];
      io.err(translate(io.locale, `errors.${err.code}`));
      for (const f of issues) {
        const file = (f.file === 'departments' || f.file === 'users' ? paths[f.file] : undefined) ?? f.file;
        const where = f.line ? `${file}:${f.line}` : (file ?? '-');
        io.err(`${where} ${f.field} ${translate(io.locale, `errors.field.${f.code}`)} (${f.code})`);
      }
      throw new CliError(`${issues.length} problem(s); nothing was imported.`);
    }
  });
}
