import { previewParts } from '../mentions.ts';
import '../community.css';

/** Text as written, with `@[名前](user:ID)` tokens shown as "@名前" (plain React text, no HTML). */
export function MentionText({ text }: { text: string }) {
  return (
    <>
      {previewParts(text).map((part, i) =>
        part.kind === 'text' ? (
          <span key={i}>{part.text}</span>
        ) : (
          <span key={i} className="engawa-mention">
            @{part.name}
          </span>
        ),
      )}
    </>
  );
}
