import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  CAREER_LIMITS,
  type ExperienceBody,
  type ExperiencePatch,
  type GoalsBody,
  type ProfilePart,
  type SkillsBody,
  type StrengthsBody,
  type ValuesBody,
} from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { openOwned } from '../companion/records.ts';
import { careerRepo } from './repo.ts';
import { resolveSkill, resolveSkills, skillKey } from './skills.ts';
import {
  emptyProfile,
  KIND,
  PROFILE_RECORD_ID,
  type Projection,
  StoredProfile,
  type StoredExperience,
  type StoredLearningGoal,
  type StoredValue,
} from './schema.ts';

/**
 * The private career profile: one record per person, sealed in their vault (kind
 * `career.profile`), found by owner tag. Decrypted only inside the owner's own request and never
 * kept beyond it. Each part can be published: a plaintext projection of that part alone is copied
 * to `career_public_parts`, refreshed when the owner edits it, and deleted when they unpublish.
 */
export interface OpenedProfile {
  profile: StoredProfile;
  /** The stored ciphertext (for compare-and-set); null when the person has no profile yet. */
  sealed: string | null;
}

export async function readProfile(deps: Pick<AppDeps, 'db'>, ov: OwnerVault): Promise<OpenedProfile> {
  const row = await careerRepo.findProfile(deps.db, ov.ownerTag);
  if (!row) return { profile: emptyProfile(), sealed: null };
  // A row that does not open under this owner's key is not theirs (moved or tampered): start afresh.
  const profile = openOwned(ov, KIND.profile, PROFILE_RECORD_ID, row.body, StoredProfile);
  return { profile: profile ?? emptyProfile(), sealed: row.body };
}

/** The plaintext projection of one part: exactly what publishing (or an application) shows. */
export function projectPart(profile: StoredProfile, part: ProfilePart): Projection[ProfilePart] {
  switch (part) {
    case 'strengths':
      return profile.strengths;
    case 'values':
      return profile.values;
    case 'skills':
      return profile.skills;
    case 'experiences':
      return profile.experiences.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
    case 'goals':
      return profile.goals;
  }
}

/** Projections of the chosen parts only. */
export function projectParts(profile: StoredProfile, parts: readonly ProfilePart[]): Projection {
  const out: Record<string, unknown> = {};
  for (const part of parts) out[part] = projectPart(profile, part);
  return out as Projection;
}

export interface ProfileChange<T> {
  next: StoredProfile;
  /** Parts whose published copy (if any) must follow the edit. */
  touched: readonly ProfilePart[];
  result: T;
}

const MAX_ATTEMPTS = 5;

/**
 * Changes the profile with compare-and-set (two tabs editing at once never lose a write), in one
 * transaction with the refresh of any published part it touched and the caller's `alongside`
 * writes (e.g. an interest mark).
 */
export async function changeProfile<T>(
  deps: Pick<AppDeps, 'db'>,
  ov: OwnerVault,
  userId: string,
  now: Date,
  change: (current: StoredProfile) => ProfileChange<T>,
  alongside?: (trx: Transaction<DB>) => Promise<void>,
): Promise<{ profile: StoredProfile; result: T }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readProfile(deps, ov);
    const { next, touched, result } = change(structuredClone(current.profile));
    next.updatedAt = now.toISOString();
    const body = ov.seal(KIND.profile, PROFILE_RECORD_ID, next);
    const applied = await deps.db.transaction().execute(async (trx) => {
      const ok =
        current.sealed === null
          ? await careerRepo.insertProfile(trx, ov.ownerTag, body)
          : await careerRepo.updateProfile(trx, ov.ownerTag, current.sealed, body);
      if (!ok) return false;
      for (const part of new Set(touched)) {
        await careerRepo.updatePublicPartIfPublished(
          trx,
          userId,
          part,
          JSON.stringify(projectPart(next, part)),
        );
      }
      if (alongside) await alongside(trx);
      return true;
    });
    if (applied) return { profile: next, result };
  }
  throw new AppError('common.conflict');
}

function skillsOrFail(
  inputs: ReadonlyArray<{ id?: string | null; name?: string | null }>,
  field: string,
): ReturnType<typeof resolveSkills>['skills'] {
  const { skills, invalid } = resolveSkills(inputs);
  if (invalid.length)
    throw validationError(invalid.map((i) => ({ field: `${field}.${i}.id`, code: 'invalid_value' })));
  return skills;
}

export function setStrengths(p: StoredProfile, body: z.infer<typeof StrengthsBody>): ProfileChange<void> {
  p.strengths = body.items.map((s) => ({ text: s.text, episode: s.episode }));
  return { next: p, touched: ['strengths'], result: undefined };
}

export function setValues(p: StoredProfile, body: z.infer<typeof ValuesBody>): ProfileChange<void> {
  const seen = new Set<string>();
  p.values = body.items.flatMap((v): StoredValue[] => {
    const key = 'card' in v ? `card:${v.card}` : `own:${v.own.normalize('NFKC').toLowerCase()}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return 'card' in v ? [{ card: v.card, text: null }] : [{ card: null, text: v.own }];
  });
  return { next: p, touched: ['values'], result: undefined };
}

export function setSkills(p: StoredProfile, body: z.infer<typeof SkillsBody>): ProfileChange<void> {
  const seen = new Set<string>();
  const invalid: number[] = [];
  const skills: StoredProfile['skills'] = [];
  body.items.forEach((item, i) => {
    const ref = resolveSkill(item);
    if (!ref) return void invalid.push(i);
    const key = skillKey(ref);
    if (seen.has(key)) return; // the same skill twice: the first level counts
    seen.add(key);
    skills.push({ ...ref, level: item.level });
  });
  if (invalid.length)
    throw validationError(invalid.map((i) => ({ field: `items.${i}.id`, code: 'invalid_value' })));
  p.skills = skills;
  return { next: p, touched: ['skills'], result: undefined };
}

export function setGoals(p: StoredProfile, body: z.infer<typeof GoalsBody>): ProfileChange<void> {
  const existing = new Set(p.goals.learning.map((g) => g.id));
  p.goals = {
    direction: body.direction
      ? { text: body.direction.text, skills: skillsOrFail(body.direction.skills, 'direction.skills') }
      : null,
    learning: body.learning.map((g, i): StoredLearningGoal => ({
      id: g.id && existing.has(g.id) ? g.id : crypto.randomUUID(),
      title: g.title,
      skills: skillsOrFail(g.skills, `learning.${i}.skills`),
      targetDate: g.targetDate,
      progress: g.progress,
    })),
  };
  return { next: p, touched: ['goals'], result: undefined };
}

function checkPeriod(from: string | null, to: string | null) {
  if (from && to && to < from) throw validationError([{ field: 'to', code: 'invalid_value' }]);
}

export function addExperience(
  p: StoredProfile,
  body: z.infer<typeof ExperienceBody>,
  now: Date,
): ProfileChange<StoredExperience> {
  if (p.experiences.length >= CAREER_LIMITS.experiencesMax)
    throw validationError([{ field: 'experiences', code: 'too_long' }]);
  checkPeriod(body.from, body.to);
  const at = now.toISOString();
  const experience: StoredExperience = { id: crypto.randomUUID(), ...body, createdAt: at, updatedAt: at };
  p.experiences.push(experience);
  return { next: p, touched: ['experiences'], result: experience };
}

export function updateExperience(
  p: StoredProfile,
  id: string,
  patch: z.infer<typeof ExperiencePatch>,
  now: Date,
): ProfileChange<StoredExperience> {
  const index = p.experiences.findIndex((e) => e.id === id);
  if (index < 0) throw notFound();
  const current = p.experiences[index]!;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: StoredExperience = { ...current, ...defined, updatedAt: now.toISOString() };
  checkPeriod(next.from, next.to);
  p.experiences[index] = next;
  return { next: p, touched: ['experiences'], result: next };
}

export function deleteExperience(p: StoredProfile, id: string): ProfileChange<void> {
  const before = p.experiences.length;
  p.experiences = p.experiences.filter((e) => e.id !== id);
  if (p.experiences.length === before) throw notFound();
  return { next: p, touched: ['experiences'], result: undefined };
}

/**
 * Publishes one part: copies its projection (only that part) to the public table, in one
 * transaction with a compare-and-set on the sealed profile it was projected from. An edit that
 * commits between the read and the copy makes the check fail and the publish starts over from the
 * edited profile (the edit alone could not refresh a copy that did not exist yet), so the public
 * copy is never older than the private part. `expectedVersion` is the profile's `updatedAt` the
 * person was looking at when they pressed 公開する: when given and the profile has changed since,
 * nothing is published (`career.profile_outdated`), so what goes public is what they saw.
 */
export async function publishPart(
  deps: Pick<AppDeps, 'db'>,
  ov: OwnerVault,
  userId: string,
  part: ProfilePart,
  expectedVersion?: string | null,
): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await readProfile(deps, ov);
    if (expectedVersion !== undefined && current.profile.updatedAt !== expectedVersion) {
      throw new AppError('career.profile_outdated');
    }
    const body = JSON.stringify(projectPart(current.profile, part));
    const applied = await deps.db.transaction().execute(async (trx) => {
      // Unchanged since the read? The no-op compare-and-set also holds the row until commit
      // (PostgreSQL), so an edit waits and then refreshes the copy written here.
      const unchanged =
        current.sealed === null
          ? await careerRepo.insertProfile(
              trx,
              ov.ownerTag,
              ov.seal(KIND.profile, PROFILE_RECORD_ID, current.profile),
            )
          : await careerRepo.updateProfile(trx, ov.ownerTag, current.sealed, current.sealed);
      if (!unchanged) return false;
      await careerRepo.upsertPublicPart(trx, userId, part, body);
      return true;
    });
    if (applied) return;
  }
  throw new AppError('common.conflict');
}

/** Unpublishing deletes the public copy; the private part stays as it was. */
export async function unpublishPart(deps: AppDeps, userId: string, part: ProfilePart) {
  await careerRepo.deletePublicPart(deps.db, userId, part);
}
