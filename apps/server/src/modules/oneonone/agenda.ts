import type { z } from 'zod';
import {
  CAREER_LIMITS,
  translate,
  type AgendaItemBody,
  type AgendaItemPatch,
  type EmployeeAgenda,
  type ManagerView,
  type OneOnOneWant,
  type PersonRef,
} from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { openOwned, openOwnedOr404 } from '../companion/records.ts';
import { openConversation, summariesOf } from '../companion/conversations.ts';
import { oneononeRepo } from './repo.ts';
import { plainFromMarkdown } from './companion-drafts.ts';
import { managerOf } from './relations.ts';
import { KIND, StoredDraft } from './schema.ts';
import { presentDraft, presentManagerView, type ItemRow } from './presenter.ts';

/**
 * The employee's side of the 1on1 bridge. Agenda items are sealed in the employee's vault
 * (`oneonone_drafts`, found by owner tag) and are theirs alone until they share one. Sharing
 * copies exactly that item's topic, want and detail — nothing else — into `oneonone_items` for
 * their current manager; editing a shared item updates the copy; revoking (or deleting the item)
 * deletes the copy, so it disappears from the manager's view at once.
 */

interface OpenedDraft {
  id: string;
  draft: StoredDraft;
  sealed: string;
}

async function openDraft(deps: AppDeps, ov: OwnerVault, id: string): Promise<OpenedDraft> {
  const row = await oneononeRepo.findDraft(deps.db, id, ov.ownerTag);
  if (!row) throw notFound();
  return { id, draft: openOwnedOr404(ov, KIND.draft, id, row.body, StoredDraft), sealed: row.body };
}

async function allDrafts(deps: AppDeps, ov: OwnerVault): Promise<OpenedDraft[]> {
  const rows = await oneononeRepo.draftsOf(deps.db, ov.ownerTag);
  return rows
    .flatMap((r) => {
      const draft = openOwned(ov, KIND.draft, r.id, r.body, StoredDraft);
      return draft ? [{ id: r.id, draft, sealed: r.body }] : [];
    })
    .sort((a, b) => a.draft.createdAt.localeCompare(b.draft.createdAt) || a.id.localeCompare(b.id));
}

/** The employee's agenda: their items (with sharing state), and what the current pair shares. */
export async function employeeAgenda(deps: AppDeps, actor: Actor, ov: OwnerVault): Promise<EmployeeAgenda> {
  const [manager, drafts, copies] = await Promise.all([
    managerOf(deps, actor.userId),
    allDrafts(deps, ov),
    oneononeRepo.sharedCopyIds(deps.db, actor.userId),
  ]);
  const view = manager
    ? await pairView(deps, { id: actor.userId, name: actor.name }, manager, actor.userId)
    : null;
  return {
    manager,
    items: drafts.map((d) => presentDraft(d.id, d.draft, copies, manager)),
    managerItems: view?.managerItems ?? [],
    nextSteps: view?.nextSteps ?? [],
  };
}

/**
 * What the pair sees (the manager: shared items only), as `viewerId` sees it, optionally with
 * items about to be shared.
 */
export async function pairView(
  deps: AppDeps,
  employee: PersonRef,
  manager: PersonRef,
  viewerId: string,
  extra: ReadonlyArray<Pick<ItemRow, 'id' | 'topic' | 'want' | 'detail' | 'created_at'>> = [],
): Promise<ManagerView> {
  const [items, nextSteps] = await Promise.all([
    oneononeRepo.itemsOfPair(deps.db, employee.id, manager.id),
    oneononeRepo.nextStepsOfPair(deps.db, employee.id, manager.id),
  ]);
  return presentManagerView({
    employee,
    manager,
    viewerId,
    shared: [...items.filter((i) => i.author === 'employee'), ...extra],
    managerItems: items.filter((i) => i.author === 'manager'),
    nextSteps,
  });
}

/**
 * The preview: exactly the manager's view, computed by the same presenter from the same rows,
 * plus the chosen private items as they would appear once shared.
 */
export async function previewForManager(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  itemIds: readonly string[],
  now: Date,
): Promise<ManagerView> {
  const manager = await managerOf(deps, actor.userId);
  if (!manager) throw new AppError('oneonone.no_manager');
  const copies = await oneononeRepo.sharedCopyIds(deps.db, actor.userId);
  const extra = [];
  for (const id of itemIds) {
    const { draft } = await openDraft(deps, ov, id);
    const alreadyShared =
      draft.sharedItemId && copies.has(draft.sharedItemId) && draft.sharedWith?.id === manager.id;
    if (alreadyShared) continue;
    extra.push({
      id,
      topic: draft.topic,
      want: draft.want,
      detail: draft.detail,
      created_at: now.toISOString(),
    });
  }
  // Seen as the manager sees it: the preview is their screen.
  return pairView(deps, { id: actor.userId, name: actor.name }, manager, manager.id, extra);
}

export async function createItem(
  deps: AppDeps,
  ov: OwnerVault,
  input: z.infer<typeof AgendaItemBody>,
  now: Date,
): Promise<string> {
  if ((await oneononeRepo.draftsOf(deps.db, ov.ownerTag)).length >= CAREER_LIMITS.agendaItemsMax) {
    throw validationError([{ field: 'items', code: 'too_long' }]);
  }
  const id = newId();
  const at = now.toISOString();
  const draft: StoredDraft = {
    topic: input.topic,
    want: input.want,
    detail: input.detail,
    source: input.source,
    sharedItemId: null,
    sharedWith: null,
    sharedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  await oneononeRepo.insertDraft(deps.db, {
    id,
    owner_tag: ov.ownerTag,
    body: ov.seal(KIND.draft, id, draft),
  });
  return id;
}

/**
 * A draft from a kept companion conversation: its latest summary (as plain text) becomes the detail, the
 * conversation's title the topic. Read from the owner's own vault; nothing is shared.
 */
export async function createItemFromCompanion(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  input: { conversationId: string; want: OneOnOneWant },
  now: Date,
): Promise<string> {
  const conversation = await openConversation(deps, ov, input.conversationId, now);
  const summary = (await summariesOf(deps, ov, conversation.id)).at(-1);
  if (!summary) throw new AppError('oneonone.no_summary');
  const title =
    conversation.meta.title.trim() || translate(actor.locale, 'career.oneonone.fromCompanionTitle');
  return createItem(
    deps,
    ov,
    {
      topic: Array.from(title).slice(0, CAREER_LIMITS.agendaTopicMax).join(''),
      want: input.want,
      detail: Array.from(plainFromMarkdown(summary.markdown))
        .slice(0, CAREER_LIMITS.agendaDetailMax)
        .join(''),
      source: 'companion',
    },
    now,
  );
}

export async function updateItem(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  id: string,
  patch: z.infer<typeof AgendaItemPatch>,
  now: Date,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await openDraft(deps, ov, id);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: StoredDraft = { ...current.draft, ...defined, updatedAt: now.toISOString() };
    const ok = await deps.db.transaction().execute(async (trx) => {
      if (
        !(await oneononeRepo.updateDraft(trx, id, ov.ownerTag, current.sealed, ov.seal(KIND.draft, id, next)))
      )
        return false;
      // A shared item stays shared: its copy follows the edit.
      if (next.sharedItemId) {
        const copy = await oneononeRepo.findItem(trx, next.sharedItemId);
        if (copy && copy.employee_id === actor.userId && copy.author === 'employee') {
          await oneononeRepo.updateItem(trx, copy.id, {
            topic: next.topic,
            want: next.want,
            detail: next.detail,
            updated_at: now.toISOString(),
          });
        }
      }
      return true;
    });
    if (ok) return;
  }
  throw new AppError('common.conflict');
}

export async function deleteItem(deps: AppDeps, actor: Actor, ov: OwnerVault, id: string): Promise<void> {
  const { draft } = await openDraft(deps, ov, id);
  await deps.db.transaction().execute(async (trx) => {
    if (draft.sharedItemId) await oneononeRepo.deleteSharedCopy(trx, draft.sharedItemId, actor.userId);
    if (!(await oneononeRepo.deleteDraft(trx, id, ov.ownerTag))) throw notFound();
  });
}

/** Shares one item with the current manager: a copy of exactly its topic, want and detail. */
export async function shareItem(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  id: string,
  now: Date,
): Promise<void> {
  const manager = await managerOf(deps, actor.userId);
  if (!manager) throw new AppError('oneonone.no_manager');
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await openDraft(deps, ov, id);
    const d = current.draft;
    const copies = await oneononeRepo.sharedCopyIds(deps.db, actor.userId);
    if (d.sharedItemId && copies.has(d.sharedItemId) && d.sharedWith?.id === manager.id) return; // already shared
    const copyId = newId();
    const at = now.toISOString();
    const next: StoredDraft = { ...d, sharedItemId: copyId, sharedWith: manager, sharedAt: at };
    const ok = await deps.db.transaction().execute(async (trx) => {
      if (
        !(await oneononeRepo.updateDraft(trx, id, ov.ownerTag, current.sealed, ov.seal(KIND.draft, id, next)))
      )
        return false;
      // Shared with a former manager: that copy goes (they are no longer the manager).
      if (d.sharedItemId) await oneononeRepo.deleteSharedCopy(trx, d.sharedItemId, actor.userId);
      await oneononeRepo.insertItem(trx, {
        id: copyId,
        employee_id: actor.userId,
        manager_id: manager.id,
        author: 'employee',
        topic: d.topic,
        want: d.want,
        detail: d.detail,
        created_at: at,
        updated_at: at,
      });
      return true;
    });
    if (ok) return;
  }
  throw new AppError('common.conflict');
}

/** Stops sharing: the manager's copy is deleted at once; the item stays in the employee's vault. */
export async function revokeItem(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  id: string,
  now: Date,
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await openDraft(deps, ov, id);
    const d = current.draft;
    if (!d.sharedItemId) return;
    const next: StoredDraft = {
      ...d,
      sharedItemId: null,
      sharedWith: null,
      sharedAt: null,
      updatedAt: now.toISOString(),
    };
    const ok = await deps.db.transaction().execute(async (trx) => {
      if (
        !(await oneononeRepo.updateDraft(trx, id, ov.ownerTag, current.sealed, ov.seal(KIND.draft, id, next)))
      )
        return false;
      await oneononeRepo.deleteSharedCopy(trx, d.sharedItemId!, actor.userId);
      return true;
    });
    if (ok) return;
  }
  throw new AppError('common.conflict');
}
