import {
  DEPARTMENT_CSV_COLUMNS,
  DEPARTMENT_CSV_REQUIRED,
  USER_CSV_COLUMNS,
  USER_CSV_REQUIRED,
} from '@engawa/shared';

export const CSV_KINDS = ['departments', 'users'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

/** The columns each file accepts (from the shared contract) and which of them are required. */
export const CSV_SPEC: Record<
  CsvKind,
  { fileName: string; columns: readonly string[]; required: readonly string[] }
> = {
  departments: {
    fileName: 'departments.csv',
    columns: DEPARTMENT_CSV_COLUMNS,
    required: DEPARTMENT_CSV_REQUIRED,
  },
  users: { fileName: 'users.csv', columns: USER_CSV_COLUMNS, required: USER_CSV_REQUIRED },
};

/** Example rows that import cleanly together: the users' departments are the departments' codes. */
const EXAMPLES: Record<CsvKind, Array<Record<string, string>>> = {
  departments: [
    { code: 'HQ', name: '本社', name_en: 'Headquarters', sort_order: '1' },
    {
      code: 'SALES',
      name: '営業部',
      name_en: 'Sales',
      parent_code: 'HQ',
      manager_email: 'hanako.sato@example.com',
      sort_order: '2',
    },
  ],
  users: [
    {
      email: 'hanako.sato@example.com',
      name: '佐藤 花子',
      name_kana: 'サトウ ハナコ',
      name_en: 'Hanako Sato',
      department_code: 'SALES',
      title: '部長',
      roles: 'organizer',
    },
    {
      email: 'taro.yamada@example.com',
      name: '山田 太郎',
      name_kana: 'ヤマダ タロウ',
      name_en: 'Taro Yamada',
      department_code: 'HQ',
      title: '',
      roles: 'hr;admin',
    },
  ],
};

/** One CSV cell, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The template file: header of every accepted column plus example rows, CRLF line ends. */
export function csvTemplate(kind: CsvKind): string {
  const { columns } = CSV_SPEC[kind];
  const lines = [
    columns.join(','),
    ...EXAMPLES[kind].map((row) => columns.map((c) => csvCell(row[c] ?? '')).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A download link for the template. The UTF-8 byte order mark makes Excel (Japanese Windows)
 * open the file as UTF-8 instead of Shift_JIS; the importer ignores it.
 */
export function csvTemplateHref(kind: CsvKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csvTemplate(kind)}`)}`;
}

/** "departments" → "departments.csv"; an unknown or missing file name is shown as it came. */
export function csvFileLabel(file: string | undefined): string {
  if (!file) return '';
  const kind = CSV_KINDS.find((k) => k === file || CSV_SPEC[k].fileName === file);
  return kind ? CSV_SPEC[kind].fileName : file;
}
