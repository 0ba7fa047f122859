import type { DepartmentItem } from '@engawa/shared';

/** A department placed in the tree: its depth (0 = top level) and the names from the top down. */
export interface DepartmentRow {
  department: DepartmentItem;
  depth: number;
  /** Names from the top-level department down to this one, e.g. ["本社", "営業部"]. */
  path: string[];
  childCount: number;
}

function compareSiblings(a: DepartmentItem, b: DepartmentItem): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code, 'ja') || a.id.localeCompare(b.id);
}

/**
 * Orders the flat `GET /api/departments` list as a tree, depth first, siblings by sortOrder then
 * code. A department whose parent is missing is shown at the top level, and a cycle (which the
 * server forbids, but data can be imported from anywhere) never hides or repeats a department.
 */
export function buildDepartmentTree(items: readonly DepartmentItem[]): DepartmentRow[] {
  const byId = new Map(items.map((d) => [d.id, d]));
  const children = new Map<string | null, DepartmentItem[]>();
  for (const d of items) {
    const parent = d.parentId && byId.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(d);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const rows: DepartmentRow[] = [];
  const placed = new Set<string>();
  const visit = (d: DepartmentItem, depth: number, path: string[]) => {
    if (placed.has(d.id)) return;
    placed.add(d.id);
    const kids = children.get(d.id) ?? [];
    const here = [...path, d.name];
    rows.push({ department: d, depth, path: here, childCount: kids.length });
    for (const child of kids) visit(child, depth + 1, here);
  };
  for (const root of children.get(null) ?? []) visit(root, 0, []);
  // Departments caught in a cycle are unreachable from the top: show them at the top level.
  for (const d of [...items].sort(compareSiblings)) visit(d, 0, []);
  return rows;
}

/** The department and everything below it: what cannot become its parent. */
export function selfAndDescendants(items: readonly DepartmentItem[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of items) {
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Options for a department picker, labelled with their full path ("本社 / 営業部"), in tree order. */
export function departmentOptions(
  items: readonly DepartmentItem[],
  exclude: ReadonlySet<string> = new Set(),
): Array<{ value: string; label: string }> {
  return buildDepartmentTree(items)
    .filter((row) => !exclude.has(row.department.id))
    .map((row) => ({ value: row.department.id, label: row.path.join(' / ') }));
}
