import { useDebouncedValue } from '@mantine/hooks';
import { usePeopleSearch } from '../../api/people.ts';
import { useMemberSearch } from './api.ts';
import { mentionOptions, type MentionPerson } from './mentions.ts';

/** Wait this long after the last keystroke before asking the server (one request per pause). */
export const MENTION_SEARCH_DEBOUNCE_MS = 200;

/** Where a mention is written: who may be mentioned depends on who can read it. */
export interface MentionScope {
  id: string;
  visibility: 'open' | 'private';
}

/**
 * The people the mention picker offers for `typed` (the text after `@`, or null when the caret is
 * not in a mention), searched on the server as the person types:
 * - open community: anyone in the company (`GET /api/people?q=`), since anyone may read the post;
 * - private community: only its members (`GET /api/communities/:id/members?q=`): the server would not
 *   notify anyone else, so the picker does not suggest them.
 * Right after `@` (nothing typed yet) the community's members are offered. While an answer loads,
 * the previous one narrows on the web so the list follows every keystroke.
 */
export function useMentionCandidates(scope: MentionScope, typed: string | null): MentionPerson[] {
  const active = typed !== null;
  const query = (typed ?? '').trim();
  const [debounced] = useDebouncedValue(query, MENTION_SEARCH_DEBOUNCE_MS);
  const directory = scope.visibility === 'open' && debounced.length > 0;
  const people = usePeopleSearch(debounced, active && directory);
  // In an open community the members (unfiltered, cached) are what shows until the directory answers.
  const members = useMemberSearch(scope.id, directory ? '' : debounced, active);
  if (!active) return [];
  const source = directory ? people : members;
  const answered = !!source.data && !source.isPlaceholderData && !source.isError;
  const items: MentionPerson[] =
    (directory ? people.data?.items : undefined) ??
    members.data?.items.map(({ id, name }) => ({ id, name })) ??
    [];
  return mentionOptions(items, query, answered && debounced === query);
}
