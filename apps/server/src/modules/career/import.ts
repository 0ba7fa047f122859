import {
  CAREER_LIMITS,
  OPPORTUNITY_CSV_COLUMNS,
  OPPORTUNITY_CSV_REQUIRED,
  normalizeEmail,
  type FieldIssueCode,
  type ImportCounts,
} from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import { nowIso } from '../../db/index.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCsvSize, IssueList, parseCsvFile, type CsvInput } from '../identity/import/csv.ts';
import { normalizeCode } from '../identity/import/rows.ts';
import { identityRepo } from '../identity/repo.ts';
import { careerRepo } from './repo.ts';
import {
  crossFieldIssues,
  insertValues,
  updateValues,
  type OpportunityFields,
  type RuleField,
} from './opportunities.ts';
import { parseSkills } from './presenter.ts';
import { resolveSkill, type StoredSkillRef } from './skills.ts';

/** Answer of a successful (or dry-run) opportunities.csv import. */
export interface OpportunityImportResult extends ImportCounts {
  dryRun: boolean;
}

const FILE = 'opportunities' as const;

/** Type cells: the ids, or the Japanese / English names people write in Excel. */
const TYPE_NAMES: Record<string, string> = {
  training: 'training',
  研修: 'training',
  posting: 'posting',
  社内公募: 'posting',
  公募: 'posting',
  jobposting: 'posting',
  shadowing: 'shadowing',
  ジョブシャドウイング: 'shadowing',
  jobshadowing: 'shadowing',
  gig: 'gig',
  社内副業: 'gig',
  副業: 'gig',
  mentoring: 'mentoring',
  メンタリング: 'mentoring',
};

const STATUS_NAMES: Record<string, string> = {
  open: 'open',
  募集中: 'open',
  closed: 'closed',
  募集終了: 'closed',
  締切: 'closed',
  終了: 'closed',
};

const fold = (cell: string) =>
  cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** `2026-04-01`, `2026/4/1` (Excel) → `2026-04-01`; undefined when not a real date. */
export function parseCsvDate(cell: string): string | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(cell.normalize('NFKC').trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || !new Date(t).toISOString().startsWith(iso) ? undefined : iso;
}

function parseInteger(cell: string, min: number, max: number): number | 'format' | 'range' {
  const text = cell.normalize('NFKC').trim().replace(/%$/, '');
  if (!/^\d+$/.test(text)) return 'format';
  const n = Number(text);
  return n < min || n > max ? 'range' : n;
}

/** Skill cells: names separated by `;`, `、`, `／` or `|`. */
function splitSkills(cell: string): string[] {
  return cell
    .split(/[;；、／|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const RULE_COLUMN: Record<RuleField, string> = {
  timeShare: 'time_share',
  endsOn: 'ends_on',
  applyBy: 'apply_by',
};

interface CheckedRow {
  line: number;
  code: string | null;
  /** Column → value for the columns present in the header (a missing column keeps stored values). */
  set: Partial<OpportunityFields>;
}

/**
 * opportunityImporter: imports opportunities.csv (hr). Every row is checked before anything is
 * written — types, lengths, dates, numbers, skills, department codes, owner e-mails, duplicate
 * codes — and every problem is reported as `{ file: 'opportunities', line, field: <column>, code }`
 * (physical line, header = 1) in one `csv.invalid` (422); otherwise all rows are written in one
 * transaction. Rows whose `code` exists update that opportunity (a column left out of the header
 * keeps the stored value); other rows are created. The CSV parsing, encodings and line numbers are
 * the organisation import's (modules/identity/import/csv.ts).
 */
export async function opportunityImporter(
  deps: Pick<AppDeps, 'db'>,
  actorId: string | null,
  input: { csv: CsvInput; dryRun?: boolean | undefined },
): Promise<OpportunityImportResult> {
  assertCsvSize(FILE, input.csv);
  const issues = new IssueList();
  const parsed = parseCsvFile(
    FILE,
    input.csv,
    { columns: OPPORTUNITY_CSV_COLUMNS, required: OPPORTUNITY_CSV_REQUIRED },
    issues,
  );
  const dryRun = input.dryRun ?? false;

  return deps.db.transaction().execute(async (tx) => {
    const departments = new Map(
      (await careerRepo.departmentsByCode(tx)).map((d) => [normalizeCode(d.code), d.id]),
    );
    const rows: CheckedRow[] = [];
    if (parsed) {
      const emails = [
        ...new Set(parsed.rows.map((r) => normalizeEmail(r.cells.get('owner_email') ?? '')).filter(Boolean)),
      ];
      const owners = new Map((await careerRepo.activeUsersByEmails(tx, emails)).map((u) => [u.email, u.id]));
      const codes = new Set<string>();
      for (const { line, cells } of parsed.rows) {
        const add = (field: string, code: FieldIssueCode) => issues.add(FILE, line, field, code);
        const has = (c: string) => parsed.columns.has(c);
        const cell = (c: string) => cells.get(c) ?? '';
        const set: Partial<OpportunityFields> = {};

        const code = cell('code') ? normalizeCode(cell('code')) : null;
        if (code && code.length > CAREER_LIMITS.opportunityCodeMax) add('code', 'too_long');
        else if (code && codes.has(code)) add('code', 'duplicate');
        if (code) codes.add(code);
        if (has('code')) set.code = code;

        const type = TYPE_NAMES[fold(cell('type'))];
        if (!cell('type')) add('type', 'required');
        else if (!type) add('type', 'invalid_value');
        else set.type = type;

        const title = cell('title');
        if (!title) add('title', 'required');
        else if (title.length > CAREER_LIMITS.opportunityTitleMax) add('title', 'too_long');
        else set.title = title;

        if (has('description')) {
          if (cell('description').length > CAREER_LIMITS.opportunityDescriptionMax)
            add('description', 'too_long');
          else set.description = cell('description');
        }

        for (const [column, key] of [
          ['skills_required', 'skillsRequired'],
          ['skills_gained', 'skillsGained'],
        ] as const) {
          if (!has(column)) continue;
          const names = splitSkills(cell(column));
          if (
            names.length > CAREER_LIMITS.opportunitySkillsMax ||
            names.some((n) => n.length > CAREER_LIMITS.skillNameMax)
          ) {
            add(column, 'too_long');
            continue;
          }
          const skills: StoredSkillRef[] = [];
          for (const name of names) {
            const ref = resolveSkill({ name });
            if (ref && !skills.some((s) => (s.id ?? s.name) === (ref.id ?? ref.name))) skills.push(ref);
          }
          set[key] = skills;
        }

        if (has('department_code')) {
          const dept = cell('department_code');
          if (!dept) set.departmentId = null;
          else {
            const id = departments.get(normalizeCode(dept));
            if (!id) add('department_code', 'unknown_reference');
            else set.departmentId = id;
          }
        }

        for (const [column, key] of [
          ['starts_on', 'startsOn'],
          ['ends_on', 'endsOn'],
          ['apply_by', 'applyBy'],
        ] as const) {
          if (!has(column)) continue;
          if (!cell(column)) set[key] = null;
          else {
            const date = parseCsvDate(cell(column));
            if (!date) add(column, 'invalid_format');
            else set[key] = date;
          }
        }

        for (const [column, key, max] of [
          ['capacity', 'capacity', CAREER_LIMITS.capacityMax],
          ['time_share', 'timeShare', 100],
        ] as const) {
          if (!has(column)) continue;
          if (!cell(column)) set[key] = null;
          else {
            const n = parseInteger(cell(column), 1, max);
            if (n === 'format') add(column, 'invalid_format');
            else if (n === 'range') add(column, 'invalid_value');
            else set[key] = n;
          }
        }

        if (has('status')) {
          const status = cell('status') ? STATUS_NAMES[fold(cell('status'))] : 'open';
          if (!status) add('status', 'invalid_value');
          else set.status = status;
        }

        if (has('owner_email')) {
          const email = normalizeEmail(cell('owner_email'));
          if (!email) set.ownerId = null;
          else {
            const id = owners.get(email);
            if (!id) add('owner_email', 'unknown_reference');
            else set.ownerId = id;
          }
        }
        rows.push({ line, code, set });
      }
    }

    const existing = new Map(
      (
        await careerRepo.opportunitiesByCodes(
          tx,
          rows.flatMap((r) => (r.code ? [r.code] : [])),
        )
      ).map((o) => [o.code!, o]),
    );
    const plans: Array<{
      line: number;
      id: string | null;
      fields: OpportunityFields;
      before: string | null;
    }> = [];
    for (const row of rows) {
      const stored = row.code ? existing.get(row.code) : undefined;
      const base: OpportunityFields = stored
        ? {
            code: stored.code,
            type: stored.type,
            title: stored.title,
            description: stored.description,
            skillsRequired: parseSkills(stored.skills_required),
            skillsGained: parseSkills(stored.skills_gained),
            departmentId: stored.department_id,
            startsOn: stored.starts_on,
            endsOn: stored.ends_on,
            applyBy: stored.apply_by,
            capacity: stored.capacity === null ? null : Number(stored.capacity),
            timeShare: stored.time_share === null ? null : Number(stored.time_share),
            status: stored.status,
            ownerId: stored.owner_id,
          }
        : {
            code: row.code,
            type: 'training',
            title: '',
            description: '',
            skillsRequired: [],
            skillsGained: [],
            departmentId: null,
            startsOn: null,
            endsOn: null,
            applyBy: null,
            capacity: null,
            timeShare: null,
            status: 'open',
            ownerId: null,
          };
      const fields: OpportunityFields = { ...base, ...row.set };
      // Cross-field rules only on rows whose own cells were readable (no double reports).
      if (row.set.type !== undefined) {
        for (const issue of crossFieldIssues(fields))
          issues.add(FILE, row.line, RULE_COLUMN[issue.field], issue.code);
      }
      plans.push({
        line: row.line,
        id: stored?.id ?? null,
        fields,
        before: stored ? JSON.stringify(updateValues(base, '')) : null,
      });
    }
    if (issues.size || !parsed) throw new AppError('csv.invalid', { fields: issues.report() });

    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const now = nowIso();
    for (const plan of plans) {
      if (!plan.id) {
        counts.created += 1;
        if (!dryRun) await careerRepo.insertOpportunity(tx, insertValues(plan.fields, newId(), actorId, now));
      } else if (plan.before === JSON.stringify(updateValues(plan.fields, ''))) {
        counts.unchanged += 1;
      } else {
        counts.updated += 1;
        if (!dryRun) await careerRepo.updateOpportunity(tx, plan.id, updateValues(plan.fields, now));
      }
    }
    if (!dryRun) {
      await identityRepo.audit(tx, {
        actor_id: actorId,
        action: 'career.opportunities.import',
        subject_type: 'opportunities',
        subject_id: null,
        detail: counts,
      });
    }
    return { ...counts, dryRun };
  });
}
