import {
  PROFILE_PARTS,
  translate,
  type ApplicationItem,
  type CareerProfile,
  type Locale,
  type OpportunityItem,
  type OpportunityStatus,
  type OpportunityType,
  type ProfilePart,
  type ProfileSnapshot,
  type ProfileValue,
  type PublicCareerProfile,
  type ValueCard,
} from '@engawa/shared';
import type { Actor } from '../../platform/actor.ts';
import { careerPolicy } from './policy.ts';
import type { OpportunityRow } from './repo.ts';
import {
  Projection,
  SkillListJson,
  type StoredGoals,
  type StoredProfile,
  type StoredValue,
} from './schema.ts';
import { presentSkillRef, type StoredSkillRef } from './skills.ts';

/**
 * The only place that shapes career output. Catalog skills and value cards are named in the
 * reader's language; everything a person wrote is returned as written.
 */

export function presentValue(v: StoredValue, locale: Locale): ProfileValue {
  return v.card
    ? { card: v.card as ValueCard, label: translate(locale, `career.values.${v.card}`) }
    : { card: null, label: v.text ?? '' };
}

function presentGoals(g: StoredGoals, locale: Locale) {
  return {
    direction: g.direction
      ? { text: g.direction.text, skills: g.direction.skills.map((s) => presentSkillRef(s, locale)) }
      : null,
    learning: g.learning.map((l) => ({
      id: l.id,
      title: l.title,
      skills: l.skills.map((s) => presentSkillRef(s, locale)),
      targetDate: l.targetDate,
      progress: l.progress,
    })),
  };
}

/** Latest first: by start month (ongoing and undated at the top), then by when it was written. */
function byRecency<T extends { from: string | null; to: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const ka = a.to === null ? '9999-99' : a.to;
    const kb = b.to === null ? '9999-99' : b.to;
    if (ka !== kb) return kb.localeCompare(ka);
    return (b.from ?? '').localeCompare(a.from ?? '');
  });
}

/** A projection (published part or application snapshot) as a reader sees it. */
export function presentProjection(p: Projection, locale: Locale): ProfileSnapshot {
  const out: ProfileSnapshot = {};
  if (p.strengths) out.strengths = p.strengths.map((s) => ({ text: s.text, episode: s.episode }));
  if (p.values) out.values = p.values.map((v) => presentValue(v, locale));
  if (p.skills) out.skills = p.skills.map((s) => ({ ...presentSkillRef(s, locale), level: s.level }));
  if (p.experiences) out.experiences = byRecency(p.experiences).map((e) => ({ ...e }));
  if (p.goals) out.goals = presentGoals(p.goals, locale);
  return out;
}

/** The owner's own profile. */
export function presentProfile(
  profile: StoredProfile,
  published: readonly string[],
  locale: Locale,
): CareerProfile {
  const parts = presentProjection(
    {
      strengths: profile.strengths,
      values: profile.values,
      skills: profile.skills,
      experiences: profile.experiences,
      goals: profile.goals,
    },
    locale,
  );
  return {
    strengths: parts.strengths ?? [],
    values: parts.values ?? [],
    skills: parts.skills ?? [],
    experiences: parts.experiences ?? [],
    goals: parts.goals ?? { direction: null, learning: [] },
    published: Object.fromEntries(PROFILE_PARTS.map((p) => [p, published.includes(p)])) as Record<
      ProfilePart,
      boolean
    >,
    updatedAt: profile.updatedAt,
  };
}

/** Someone's published parts; a part that does not parse (a future shape) is left out. */
export function presentPublicProfile(
  userId: string,
  rows: ReadonlyArray<{ part: string; body: string; published_at: string }>,
  locale: Locale,
): PublicCareerProfile {
  const projection: Record<string, unknown> = {};
  const publishedAt: PublicCareerProfile['publishedAt'] = {};
  for (const row of rows) {
    if (!(PROFILE_PARTS as readonly string[]).includes(row.part)) continue;
    const parsed = Projection.safeParse({ [row.part]: JSON.parse(row.body) });
    if (!parsed.success) continue;
    Object.assign(projection, parsed.data);
    publishedAt[row.part as ProfilePart] = row.published_at;
  }
  return { userId, parts: presentProjection(projection as Projection, locale), publishedAt };
}

export function parseSkills(json: string): StoredSkillRef[] {
  const parsed = SkillListJson.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

export interface CallerState {
  interested: ReadonlySet<string>;
  applied: ReadonlySet<string>;
}

/** One opportunity for one caller: their own interest/application state and what they may do. */
export function presentOpportunity(
  row: OpportunityRow,
  actor: Actor,
  state: CallerState,
  locale: Locale,
): OpportunityItem {
  const subject = { status: row.status, ownerId: row.owner_id };
  return {
    id: row.id,
    code: row.code,
    type: row.type as OpportunityType,
    title: row.title,
    description: row.description,
    skillsRequired: parseSkills(row.skills_required).map((s) => presentSkillRef(s, locale)),
    skillsGained: parseSkills(row.skills_gained).map((s) => presentSkillRef(s, locale)),
    department: row.department_id
      ? { id: row.department_id, name: row.department_name ?? '', nameEn: row.department_name_en }
      : null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    applyBy: row.apply_by,
    capacity: row.capacity === null ? null : Number(row.capacity),
    timeShare: row.time_share === null ? null : Number(row.time_share),
    status: row.status as OpportunityStatus,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    me: { interested: state.interested.has(row.id), applied: state.applied.has(row.id) },
    abilities: {
      edit: careerPolicy.can(actor, 'opportunity.manage', undefined),
      apply: row.status === 'open' && row.owner_id !== actor.userId,
      viewApplications: careerPolicy.can(actor, 'opportunity.applications', subject),
    },
  };
}

export interface ApplicationRow {
  id: string;
  opportunity_id: string;
  applicant_id: string;
  status: string;
  parts: string;
  snapshot: string | null;
  message: string | null;
  submitted_at: string;
  withdrawn_at: string | null;
  applicant_name: string;
  applicant_title: string | null;
  department_name: string | null;
  opportunity_title: string;
  opportunity_type: string;
}

/** An application as its recipients (and the applicant) see it: exactly the confirmed snapshot. */
export function presentApplication(row: ApplicationRow, locale: Locale): ApplicationItem {
  const snapshot = row.snapshot ? Projection.safeParse(JSON.parse(row.snapshot)) : null;
  return {
    id: row.id,
    opportunity: {
      id: row.opportunity_id,
      title: row.opportunity_title,
      type: row.opportunity_type as OpportunityType,
    },
    applicant: {
      id: row.applicant_id,
      name: row.applicant_name,
      title: row.applicant_title,
      departmentName: row.department_name,
    },
    status: row.status === 'withdrawn' ? 'withdrawn' : 'submitted',
    parts: (JSON.parse(row.parts) as ProfilePart[]).filter((p) =>
      (PROFILE_PARTS as readonly string[]).includes(p),
    ),
    profile: snapshot?.success ? presentProjection(snapshot.data, locale) : null,
    message: row.message,
    submittedAt: row.submitted_at,
    withdrawnAt: row.withdrawn_at,
  };
}
