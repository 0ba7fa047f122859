import type {
  AgendaItem,
  ManagerAgendaItem,
  ManagerView,
  NextStep,
  OneOnOneWant,
  PersonRef,
  SharedAgendaItem,
} from '@engawa/shared';
import type { StoredDraft } from './schema.ts';

/** The only place that shapes 1on1 output. */

export interface ItemRow {
  id: string;
  employee_id: string;
  manager_id: string;
  author: string;
  topic: string;
  want: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
}

export interface NextStepRow {
  id: string;
  text: string;
  due_on: string | null;
  done_at: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

/** The employee's own item, with whether (and with whom) it is shared right now. */
export function presentDraft(
  id: string,
  d: StoredDraft,
  liveCopies: ReadonlySet<string>,
  currentManager: PersonRef | null,
): AgendaItem {
  const shared =
    d.sharedItemId && d.sharedWith && d.sharedAt && liveCopies.has(d.sharedItemId)
      ? { with: d.sharedWith, at: d.sharedAt, current: currentManager?.id === d.sharedWith.id }
      : null;
  return {
    id,
    topic: d.topic,
    want: d.want,
    detail: d.detail,
    source: d.source,
    shared,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** An item the employee shared, exactly as the manager sees it. */
export function presentShared(
  row: Pick<ItemRow, 'id' | 'topic' | 'want' | 'detail' | 'created_at'>,
): SharedAgendaItem {
  return {
    id: row.id,
    topic: row.topic,
    want: (row.want ?? 'listen') as OneOnOneWant,
    detail: row.detail,
    sharedAt: row.created_at,
  };
}

export function presentManagerItem(row: ItemRow, manager: PersonRef): ManagerAgendaItem {
  return {
    id: row.id,
    topic: row.topic,
    detail: row.detail,
    author: manager,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentNextStep(row: NextStepRow): NextStep {
  return {
    id: row.id,
    text: row.text,
    dueOn: row.due_on,
    done: row.done_at !== null,
    doneAt: row.done_at,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
  };
}

/**
 * The manager's view of one member. The employee's preview uses this same function on the same
 * rows (plus the items they are about to share), so the preview is the manager's screen.
 */
export function presentManagerView(input: {
  employee: PersonRef;
  manager: PersonRef;
  shared: ReadonlyArray<Pick<ItemRow, 'id' | 'topic' | 'want' | 'detail' | 'created_at'>>;
  managerItems: readonly ItemRow[];
  nextSteps: readonly NextStepRow[];
}): ManagerView {
  return {
    employee: input.employee,
    manager: input.manager,
    sharedItems: input.shared.map(presentShared),
    managerItems: input.managerItems.map((r) => presentManagerItem(r, input.manager)),
    nextSteps: input.nextSteps.map(presentNextStep),
  };
}
