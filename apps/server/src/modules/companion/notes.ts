import crypto from 'node:crypto';
import { translate, type Locale } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { notFound } from '../../platform/errors.ts';
import { companionRepo } from './repo.ts';
import { openOwned, openOwnedOr404 } from './records.ts';
import { KIND, StoredNote } from './schema.ts';

/**
 * Private notes (saved summaries or any text). Title, body, times and the conversation they came
 * from are all sealed in the owner's vault; notes are kept until the owner deletes them.
 */
export interface OpenedNote extends StoredNote {
  id: string;
}

/** A title when none is given: the first line of the body, shortened. */
function defaultTitle(body: string, locale: Locale): string {
  const line = body
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .find(Boolean);
  if (!line) return translate(locale, 'companion.notes.untitled');
  const chars = Array.from(line);
  return chars.length > 60 ? chars.slice(0, 60).join('') + '…' : line;
}

export async function createNote(
  deps: AppDeps,
  ov: OwnerVault,
  input: {
    title?: string | undefined;
    body: string;
    conversationId?: string | null | undefined;
    locale: Locale;
    now: Date;
  },
): Promise<OpenedNote> {
  const id = crypto.randomUUID();
  const at = input.now.toISOString();
  const note: StoredNote = {
    title: input.title?.trim() || defaultTitle(input.body, input.locale),
    body: input.body,
    conversationId: input.conversationId ?? null,
    createdAt: at,
    updatedAt: at,
  };
  await companionRepo.insertNote(deps.db, { id, owner_tag: ov.ownerTag, body: ov.seal(KIND.note, id, note) });
  return { id, ...note };
}

export async function openNote(deps: AppDeps, ov: OwnerVault, id: string): Promise<OpenedNote> {
  const row = await companionRepo.findNote(deps.db, id, ov.ownerTag);
  if (!row) throw notFound();
  return { id, ...openOwnedOr404(ov, KIND.note, id, row.body, StoredNote) };
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The owner's notes, newest first; `q` filters by title or body (decrypted in this request). */
export async function listNotes(deps: AppDeps, ov: OwnerVault, q: string | undefined): Promise<OpenedNote[]> {
  const query = q ? fold(q) : '';
  const notes = (await companionRepo.notesOf(deps.db, ov.ownerTag)).flatMap((r) => {
    const note = openOwned(ov, KIND.note, r.id, r.body, StoredNote);
    return note ? [{ id: r.id, ...note }] : [];
  });
  return notes
    .filter((n) => !query || fold(n.title).includes(query) || fold(n.body).includes(query))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function updateNote(
  deps: AppDeps,
  ov: OwnerVault,
  id: string,
  patch: { title?: string | undefined; body?: string | undefined },
  locale: Locale,
  now: Date,
): Promise<OpenedNote> {
  const current = await openNote(deps, ov, id);
  const body = patch.body ?? current.body;
  const next: StoredNote = {
    title: patch.title !== undefined ? patch.title.trim() || defaultTitle(body, locale) : current.title,
    body,
    conversationId: current.conversationId,
    createdAt: current.createdAt,
    updatedAt: now.toISOString(),
  };
  if (!(await companionRepo.updateNote(deps.db, id, ov.ownerTag, ov.seal(KIND.note, id, next))))
    throw notFound();
  return { id, ...next };
}

export async function deleteNote(deps: AppDeps, ov: OwnerVault, id: string): Promise<void> {
  if (!(await companionRepo.deleteNote(deps.db, id, ov.ownerTag))) throw notFound();
}
