import type { OrgImportResult } from '@engawa/shared';
import type { AppDeps } from '../../../app.ts';
import { AppError, validationError } from '../../../platform/errors.ts';
import { identityRepo } from '../repo.ts';
import { assertCsvSize, IssueList, type CsvInput } from './csv.ts';
import { checkDepartmentsCsv, checkUsersCsv } from './rows.ts';
import { applyPlan, planImport } from './plan.ts';

export type { CsvInput } from './csv.ts';

/** What to import: either file may be left out; `dryRun` checks and counts without writing. */
export interface OrgImportFiles {
  departmentsCsv?: CsvInput | undefined;
  usersCsv?: CsvInput | undefined;
  dryRun?: boolean | undefined;
}

/**
 * orgImporter: imports departments.csv and users.csv (upsert by department code and by e-mail).
 * Shared by `POST /api/admin/import` and the `engawa import-csv` CLI, so both accept exactly the
 * same files. Both files are checked together, every row, before anything is written; then all of
 * it is written in one transaction, or nothing is and `csv.invalid` (422) lists every problem as
 * `{ file, line, field, code }` (line = physical line, header = 1). Files over LIMITS.csvMaxBytes
 * or LIMITS.csvMaxRows throw `csv.too_large` (413). Bytes (CLI) may be UTF-8, UTF-8 with BOM,
 * UTF-16 with BOM or Shift_JIS; text (API) must not contain U+FFFD (a wrongly decoded file).
 *
 * Rules: a column left out of the header keeps stored values; an empty cell clears them. Users
 * not in the file are left alone (never disabled or deleted); disabled users stay disabled;
 * imported users get no password (SSO or an administrator sets one). `actorId` is null for the CLI.
 */
export async function orgImporter(
  deps: Pick<AppDeps, 'db' | 'database'>,
  actorId: string | null,
  files: OrgImportFiles,
): Promise<OrgImportResult> {
  const { departmentsCsv, usersCsv } = files;
  const dryRun = files.dryRun ?? false;
  if (departmentsCsv === undefined && usersCsv === undefined) {
    throw validationError([
      { field: 'departmentsCsv', code: 'required' },
      { field: 'usersCsv', code: 'required' },
    ]);
  }
  if (departmentsCsv !== undefined) assertCsvSize('departments', departmentsCsv);
  if (usersCsv !== undefined) assertCsvSize('users', usersCsv);

  const issues = new IssueList();
  const departments = checkDepartmentsCsv(departmentsCsv, issues);
  const users = checkUsersCsv(usersCsv, issues);

  return deps.db.transaction().execute(async (tx) => {
    const plan = await planImport(
      tx,
      { lockAdmins: deps.database.dialect === 'postgres' },
      departments,
      users,
      issues,
    );
    if (issues.size) throw new AppError('csv.invalid', { fields: issues.report() });
    const result: OrgImportResult = { ...plan.counts, dryRun };
    if (dryRun) return result;
    await applyPlan(tx, plan);
    await identityRepo.audit(tx, {
      actor_id: actorId,
      action: 'org.import',
      subject_type: 'organization',
      subject_id: null,
      detail: {
        departments: plan.counts.departments,
        users: plan.counts.users,
        ...(plan.adminGranted.length ? { adminGranted: plan.adminGranted } : {}),
        ...(plan.adminRevoked.length ? { adminRevoked: plan.adminRevoked } : {}),
      },
    });
    return result;
  });
}
