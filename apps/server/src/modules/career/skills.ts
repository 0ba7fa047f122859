import { SKILL_CATALOG, catalogs, translate, type Locale, type SkillRef } from '@engawa/shared';

/**
 * Skills as Engawa stores and matches them. A skill is either a catalog skill (`id` set; its
 * name comes from the `career.skills` catalog in the reader's language) or a free entry (`id`
 * null, the name as typed). Free names that match a catalog skill — its ja or en name, an alias
 * or the id, compared after NFKC, lower-casing and removing spaces — become that catalog skill,
 * so 「ＳＱＬ」, "sql" and "SQL" are one skill, and two people's free "Figma" are the same skill.
 */
export interface StoredSkillRef {
  id: string | null;
  name: string;
}

/** The form names are compared in: NFKC, lower case, no whitespace. */
export function normSkill(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const CATALOG_IDS = new Set(SKILL_CATALOG.map((s) => s.id));

function catalogName(locale: Locale, id: string): string {
  return (catalogs[locale].career.skills as Record<string, string>)[id] ?? id;
}

/** Every spelling of every catalog skill → its id. Built once. */
const BY_NAME: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const skill of SKILL_CATALOG) {
    for (const spelling of [
      skill.id,
      catalogName('ja', skill.id),
      catalogName('en', skill.id),
      ...(skill.aliases ?? []),
    ]) {
      const key = normSkill(spelling);
      if (key && !map.has(key)) map.set(key, skill.id);
    }
  }
  return map;
})();

/**
 * Spellings searched for in free text (goals, what someone told the companion). Latin spellings
 * must stand as words ("pr" is not found in "product"); Japanese ones of two characters or more
 * are found anywhere.
 */
const MENTIONS: ReadonlyArray<{ id: string; test: (folded: string, compact: string) => boolean }> = (() => {
  const out: Array<{ id: string; test: (folded: string, compact: string) => boolean }> = [];
  for (const skill of SKILL_CATALOG) {
    const spellings = [catalogName('ja', skill.id), catalogName('en', skill.id), ...(skill.aliases ?? [])];
    for (const spelling of spellings) {
      const folded = spelling.normalize('NFKC').toLowerCase().trim();
      if (/^[\x20-\x7e]+$/.test(folded)) {
        if (folded.length < 2) continue;
        const escaped = folded.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        const re = new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`);
        out.push({ id: skill.id, test: (text) => re.test(text) });
      } else {
        const compact = normSkill(folded);
        if (Array.from(compact).length < 2) continue;
        out.push({ id: skill.id, test: (_text, c) => c.includes(compact) });
      }
    }
  }
  return out;
})();

/** Catalog skills named in a piece of free text (ids, in catalog order, no duplicates). */
export function skillsMentionedIn(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase();
  const compact = folded.replace(/\s+/g, '');
  const found = new Set<string>();
  for (const m of MENTIONS) if (!found.has(m.id) && m.test(folded, compact)) found.add(m.id);
  return SKILL_CATALOG.map((s) => s.id).filter((id) => found.has(id));
}

/**
 * A requested skill as stored: a known catalog id, or a name that resolves to one, or a free
 * entry. Undefined when an unknown id comes without a name (the caller reports the field).
 */
export function resolveSkill(input: {
  id?: string | null;
  name?: string | null;
}): StoredSkillRef | undefined {
  if (input.id && CATALOG_IDS.has(input.id)) return { id: input.id, name: catalogName('ja', input.id) };
  const name = input.name?.normalize('NFKC').trim();
  if (!name) return undefined;
  const id = BY_NAME.get(normSkill(name));
  return id ? { id, name: catalogName('ja', id) } : { id: null, name };
}

/** Resolves a list, dropping repeats of the same skill (first one wins). Undefined entries are reported by index. */
export function resolveSkills(inputs: ReadonlyArray<{ id?: string | null; name?: string | null }>): {
  skills: StoredSkillRef[];
  invalid: number[];
} {
  const seen = new Set<string>();
  const skills: StoredSkillRef[] = [];
  const invalid: number[] = [];
  inputs.forEach((input, i) => {
    const ref = resolveSkill(input);
    if (!ref) {
      invalid.push(i);
      return;
    }
    const key = skillKey(ref);
    if (seen.has(key)) return;
    seen.add(key);
    skills.push(ref);
  });
  return { skills, invalid };
}

/** What matching compares: the catalog id, or `free:` and the folded name. */
export function skillKey(ref: StoredSkillRef): string {
  return ref.id ?? `free:${normSkill(ref.name)}`;
}

/** Catalog names per language, looked up once (matching names thousands of skills per request). */
const NAMES: Record<Locale, ReadonlyMap<string, string>> = {
  ja: new Map(SKILL_CATALOG.map((s) => [s.id, translate('ja', `career.skills.${s.id}`)])),
  en: new Map(SKILL_CATALOG.map((s) => [s.id, translate('en', `career.skills.${s.id}`)])),
};

/** The name to show: the catalog name in the reader's language, or the free entry as typed. */
export function skillName(ref: StoredSkillRef, locale: Locale): string {
  return ref.id ? (NAMES[locale].get(ref.id) ?? ref.id) : ref.name;
}

export function presentSkillRef(ref: StoredSkillRef, locale: Locale): SkillRef {
  return { id: ref.id, name: skillName(ref, locale) };
}
