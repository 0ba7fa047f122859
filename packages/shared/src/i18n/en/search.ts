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
  kindFilter: 'Filter by kind of post',
  anyCommunity: 'All communities',
  anyKind: 'All kinds',
  byAuthor: 'Author: {{name}}',
  clearAuthor: 'Clear the author filter',
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
