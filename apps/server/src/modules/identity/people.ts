import type { z } from 'zod';
import type { PeopleQuerySchema, PeoplePage } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import { peopleDirectoryRepo } from './people.repo.ts';
import { presentPerson } from './presenter.ts';
import { decodeNameCursor, emailLookup, encodeNameCursor, searchTerms } from './userSearch.ts';

/**
 * peopleLister: one page of the company directory for person pickers (choosing organizers, members,
 * an opportunity's contact). Active people only, ordered by (name, id). `q` matches names as the
 * admin user search does (NFKC, case, hiragana = katakana, every word), plus an exact address or
 * local part; never a part of an address.
 */
export async function peopleLister(
  deps: Pick<AppDeps, 'db'>,
  query: z.output<typeof PeopleQuerySchema>,
): Promise<PeoplePage> {
  const after = query.cursor ? decodeNameCursor(query.cursor) : null;
  const rows = await peopleDirectoryRepo.page(
    deps.db,
    { terms: searchTerms(query.q), email: emailLookup(query.q) },
    after,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentPerson),
    nextCursor: rows.length > query.limit && last ? encodeNameCursor(last) : null,
  };
}
