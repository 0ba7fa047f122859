import { z } from 'zod';
import {
  DEPARTMENT_CSV_COLUMNS,
  DEPARTMENT_CSV_REQUIRED,
  LIMITS,
  STORED_ROLES,
  USER_CSV_COLUMNS,
  USER_CSV_REQUIRED,
  normalizeEmail,
  type StoredRole,
} from '@engawa/shared';
import { parseCsvFile, type CsvInput, type IssueList } from './csv.ts';

/**
 * Row-level checks of departments.csv and users.csv that need no database: required cells,
 * lengths, formats, duplicates within the file. A value of `undefined` means "column not in the
 * header" (keep what is stored); `null` means "empty cell" (clear it).
 */
export interface DepartmentCsvRow {
  line: number;
  code: string;
  name: string;
  nameEn: string | null | undefined;
  parentCode: string | null | undefined;
  managerEmail: string | null | undefined;
  sortOrder: number | undefined;
}

export interface UserCsvRow {
  line: number;
  email: string;
  name: string;
  nameKana: string | null | undefined;
  nameEn: string | null | undefined;
  departmentCode: string | null | undefined;
  title: string | null | undefined;
  roles: StoredRole[] | undefined;
}

export interface CheckedFile<R> {
  /** False when the file could not be read row by row; its references are then unknown. */
  readable: boolean;
  /**
   * Every row, including ones with problems (already reported): the database checks still run on
   * them so one upload lists everything, and nothing is written while any problem exists.
   */
  rows: R[];
  /** Every key (code / e-mail) seen in the file, valid row or not, so references to a bad row are not reported twice. */
  keys: Set<string>;
}

const emailFormat = z.email();

/** Codes are compared after NFKC: full-width digits from a Japanese IME match ASCII ones. */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').trim();
}

function optional(cells: Map<string, string>, column: string): string | null | undefined {
  if (!cells.has(column)) return undefined;
  return cells.get(column) || null;
}

export function checkDepartmentsCsv(
  input: CsvInput | undefined,
  issues: IssueList,
): CheckedFile<DepartmentCsvRow> {
  const out: CheckedFile<DepartmentCsvRow> = { readable: true, rows: [], keys: new Set() };
  if (input === undefined) return out;
  const parsed = parseCsvFile(
    'departments',
    input,
    { columns: DEPARTMENT_CSV_COLUMNS, required: DEPARTMENT_CSV_REQUIRED },
    issues,
  );
  if (!parsed) return { ...out, readable: false };
  const add = (line: number, field: string, code: Parameters<IssueList['add']>[3]) =>
    issues.add('departments', line, field, code);
  for (const { line, cells } of parsed.rows) {
    const code = normalizeCode(cells.get('code') ?? '');
    if (!code) add(line, 'code', 'required');
    else if (code.length > LIMITS.departmentCodeMax) add(line, 'code', 'too_long');
    else if (out.keys.has(code)) add(line, 'code', 'duplicate');
    if (code) out.keys.add(code);
    const name = cells.get('name') ?? '';
    if (!name) add(line, 'name', 'required');
    else if (name.length > LIMITS.departmentNameMax) add(line, 'name', 'too_long');
    const nameEn = optional(cells, 'name_en');
    if (nameEn && nameEn.length > LIMITS.departmentNameMax) add(line, 'name_en', 'too_long');
    const parent = optional(cells, 'parent_code');
    const parentCode = parent ? normalizeCode(parent) : parent;
    if (parentCode && parentCode === code) add(line, 'parent_code', 'cycle');
    const manager = optional(cells, 'manager_email');
    const managerEmail = manager ? normalizeEmail(manager) : manager;
    if (managerEmail && !emailFormat.safeParse(managerEmail).success)
      add(line, 'manager_email', 'invalid_email');
    const sort = optional(cells, 'sort_order');
    let sortOrder: number | undefined = sort === undefined ? undefined : 0;
    if (sort) {
      const n = Number(sort.normalize('NFKC'));
      if (!Number.isInteger(n) || Math.abs(n) > 1_000_000) add(line, 'sort_order', 'invalid_format');
      else sortOrder = n;
    }
    out.rows.push({ line, code, name, nameEn, parentCode, managerEmail, sortOrder });
  }
  return out;
}

/** Roles cell: hr / organizer / admin separated by `;`, `,` or spaces; empty or `employee` = none. */
function parseRoles(cell: string): StoredRole[] | 'invalid' {
  const tokens = cell
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s;,、]+/)
    .filter(Boolean);
  const roles = new Set<StoredRole>();
  for (const t of tokens) {
    if (t === 'employee') continue;
    if (!(STORED_ROLES as readonly string[]).includes(t)) return 'invalid';
    roles.add(t as StoredRole);
  }
  return [...roles];
}

export function checkUsersCsv(input: CsvInput | undefined, issues: IssueList): CheckedFile<UserCsvRow> {
  const out: CheckedFile<UserCsvRow> = { readable: true, rows: [], keys: new Set() };
  if (input === undefined) return out;
  const parsed = parseCsvFile(
    'users',
    input,
    { columns: USER_CSV_COLUMNS, required: USER_CSV_REQUIRED },
    issues,
  );
  if (!parsed) return { ...out, readable: false };
  const add = (line: number, field: string, code: Parameters<IssueList['add']>[3]) =>
    issues.add('users', line, field, code);
  for (const { line, cells } of parsed.rows) {
    const email = normalizeEmail(cells.get('email') ?? '');
    if (!email) add(line, 'email', 'required');
    else if (email.length > LIMITS.emailMax) add(line, 'email', 'too_long');
    else if (!emailFormat.safeParse(email).success) add(line, 'email', 'invalid_email');
    else if (out.keys.has(email)) add(line, 'email', 'duplicate');
    if (email) out.keys.add(email);
    const name = cells.get('name') ?? '';
    if (!name) add(line, 'name', 'required');
    else if (name.length > LIMITS.nameMax) add(line, 'name', 'too_long');
    const nameKana = optional(cells, 'name_kana');
    if (nameKana && nameKana.length > LIMITS.nameMax) add(line, 'name_kana', 'too_long');
    const nameEn = optional(cells, 'name_en');
    if (nameEn && nameEn.length > LIMITS.nameMax) add(line, 'name_en', 'too_long');
    const title = optional(cells, 'title');
    if (title && title.length > LIMITS.titleMax) add(line, 'title', 'too_long');
    const dept = optional(cells, 'department_code');
    const departmentCode = dept ? normalizeCode(dept) : dept;
    const rolesCell = optional(cells, 'roles');
    let roles: StoredRole[] | undefined;
    if (rolesCell !== undefined) {
      const parsedRoles = parseRoles(rolesCell ?? '');
      if (parsedRoles === 'invalid') add(line, 'roles', 'invalid_value');
      else roles = parsedRoles;
    }
    out.rows.push({ line, email, name, nameKana, nameEn, departmentCode, title, roles });
  }
  return out;
}
