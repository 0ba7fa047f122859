import { highlight } from './snippet.ts';

export interface SearchHitRow {
  doc_type: string;
  doc_id: string;
  community_id: string;
  post_id: string | null;
  author_id: string | null;
  post_kind: string | null;
  title: string;
  body: string;
  created_at: string;
  community_name: string;
  post_title: string | null;
  author_name: string | null;
}

/**
 * One search result: ids for links, and highlighted text as segments (the web renders matches
 * with <mark>; no HTML is ever produced here, so indexed text cannot inject markup).
 */
export function presentHit(row: SearchHitRow, terms: readonly string[]) {
  return {
    type: row.doc_type,
    id: row.doc_id,
    communityId: row.community_id,
    communityName: row.community_name,
    postId: row.post_id,
    kind: row.post_kind,
    author: row.author_id ? { id: row.author_id, name: row.author_name } : null,
    title: row.doc_type === 'comment' ? [] : highlight(row.title, terms, 200),
    /** For comments: the title of the post they belong to (not highlighted). */
    postTitle: row.doc_type === 'comment' ? row.post_title : null,
    snippet: highlight(row.body, terms, 160),
    createdAt: row.created_at,
  };
}
