import type { CatalogShape } from '../index.ts';
import type { jaSearch } from '../ja/search.ts';

export const enSearch: CatalogShape<typeof jaSearch> = {
  title: 'Search',
  label: 'Search for',
  placeholder: 'Search posts, comments and communities',
  headerPlaceholder: 'Search',
  clear: 'Clear the search',
  hint: 'Short words work too, in Japanese (研修, 転職) and English. Full-width and half-width, upper and lower case all match.',
  typeFilter: 'What to search',
  communityFilter: 'Filter by community',
  clearCommunity: 'Clear the community filter',
  kindFilter: 'Filter by kind of post',
  anyCommunity: 'All communities',
  anyKind: 'All kinds',
  authorFilter: 'Filter by author',
  anyAuthor: 'Anyone (search by name)',
  communitySearching: 'Searching…',
  communityNothingFound: 'No community has a matching name',
  communityUnknown: '(a community you cannot see)',
  filterByAuthor: 'Show only posts by {{name}}',
  results: 'Results for “{{q}}”',
  noResults: 'Nothing matches “{{q}}”.',
  commentOn: 'Comment on “{{title}}”',
  commentOnUntitled: 'Comment on a post',
  types: {
    all: 'All',
    post: 'Posts',
    comment: 'Comments',
    community: 'Communities',
  },
};
