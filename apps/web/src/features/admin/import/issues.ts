import type { FieldIssue } from '@engawa/shared';
import { CSV_KINDS } from './csvTemplates.ts';

function fileRank(file: string | undefined): number {
  const i = CSV_KINDS.findIndex((k) => k === file || `${k}.csv` === file);
  return i === -1 ? CSV_KINDS.length : i;
}

/**
 * The import problems in the order a person fixes them: departments.csv before users.csv (users
 * refer to departments), then by line; problems without a line (a missing column) come first in
 * their file. Every issue is kept; equal ones keep the server's order.
 */
export function sortIssues(issues: readonly FieldIssue[]): FieldIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        fileRank(a.issue.file) - fileRank(b.issue.file) ||
        (a.issue.line ?? 0) - (b.issue.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}
