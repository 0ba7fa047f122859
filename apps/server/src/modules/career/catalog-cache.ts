import type { AppDeps } from '../../app.ts';
import { careerRepo } from './repo.ts';
import { skillKey, type StoredSkillRef } from './skills.ts';

/**
 * The open catalog, parsed once per catalog version, for matching. This holds only public
 * catalog data (what every signed-in person can list); nobody's profile is ever cached. Every
 * write to the catalog changes a version token in the database (careerRepo), and each request
 * compares it first, so all instances see a change on their next request.
 */
export interface CatalogEntry {
  id: string;
  type: string;
  title: string;
  /** Folded search text (title, description, skill names). */
  norm: string;
  departmentId: string | null;
  ownerId: string | null;
  startsOn: string | null;
  required: StoredSkillRef[];
  gained: StoredSkillRef[];
  requiredKeys: string[];
  gainedKeys: string[];
}

/** A skills JSON column without schema validation (parsed once per catalog version). */
function skillsOf(json: string): StoredSkillRef[] {
  const raw: unknown = JSON.parse(json);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is StoredSkillRef =>
      !!s &&
      typeof s === 'object' &&
      typeof (s as StoredSkillRef).name === 'string' &&
      ((s as StoredSkillRef).id === null || typeof (s as StoredSkillRef).id === 'string'),
  );
}

const caches = new WeakMap<object, { version: string; entries: readonly CatalogEntry[] }>();

export async function openCatalog(deps: Pick<AppDeps, 'db'>): Promise<readonly CatalogEntry[]> {
  // Version first, rows second: a write in between makes the next request reload.
  const version = (await careerRepo.catalogVersion(deps.db)) ?? 'none';
  const cached = caches.get(deps.db);
  if (cached?.version === version) return cached.entries;
  const entries = (await careerRepo.openForMatching(deps.db)).map((r): CatalogEntry => {
    const required = skillsOf(r.skills_required);
    const gained = skillsOf(r.skills_gained);
    return {
      id: r.id,
      type: r.type,
      title: r.title,
      norm: r.norm,
      departmentId: r.department_id,
      ownerId: r.owner_id,
      startsOn: r.starts_on,
      required,
      gained,
      requiredKeys: required.map(skillKey),
      gainedKeys: gained.map(skillKey),
    };
  });
  caches.set(deps.db, { version, entries });
  return entries;
}
