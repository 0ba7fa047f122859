import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '@engawa/shared';
import { sortIssues } from './issues.ts';

describe('import issues', () => {
  it('lists departments.csv first, then by line, keeping every issue', () => {
    const issues: FieldIssue[] = [
      { file: 'users', line: 4, field: 'roles', code: 'invalid_value' },
      { file: 'departments', line: 3, field: 'code', code: 'duplicate' },
      { file: 'users', line: 2, field: 'email', code: 'invalid_email' },
      { file: 'users', line: 2, field: 'department_code', code: 'unknown_reference' },
      { file: 'departments', field: 'name', code: 'missing_column' },
      { file: 'departments', line: 2, field: 'parent_code', code: 'unknown_reference' },
    ];
    const sorted = sortIssues(issues);
    expect(sorted.map((i) => `${i.file}:${i.line ?? '-'}:${i.field}`)).toEqual([
      'departments:-:name',
      'departments:2:parent_code',
      'departments:3:code',
      'users:2:email',
      'users:2:department_code',
      'users:4:roles',
    ]);
    expect(issues[0]?.field).toBe('roles');
  });
});
