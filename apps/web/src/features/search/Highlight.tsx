import { Fragment } from 'react';
import { safeSegments, type Segment } from './highlight.ts';
import '../community/community.css';

/**
 * Highlighted text as React elements: plain segments as text nodes, matches in <mark>. There is no
 * HTML parsing anywhere, so a search hit can never inject markup.
 */
export function Highlight({ segments }: { segments: Segment[] | unknown }) {
  return (
    <>
      {safeSegments(segments).map((s, i) =>
        s.match ? (
          <mark key={i} className="engawa-mark">
            {s.text}
          </mark>
        ) : (
          <Fragment key={i}>{s.text}</Fragment>
        ),
      )}
    </>
  );
}
