import { describe, expect, it } from 'vitest';
import { DEPARTMENT_CSV_COLUMNS, USER_CSV_COLUMNS } from '@engawa/shared';
import { csvCell, csvFileLabel, csvTemplate, csvTemplateHref } from './csvTemplates.ts';

/** Minimal RFC 4180 reader for the test: enough to check the template round-trips. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('CSV templates', () => {
  it('have the contract header and rows as wide as the header', () => {
    for (const [kind, columns] of [
      ['departments', DEPARTMENT_CSV_COLUMNS],
      ['users', USER_CSV_COLUMNS],
    ] as const) {
      const rows = parse(csvTemplate(kind));
      expect(rows[0]).toEqual([...columns]);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toHaveLength(columns.length);
    }
  });

  it('use department codes and manager e-mails that exist in the other template', () => {
    const departments = parse(csvTemplate('departments')).slice(1);
    const users = parse(csvTemplate('users')).slice(1);
    const codes = new Set(departments.map((r) => r[0]));
    const emails = new Set(users.map((r) => r[0]));
    for (const u of users) expect(codes.has(u[4])).toBe(true);
    for (const d of departments) if (d[4]) expect(emails.has(d[4])).toBe(true);
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('営業部')).toBe('営業部');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('download as UTF-8 with a byte order mark, for Excel', () => {
    const href = csvTemplateHref('users');
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    const body = decodeURIComponent(href.slice(href.indexOf(',') + 1));
    expect(body.startsWith('\uFEFFemail,name,')).toBe(true);
  });

  it('names the file an issue came from', () => {
    expect(csvFileLabel('departments')).toBe('departments.csv');
    expect(csvFileLabel('users.csv')).toBe('users.csv');
    expect(csvFileLabel('other')).toBe('other');
    expect(csvFileLabel(undefined)).toBe('');
  });
});
