import { parse, CsvError } from 'csv-parse/sync';
import { LIMITS, type FieldIssue, type FieldIssueCode } from '@engawa/shared';
import { AppError } from '../../../platform/errors.ts';

/** Which uploaded file an issue is in; also the `file` of each reported issue. */
export type CsvFile = 'departments' | 'users' | 'opportunities';

/**
 * A CSV file as the importer accepts it: text (from the JSON API) or raw bytes (from the CLI,
 * where Shift_JIS files from Excel are decoded here).
 */
export type CsvInput = string | Uint8Array;

/** One data row: the physical line it starts on (header = line 1) and its cells by column name. */
export interface CsvRow {
  line: number;
  cells: Map<string, string>;
}

export interface ParsedCsv {
  /** Known columns present in the header. */
  columns: ReadonlySet<string>;
  rows: CsvRow[];
}

/**
 * Collects row problems, capped at LIMITS.csvMaxIssues so a completely wrong 20,000-line file
 * still gets a readable answer (the last entry then says the check stopped).
 */
export class IssueList {
  readonly items: FieldIssue[] = [];
  private truncatedAt: { file: CsvFile; line: number } | undefined;

  add(file: CsvFile, line: number, field: string, code: FieldIssueCode): void {
    if (this.items.length >= LIMITS.csvMaxIssues) {
      this.truncatedAt ??= { file, line };
      return;
    }
    this.items.push({ file, line, field, code });
  }

  get size(): number {
    return this.items.length;
  }

  /** The issues to report, with the `too_many_issues` marker when some were left out. */
  report(): FieldIssue[] {
    if (!this.truncatedAt) return this.items;
    return [...this.items, { ...this.truncatedAt, field: '*', code: 'too_many_issues' }];
  }
}

const INPUT_FIELD: Record<CsvFile, string> = {
  departments: 'departmentsCsv',
  users: 'usersCsv',
  opportunities: 'csv',
};

/** Throws csv.too_large (naming the request field) when a file is over LIMITS.csvMaxBytes. */
export function assertCsvSize(file: CsvFile, input: CsvInput): void {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > LIMITS.csvMaxBytes) {
    throw new AppError('csv.too_large', { fields: [{ field: INPUT_FIELD[file], file, code: 'too_long' }] });
  }
}

/**
 * Bytes → text. UTF-8 (with or without BOM) first; a UTF-16 BOM is honoured; otherwise the bytes
 * are tried as Shift_JIS (Windows-31J, what Excel in Japan writes). Text given as a string that
 * contains U+FFFD was already decoded with the wrong encoding by the sender: that is reported,
 * because the original characters are lost.
 */
export function decodeCsv(input: CsvInput): { text: string } | { badLine: number } {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    const at = text.indexOf('\uFFFD');
    return at < 0 ? { text } : { badLine: lineAt(text, at) };
  }
  const bytes = input;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes) };
    } catch {
      const lossy = new TextDecoder('utf-8').decode(bytes);
      return { badLine: lineAt(lossy, Math.max(0, lossy.indexOf('\uFFFD'))) };
    }
  }
}

function lineAt(text: string, index: number): number {
  return 1 + countBreaks(text.slice(0, index));
}

function countBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Header names are matched after NFKC, trimming and lower-casing ("Ｅｍａｉｌ " → "email"). */
function headerName(cell: string): string {
  return cell.normalize('NFKC').trim().toLowerCase();
}

/**
 * Parses one CSV file and checks its header. Returns null when the file cannot be read row by row
 * (encoding, quoting, missing or duplicated columns); every problem goes to `issues` with the
 * physical line it is on. Unknown header columns are reported but the known ones are still read.
 */
export function parseCsvFile(
  file: CsvFile,
  input: CsvInput,
  spec: { columns: readonly string[]; required: readonly string[] },
  issues: IssueList,
): ParsedCsv | null {
  const decoded = decodeCsv(input);
  if ('badLine' in decoded) {
    issues.add(file, decoded.badLine, 'encoding', 'invalid_encoding');
    return null;
  }
  // One line-break convention, so csv-parse's line counting and ours agree (CRLF in quoted cells too).
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const records: Array<{ line: number; cells: string[] }> = [];
  let consumedBreaks = 0;
  let consumedChars = 0;
  try {
    parse(text, {
      raw: true,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: ({ record, raw }: { record: string[]; raw: string }) => {
        const leading = /^\n*/.exec(raw)?.[0].length ?? 0;
        records.push({ line: 1 + consumedBreaks + leading, cells: record });
        consumedBreaks += countBreaks(raw);
        consumedChars += raw.length;
        if (records.length > LIMITS.csvMaxRows + 1) {
          throw new AppError('csv.too_large', {
            fields: [{ field: INPUT_FIELD[file], file, code: 'too_long' }],
          });
        }
        return null;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // Report the line the broken record starts on (an unclosed quote runs to the end of the file).
    const leading = /^\n*/.exec(text.slice(consumedChars))?.[0].length ?? 0;
    issues.add(file, 1 + consumedBreaks + leading, 'format', 'invalid_format');
    return null;
  }

  const [header, ...body] = records;
  if (!header) {
    for (const c of spec.required) issues.add(file, 1, c, 'missing_column');
    return null;
  }
  const names = header.cells.map(headerName);
  const known = new Set(spec.columns);
  const seen = new Set<string>();
  let readable = true;
  for (const [i, name] of names.entries()) {
    if (!name) continue; // Excel's trailing empty header cells
    if (!known.has(name)) issues.add(file, header.line, header.cells[i]!.trim(), 'unknown_column');
    else if (seen.has(name)) {
      issues.add(file, header.line, name, 'duplicate');
      readable = false;
    }
    seen.add(name);
  }
  for (const c of spec.required) {
    if (!seen.has(c)) {
      issues.add(file, header.line, c, 'missing_column');
      readable = false;
    }
  }
  if (!readable) return null;

  const rows: CsvRow[] = [];
  for (const rec of body) {
    if (rec.cells.every((c) => c.trim() === '')) continue; // ",,,," rows Excel leaves at the end
    const cells = new Map<string, string>();
    for (const [i, raw] of rec.cells.entries()) {
      const name = names[i];
      if (name === undefined || name === '') {
        if (raw.trim() !== '') issues.add(file, rec.line, `column_${i + 1}`, 'unknown_column');
        continue;
      }
      if (known.has(name)) cells.set(name, raw.trim());
    }
    rows.push({ line: rec.line, cells });
  }
  return { columns: new Set([...seen].filter((c) => known.has(c))), rows };
}
