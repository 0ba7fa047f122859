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

/**
 * The manager's own item. `viewerId` is whose screen it is (the same rules as the policy's
 * `managerItem.edit` within the current pair: only the manager who wrote it edits it).
 */
export function presentManagerItem(row: ItemRow, manager: PersonRef, viewerId: string): ManagerAgendaItem {
  return {
    id: row.id,
    topic: row.topic,
    detail: row.detail,
    author: manager,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    abilities: { edit: viewerId === manager.id },
  };
}

/** A next step on `viewerId`'s screen (policy `nextStep.edit`: its author rewords or deletes it). */
export function presentNextStep(row: NextStepRow, viewerId: string): NextStep {
  const mine = viewerId === row.created_by;
  return {
    id: row.id,
    text: row.text,
    dueOn: row.due_on,
    done: row.done_at !== null,
    doneAt: row.done_at,
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at,
    abilities: { edit: mine, delete: mine },
  };
}

/**
 * The pair's view as `viewerId` sees it. The employee's preview uses this same function on the
 * same rows (plus the items they are about to share) with the manager as the viewer, so the
 * preview is the manager's screen, abilities included.
 */
export function presentManagerView(input: {
  employee: PersonRef;
  manager: PersonRef;
  viewerId: string;
  shared: ReadonlyArray<Pick<ItemRow, 'id' | 'topic' | 'want' | 'detail' | 'created_at'>>;
  managerItems: readonly ItemRow[];
  nextSteps: readonly NextStepRow[];
}): ManagerView {
  return {
    employee: input.employee,
    manager: input.manager,
    sharedItems: input.shared.map(presentShared),
    managerItems: input.managerItems.map((r) => presentManagerItem(r, input.manager, input.viewerId)),
    nextSteps: input.nextSteps.map((r) => presentNextStep(r, input.viewerId)),
  };
}
