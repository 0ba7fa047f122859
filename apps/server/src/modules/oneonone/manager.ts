import type { z } from 'zod';
import {
  CAREER_LIMITS,
  type ManagerItemBody,
  type ManagerItemPatch,
  type ManagerView,
  type NextStepBody,
  type NextStepPatch,
  type PersonRef,
} from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { oneononeRepo } from './repo.ts';
import { managerOf, membersOf } from './relations.ts';
import { oneononePolicy, type PairSubject } from './policy.ts';
import { pairView } from './agenda.ts';

/**
 * The manager's side, and the next steps both sides record. A manager reaches a member only while
 * the org tree says they are that member's manager; anything else is 404. They see the items the
 * member shared with them (never the private ones, never the profile or the companion), add their
 * own items, and record agreed next steps with the member.
 */

export interface MemberSummary {
  id: string;
  name: string;
  title: string | null;
  departmentName: string | null;
  /** Items this member has shared with you now. */
  sharedItems: number;
  openNextSteps: number;
}

export async function listMembers(deps: AppDeps, actor: Actor): Promise<MemberSummary[]> {
  const [members, shared, steps] = await Promise.all([
    membersOf(deps, actor.userId),
    oneononeRepo.countSharedByEmployee(deps.db, actor.userId),
    oneononeRepo.openStepsByEmployee(deps.db, actor.userId),
  ]);
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    title: m.title,
    departmentName: m.department_name,
    sharedItems: shared.get(m.id) ?? 0,
    openNextSteps: steps.get(m.id) ?? 0,
  }));
}

/** Loads the member for their manager (404 for anyone else, hr and admin included). */
async function memberFor(
  deps: AppDeps,
  actor: Actor,
  employeeId: string,
): Promise<{ employee: PersonRef; manager: PersonRef }> {
  const [employee, manager] = await Promise.all([
    oneononeRepo.userCard(deps.db, employeeId),
    managerOf(deps, employeeId),
  ]);
  oneononePolicy.authorize(
    actor,
    'member.manage',
    { currentManagerId: manager?.id ?? null },
    { hidden: true },
  );
  if (!employee || !manager) throw notFound();
  return { employee: { id: employee.id, name: employee.name }, manager };
}

export async function memberView(deps: AppDeps, actor: Actor, employeeId: string): Promise<ManagerView> {
  const { employee, manager } = await memberFor(deps, actor, employeeId);
  return pairView(deps, employee, manager, actor.userId);
}

export async function addManagerItem(
  deps: AppDeps,
  actor: Actor,
  employeeId: string,
  input: z.infer<typeof ManagerItemBody>,
  now: Date,
): Promise<ManagerView> {
  const { employee, manager } = await memberFor(deps, actor, employeeId);
  const existing = await oneononeRepo.itemsOfPair(deps.db, employee.id, manager.id);
  if (existing.filter((i) => i.author === 'manager').length >= CAREER_LIMITS.managerItemsMax)
    throw validationError([{ field: 'topic', code: 'too_long' }]);
  const at = now.toISOString();
  await oneononeRepo.insertItem(deps.db, {
    id: newId(),
    employee_id: employee.id,
    manager_id: manager.id,
    author: 'manager',
    topic: input.topic,
    want: null,
    detail: input.detail,
    created_at: at,
    updated_at: at,
  });
  return pairView(deps, employee, manager, actor.userId);
}

async function pairOf(deps: AppDeps, row: { employee_id: string; manager_id: string }): Promise<PairSubject> {
  const current = await managerOf(deps, row.employee_id);
  return { employeeId: row.employee_id, managerId: row.manager_id, currentManagerId: current?.id ?? null };
}

async function loadManagerItem(deps: AppDeps, actor: Actor, id: string) {
  const row = await oneononeRepo.findItem(deps.db, id);
  if (!row || row.author !== 'manager') throw notFound();
  const pair = await pairOf(deps, row);
  oneononePolicy.authorize(actor, 'managerItem.edit', pair, { hidden: true });
  return row;
}

export async function updateManagerItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: z.infer<typeof ManagerItemPatch>,
  now: Date,
): Promise<void> {
  await loadManagerItem(deps, actor, id);
  await oneononeRepo.updateItem(deps.db, id, {
    ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
    ...(patch.detail !== undefined ? { detail: patch.detail } : {}),
    updated_at: now.toISOString(),
  });
}

export async function deleteManagerItem(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await loadManagerItem(deps, actor, id);
  await oneononeRepo.deleteItem(deps.db, id);
}

/** Records an agreed next step for a pair: the employee with their manager, or the manager with a member. */
export async function addNextStep(
  deps: AppDeps,
  actor: Actor,
  employeeId: string | null,
  input: z.infer<typeof NextStepBody>,
  now: Date,
): Promise<{ employee: PersonRef; manager: PersonRef }> {
  let pair: { employee: PersonRef; manager: PersonRef };
  if (employeeId === null) {
    const manager = await managerOf(deps, actor.userId);
    if (!manager) throw new AppError('oneonone.no_manager');
    pair = { employee: { id: actor.userId, name: actor.name }, manager };
  } else {
    pair = await memberFor(deps, actor, employeeId);
  }
  const steps = await oneononeRepo.nextStepsOfPair(deps.db, pair.employee.id, pair.manager.id);
  if (steps.length >= CAREER_LIMITS.nextStepsMax)
    throw validationError([{ field: 'text', code: 'too_long' }]);
  const at = now.toISOString();
  await oneononeRepo.insertNextStep(deps.db, {
    id: newId(),
    employee_id: pair.employee.id,
    manager_id: pair.manager.id,
    text: input.text,
    due_on: input.dueOn,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  });
  return pair;
}

async function loadNextStep(deps: AppDeps, actor: Actor, id: string) {
  const row = await oneononeRepo.findNextStep(deps.db, id);
  if (!row) throw notFound();
  const pair = await pairOf(deps, row);
  oneononePolicy.authorize(actor, 'pair.participate', pair, { hidden: true });
  return { row, pair };
}

export async function updateNextStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: z.infer<typeof NextStepPatch>,
  now: Date,
): Promise<void> {
  const { row, pair } = await loadNextStep(deps, actor, id);
  // Either side ticks a step done; rewording it (text, due date) is for its author alone.
  if (patch.text !== undefined || patch.dueOn !== undefined) {
    oneononePolicy.authorize(actor, 'nextStep.edit', { ...pair, createdBy: row.created_by });
  }
  const at = now.toISOString();
  await oneononeRepo.updateNextStep(deps.db, id, {
    ...(patch.text !== undefined ? { text: patch.text } : {}),
    ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
    ...(patch.done !== undefined ? { done_at: patch.done ? (row.done_at ?? at) : null } : {}),
    updated_at: at,
  });
}

export async function deleteNextStep(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const { row, pair } = await loadNextStep(deps, actor, id);
  oneononePolicy.authorize(actor, 'nextStep.delete', { ...pair, createdBy: row.created_by });
  await oneononeRepo.deleteNextStep(deps.db, id);
}
