import type { SkillRef } from '@engawa/shared';

/** A skill as a request names it: catalog skills by id, free entries by name. */
export function skillInput(ref: SkillRef): { id: string } | { name: string } {
  return ref.id ? { id: ref.id } : { name: ref.name };
}

/** Free text to skill refs ("SQL、Python", "SQL, Python" or "SQL; Python"); the server matches catalog names. */
export function parseSkillList(text: string): Array<{ name: string }> {
  return text
    .split(/[,、;／|]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ name }));
}
