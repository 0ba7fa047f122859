import { z } from 'zod';
import {
  CAREER_LIMITS,
  EXPERIENCE_OUTCOMES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  PROFILE_PARTS,
} from '@engawa/shared';

/**
 * Server-side shapes of the career module: the sealed profile record (validated on every
 * decrypt), the stored JSON columns, and route params / queries. Request bodies live in
 * `@engawa/shared` (career.ts) so the web validates its forms with the same rules.
 */

export const StoredSkillRef = z.object({ id: z.string().nullable(), name: z.string() });

export const StoredStrength = z.object({ text: z.string(), episode: z.string().nullable() });
export type StoredStrength = z.infer<typeof StoredStrength>;

/** A value card id, or the person's own words (exactly one is set). */
export const StoredValue = z.object({ card: z.string().nullable(), text: z.string().nullable() });
export type StoredValue = z.infer<typeof StoredValue>;

export const StoredSkill = StoredSkillRef.extend({ level: z.number().int().min(1).max(5) });
export type StoredSkill = z.infer<typeof StoredSkill>;

export const StoredExperience = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['project', 'work']),
  role: z.string().nullable(),
  challenge: z.string().nullable(),
  outcome: z.enum(EXPERIENCE_OUTCOMES),
  learned: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  stretch: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredExperience = z.infer<typeof StoredExperience>;

export const StoredLearningGoal = z.object({
  id: z.string(),
  title: z.string(),
  skills: z.array(StoredSkillRef),
  targetDate: z.string().nullable(),
  progress: z.number().int().min(0).max(100),
});
export type StoredLearningGoal = z.infer<typeof StoredLearningGoal>;

export const StoredGoals = z.object({
  direction: z.object({ text: z.string(), skills: z.array(StoredSkillRef) }).nullable(),
  learning: z.array(StoredLearningGoal),
});
export type StoredGoals = z.infer<typeof StoredGoals>;

/** A private mark of interest (kept with the profile, sealed). */
export const StoredInterest = z.object({
  opportunityId: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type StoredInterest = z.infer<typeof StoredInterest>;

/** The whole private profile: one sealed record per person (kind `career.profile`). */
export const StoredProfile = z.object({
  v: z.literal(1),
  strengths: z.array(StoredStrength),
  values: z.array(StoredValue),
  skills: z.array(StoredSkill),
  experiences: z.array(StoredExperience),
  goals: StoredGoals,
  interests: z.array(StoredInterest),
  updatedAt: z.string().nullable(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

export function emptyProfile(): StoredProfile {
  return {
    v: 1,
    strengths: [],
    values: [],
    skills: [],
    experiences: [],
    goals: { direction: null, learning: [] },
    interests: [],
    updatedAt: null,
  };
}

/** Record kinds bound into each ciphertext's AAD. */
export const KIND = { profile: 'career.profile' } as const;
/** The profile is one record per person; its record id in the AAD. */
export const PROFILE_RECORD_ID = 'profile';

/** Projections as stored in `career_public_parts.body` and in an application's snapshot. */
export const PublicExperience = StoredExperience.omit({ createdAt: true, updatedAt: true });
export const Projection = z.object({
  strengths: z.array(StoredStrength).optional(),
  values: z.array(StoredValue).optional(),
  skills: z.array(StoredSkill).optional(),
  experiences: z.array(PublicExperience).optional(),
  goals: StoredGoals.optional(),
});
export type Projection = z.infer<typeof Projection>;

export const Part = z.enum(PROFILE_PARTS);
export const PartParams = z.object({ part: Part });
export const IdParams = z.object({ id: z.string().min(1).max(64) });

export const OpportunityListQuery = z.object({
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  status: z.enum([...OPPORTUNITY_STATUSES, 'all']).default('open'),
  q: z.string().trim().max(CAREER_LIMITS.searchQueryMax).optional(),
  departmentId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const RecommendationQuery = z.object({
  type: z.enum(OPPORTUNITY_TYPES).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CAREER_LIMITS.recommendationsMax)
    .default(CAREER_LIMITS.recommendationsDefault),
});

/** `?parts=skills,experiences&message=…` of the apply preview. */
export const ApplyPreviewQuery = z.object({
  parts: z
    .string()
    .max(200)
    .default('')
    .transform((v, ctx) => {
      const parts = [
        ...new Set(
          v
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      for (const p of parts) {
        if (!(PROFILE_PARTS as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: 'unknown part' });
          return z.NEVER;
        }
      }
      return parts as Array<(typeof PROFILE_PARTS)[number]>;
    }),
  message: z.string().trim().max(CAREER_LIMITS.applicationMessageMax).optional(),
});

/** JSON columns of an opportunity: skills as { id, name }. */
export const SkillListJson = z.array(StoredSkillRef);
