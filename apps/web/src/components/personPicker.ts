import type { PersonItem } from '@engawa/shared';

/**
 * The decisions of PersonPicker that do not need React: which people to offer, how a choice
 * changes the selection, and what the dropdown should say. Kept apart so they are unit-tested.
 */

/** The people to offer: the server's answer minus those already chosen or excluded by the caller. */
export function pickerOptions(
  found: readonly PersonItem[],
  chosen: readonly PersonItem[],
  excludeIds: readonly string[] = [],
): PersonItem[] {
  const hidden = new Set([...chosen.map((p) => p.id), ...excludeIds]);
  return found.filter((p) => !hidden.has(p.id));
}

/** Adds a person to a multiple selection: never twice, never past `max`. */
export function addPerson(list: readonly PersonItem[], person: PersonItem, max = Infinity): PersonItem[] {
  if (list.some((p) => p.id === person.id) || list.length >= max) return [...list];
  return [...list, person];
}

export function removePerson(list: readonly PersonItem[], id: string): PersonItem[] {
  return list.filter((p) => p.id !== id);
}

export type PickerStatus = 'idle' | 'limit' | 'loading' | 'error' | 'empty' | 'results';

export interface PickerQueryState {
  /** What is in the box now. */
  search: string;
  /** The debounced search the query was made for. */
  debounced: string;
  isError: boolean;
  /** The shown answer belongs to an earlier search (the new one is still loading). */
  isPlaceholderData: boolean;
  hasAnswer: boolean;
  optionCount: number;
  limitReached: boolean;
}

/**
 * The answer on screen is for exactly what is typed. Only then may the first option be pre-selected
 * (so Enter picks it): a stale list must never be picked from by a quick Enter.
 */
export function isFresh(
  s: Pick<PickerQueryState, 'search' | 'debounced' | 'isPlaceholderData' | 'hasAnswer'>,
) {
  return s.hasAnswer && !s.isPlaceholderData && s.search.trim() === s.debounced.trim();
}

/** What the dropdown shows. While a new search loads, the previous results stay (no flicker). */
export function pickerStatus(s: PickerQueryState): PickerStatus {
  if (s.limitReached) return 'limit';
  if (!s.search.trim()) return 'idle';
  if (s.isError) return 'error';
  if (!s.hasAnswer) return 'loading';
  if (s.optionCount > 0) return 'results';
  return isFresh(s) ? 'empty' : 'loading';
}
