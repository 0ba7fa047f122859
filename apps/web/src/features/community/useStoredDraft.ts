import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useMe } from '../../api/session.ts';
import {
  clearDraft,
  clearOtherUsersDrafts,
  clearUserDrafts,
  draftKey,
  loadDraft,
  saveDraft,
  sweepExpiredDrafts,
  type DraftScope,
  type DraftStorage,
} from './drafts.ts';

/** localStorage, or null where the browser refuses it (then drafts are simply not kept). */
function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

let sweptThisPage = false;

/** What the composer shows about its stored draft, and the two things it can do with it. */
export interface StoredDraftControls {
  /** The text on screen came back from an earlier visit (shows 「下書きを復元しました」). */
  restored: boolean;
  /** 破棄: forgets the stored draft and empties the composer. */
  discard: () => void;
  /** After a successful send: forgets the stored draft (also when the composer closes right away). */
  clear: () => void;
}

interface State<T> {
  key: string | null;
  value: T;
  /** The value storage already matches (restored, blank, or just forgotten): not written again. */
  stored: T;
  restored: boolean;
}

/**
 * useState for a community composer whose value is kept in this browser per person and place
 * (see drafts.ts), so a half-written post or comment survives navigating away. `scope` null keeps
 * nothing (editing an existing post). `pack` turns the value into what is stored (null: nothing
 * worth keeping) and must be a stable, module-level function; `unpack` checks a stored value.
 * Only for community posts and comments — never for the private companion.
 */
export function useStoredDraft<T>(
  scope: DraftScope | null,
  empty: () => T,
  pack: (value: T) => unknown,
  unpack: (data: unknown) => T | null,
): [T, Dispatch<SetStateAction<T>>, StoredDraftControls] {
  const me = useMe();
  const key = scope ? draftKey(me.id, scope) : null;
  const load = (k: string | null): State<T> => {
    const storage = browserStorage();
    const nothing = empty();
    const blank = { key: k, value: nothing, stored: nothing, restored: false };
    if (!k || !storage) return blank;
    if (!sweptThisPage) {
      sweptThisPage = true;
      sweepExpiredDrafts(storage, Date.now());
    }
    const value = loadDraft(storage, k, Date.now(), unpack);
    return value === null ? blank : { key: k, value, stored: value, restored: true };
  };
  const [state, setState] = useState<State<T>>(() => load(key));
  let current = state;
  if (state.key !== key) {
    // Same composer, another place (the page moved to another community or post): its own draft.
    current = load(key);
    setState(current);
  }

  useEffect(() => {
    const storage = browserStorage();
    if (!current.key || !storage || current.value === current.stored) return;
    saveDraft(storage, me.id, current.key, pack(current.value), Date.now());
  }, [current.key, current.value, current.stored, me.id, pack]);

  const setValue: Dispatch<SetStateAction<T>> = useCallback((action) => {
    setState((s) => ({
      ...s,
      value: typeof action === 'function' ? (action as (prev: T) => T)(s.value) : action,
    }));
  }, []);

  const forget = () => {
    const storage = browserStorage();
    if (current.key && storage) clearDraft(storage, current.key);
  };
  const controls: StoredDraftControls = {
    restored: current.restored,
    discard: () => {
      forget();
      const nothing = empty();
      setState({ key: current.key, value: nothing, stored: nothing, restored: false });
    },
    clear: () => {
      forget();
      // What is on screen now was sent: never write it back (a reset to blank is written as usual).
      setState((s) => ({ ...s, stored: s.value, restored: false }));
    },
  };
  return [current.value, setValue, controls];
}

/** On logout: forgets every community draft the person left in this browser. */
export function forgetDraftsOf(userId: string): void {
  const storage = browserStorage();
  if (storage) clearUserDrafts(storage, userId);
}

/** Once someone is signed in: forgets drafts anyone else left in this browser. */
export function forgetOtherPeoplesDrafts(userId: string): void {
  const storage = browserStorage();
  if (storage) clearOtherUsersDrafts(storage, userId);
}
