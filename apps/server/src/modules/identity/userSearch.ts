/**
 * Turns a search box entry into LIKE patterns for the admin user list. Each whitespace-separated
 * word must match (name, kana or e-mail); a word matches in its typed form, NFKC-normalised
 * (full-width letters, half-width katakana), and with hiragana and katakana swapped, so
 * 「やまだ」 finds a kana reading stored as 「ヤマダ」. Names themselves are never rewritten.
 */
export function searchTerms(q: string | undefined): string[][] {
  if (!q) return [];
  const words = q.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  const typed = q
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  return words.map((w, i) => {
    const variants = new Set([w, toKatakana(w), toHiragana(w)]);
    const raw = typed[i];
    if (raw && typed.length === words.length) variants.add(raw);
    return [...variants].map((v) => `%${escapeLike(v)}%`);
  });
}

function escapeLike(v: string): string {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toKatakana(v: string): string {
  return v.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

function toHiragana(v: string): string {
  return v.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
