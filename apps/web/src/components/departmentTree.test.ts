import { describe, expect, it } from 'vitest';
import type { DepartmentItem } from '@engawa/shared';
import { buildDepartmentTree, departmentOptions, selfAndDescendants } from './departmentTree.ts';

function dept(id: string, parentId: string | null, sortOrder = 0, name = id): DepartmentItem {
  return {
    id,
    code: id.toUpperCase(),
    name,
    nameEn: null,
    parentId,
    managerId: null,
    managerName: null,
    memberCount: 0,
    sortOrder,
  };
}

describe('department tree', () => {
  it('puts children right under their parent, siblings by sort order then code', () => {
    const rows = buildDepartmentTree([
      dept('sales2', 'sales', 0),
      dept('hq', null),
      dept('sales', 'hq', 2),
      dept('dev', 'hq', 1),
      dept('sales1', 'sales', 0),
    ]);
    expect(rows.map((r) => [r.department.id, r.depth])).toEqual([
      ['hq', 0],
      ['dev', 1],
      ['sales', 1],
      ['sales1', 2],
      ['sales2', 2],
    ]);
    expect(rows.find((r) => r.department.id === 'sales2')?.path).toEqual(['hq', 'sales', 'sales2']);
    expect(rows.find((r) => r.department.id === 'hq')?.childCount).toBe(2);
  });

  it('shows a department whose parent is missing at the top level', () => {
    const rows = buildDepartmentTree([dept('a', 'gone'), dept('b', null)]);
    expect(rows.map((r) => [r.department.id, r.depth])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
  });

  it('shows every department of a cycle exactly once', () => {
    const rows = buildDepartmentTree([dept('x', 'y'), dept('y', 'x'), dept('self', 'self')]);
    expect(rows.map((r) => r.department.id).sort()).toEqual(['self', 'x', 'y']);
  });

  it('excludes a department and its descendants from the parent choices', () => {
    const items = [dept('hq', null), dept('sales', 'hq'), dept('team', 'sales'), dept('dev', 'hq')];
    const blocked = selfAndDescendants(items, 'sales');
    expect([...blocked].sort()).toEqual(['sales', 'team']);
    expect(departmentOptions(items, blocked)).toEqual([
      { value: 'hq', label: 'hq' },
      { value: 'dev', label: 'hq / dev' },
    ]);
  });

  it('labels options with the Japanese path of names', () => {
    const items = [dept('hq', null, 0, '本社'), dept('sales', 'hq', 0, '営業部')];
    expect(departmentOptions(items).map((o) => o.label)).toEqual(['本社', '本社 / 営業部']);
  });
});
