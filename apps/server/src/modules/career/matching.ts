import { translate, type Locale, type OpportunityType, type Reason, type ValueCard } from '@engawa/shared';
import type { StoredProfile } from './schema.ts';
import { skillKey, skillName, skillsMentionedIn, type StoredSkillRef } from './skills.ts';

/**
 * Deterministic matching of one person's profile against the open opportunities. Pure: it gets
 * the decrypted profile (inside the owner's request) and returns a ranked list with the reason
 * for each in plain words (catalog keys + parameters), so the same input always gives the same
 * order. Nothing here is stored or cached.
 *
 * Points, per opportunity:
 * - a skill it builds that one of the person's goals needs (and they rate below 4): 30
 * - a skill it builds that they talked about with the companion (and rate below 4): 20
 * - a skill it builds that they have not registered: 8 (only when they registered some skills:
 *   an empty list says nothing about what they lack), or rate 1–2: 6
 * - a skill it requires that they rate 3 or more: 10 (+2 per level above 3)
 * - a skill it requires that they have not registered or rate below 3: −4 (listed as a gap)
 * - a value they hold that fits its type: 3 (at most once)
 * - department: 3 for a training or mentoring in their own department; 4 for shadowing, a
 *   posting or a gig in another department (crossing departments is how experience grows)
 * Only opportunities with at least one skill- or goal-based reason are listed. Ties break by
 * start date (soonest first, undated last), then title, then id.
 */

/** A goal the matching can name: a learning goal, the mid/long-term direction, or the conversation. */
interface MatchGoal {
  kind: 'goal' | 'talk';
  title: string;
  skills: Map<string, StoredSkillRef>;
}

export interface MatchInput {
  userId: string;
  departmentId: string | null;
  profile: Pick<StoredProfile, 'skills' | 'goals' | 'values'>;
  /** What the person said in this companion conversation (offline engine, search tool). */
  talk?: string | undefined;
  /** Department names by id, for opportunities that do not carry `departmentName`. */
  departmentNames?: ReadonlyMap<string, string>;
}

export interface MatchOpportunity {
  id: string;
  type: string;
  title: string;
  departmentId: string | null;
  /** Optional: otherwise looked up in `MatchInput.departmentNames`. */
  departmentName?: string | null;
  ownerId: string | null;
  startsOn: string | null;
  required: StoredSkillRef[];
  gained: StoredSkillRef[];
  /** `skillKey` of each required / gained skill, when the caller computed them already (the catalog cache). */
  requiredKeys?: readonly string[];
  gainedKeys?: readonly string[];
}

export interface Match {
  id: string;
  score: number;
  reasons: Reason[];
  gaps: Array<{ skill: StoredSkillRef; level: number | null }>;
}

/** Which opportunity types fit which value cards. */
const VALUE_TYPES: Partial<Record<ValueCard, readonly OpportunityType[]>> = {
  growth: ['training', 'mentoring'],
  learning: ['training', 'shadowing'],
  expertise: ['training'],
  challenge: ['posting', 'gig'],
  leadership: ['posting'],
  socialImpact: ['posting', 'gig'],
  autonomy: ['gig'],
  contribution: ['gig', 'mentoring'],
  curiosity: ['shadowing', 'gig'],
  variety: ['shadowing', 'gig', 'posting'],
  diversity: ['shadowing'],
  nurturing: ['mentoring'],
  teamwork: ['gig'],
};

const GOAL_TITLE_MAX = 40;

function shorten(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  const chars = Array.from(line);
  return chars.length > GOAL_TITLE_MAX ? chars.slice(0, GOAL_TITLE_MAX).join('') + '…' : line;
}

function withMentions(explicit: readonly StoredSkillRef[], text: string): Map<string, StoredSkillRef> {
  const map = new Map<string, StoredSkillRef>();
  for (const s of explicit) map.set(skillKey(s), s);
  for (const id of skillsMentionedIn(text)) if (!map.has(id)) map.set(id, { id, name: id });
  return map;
}

/** The person's goals with the skills each needs: named on the goal, or named in its words. */
function goalsOf(input: MatchInput): MatchGoal[] {
  const goals: MatchGoal[] = [];
  for (const g of input.profile.goals.learning) {
    if (g.progress >= 100) continue;
    goals.push({ kind: 'goal', title: shorten(g.title), skills: withMentions(g.skills, g.title) });
  }
  const d = input.profile.goals.direction;
  if (d) goals.push({ kind: 'goal', title: shorten(d.text), skills: withMentions(d.skills, d.text) });
  if (input.talk?.trim()) goals.push({ kind: 'talk', title: '', skills: withMentions([], input.talk) });
  return goals;
}

const DEPARTMENT_SAME_TYPES = new Set(['training', 'mentoring']);
const DEPARTMENT_CROSS_TYPES = new Set(['shadowing', 'posting', 'gig']);

/**
 * Prepares the profile side once per request. `points` scores an opportunity without building
 * any text (it runs on the whole catalog); `explain` gives the same score with its reasons and
 * gaps (it runs on the few that are shown). Undefined: not recommended.
 */
export function matcher(input: MatchInput, locale: Locale) {
  const levels = new Map(input.profile.skills.map((s) => [skillKey(s), s.level]));
  const goals = goalsOf(input);
  // The first goal that needs each skill (goals are in priority order).
  const goalOf = new Map<string, MatchGoal>();
  for (const g of goals) for (const key of g.skills.keys()) if (!goalOf.has(key)) goalOf.set(key, g);
  const values = input.profile.values.flatMap((v) => (v.card ? [v.card as ValueCard] : []));
  const valueFor = new Map<string, ValueCard | undefined>();
  const fitFor = (type: string) => {
    if (!valueFor.has(type))
      valueFor.set(
        type,
        values.find((v) => VALUE_TYPES[v]?.includes(type as OpportunityType)),
      );
    return valueFor.get(type);
  };
  const name = (s: StoredSkillRef) => skillName(s, locale);

  function evaluate(
    o: MatchOpportunity,
    reasons: Array<{ w: number; reason: Reason }> | null,
    gaps: Match['gaps'] | null,
  ) {
    if (o.ownerId === input.userId) return undefined;
    let points = 0;
    let substantive = false;
    const gainedKeys = o.gainedKeys ?? o.gained.map(skillKey);
    const requiredKeys = o.requiredKeys ?? o.required.map(skillKey);
    let covered: Set<string> | undefined;

    for (let i = 0; i < gainedKeys.length; i++) {
      const key = gainedKeys[i]!;
      const level = levels.get(key);
      if (level !== undefined && level >= 4) continue; // already strong: not a reason to go
      const goal = goalOf.get(key);
      if (!goal) continue;
      const w = goal.kind === 'goal' ? 30 : 20;
      points += w;
      substantive = true;
      (covered ??= new Set()).add(key);
      reasons?.push({
        w,
        reason:
          goal.kind === 'goal'
            ? { key: 'career.reason.goalSkill', params: { goal: goal.title, skill: name(o.gained[i]!) } }
            : { key: 'career.reason.talkSkill', params: { skill: name(o.gained[i]!) } },
      });
    }
    for (let i = 0; i < gainedKeys.length; i++) {
      const key = gainedKeys[i]!;
      if (covered?.has(key)) continue;
      const level = levels.get(key);
      if (level === undefined) {
        // Someone who registered no skills at all is not known to lack this one.
        if (!levels.size) continue;
        points += 8;
        substantive = true;
        reasons?.push({
          w: 8,
          reason: { key: 'career.reason.newSkill', params: { skill: name(o.gained[i]!) } },
        });
      } else if (level <= 2) {
        points += 6;
        substantive = true;
        reasons?.push({
          w: 6,
          reason: { key: 'career.reason.growSkill', params: { skill: name(o.gained[i]!) } },
        });
      }
    }
    for (let i = 0; i < requiredKeys.length; i++) {
      const level = levels.get(requiredKeys[i]!);
      if (level !== undefined && level >= 3) {
        const w = 10 + (level - 3) * 2;
        points += w;
        substantive = true;
        reasons?.push({
          w,
          reason: { key: 'career.reason.useSkill', params: { skill: name(o.required[i]!) } },
        });
      } else {
        points -= 4;
        gaps?.push({ skill: o.required[i]!, level: level ?? null });
      }
    }
    if (!substantive) return undefined;

    const fit = fitFor(o.type);
    if (fit) {
      points += 3;
      reasons?.push({
        w: 3,
        reason: { key: 'career.reason.value', params: { value: translate(locale, `career.values.${fit}`) } },
      });
    }
    const department = o.departmentId
      ? (o.departmentName ?? input.departmentNames?.get(o.departmentId) ?? null)
      : null;
    if (o.departmentId && department) {
      const same = o.departmentId === input.departmentId;
      if (same && DEPARTMENT_SAME_TYPES.has(o.type)) {
        points += 3;
        reasons?.push({ w: 3, reason: { key: 'career.reason.sameDepartment', params: { department } } });
      } else if (!same && DEPARTMENT_CROSS_TYPES.has(o.type)) {
        points += 4;
        reasons?.push({ w: 4, reason: { key: 'career.reason.otherDepartment', params: { department } } });
      }
    }
    return points;
  }

  return {
    points: (o: MatchOpportunity) => evaluate(o, null, null),
    explain(o: MatchOpportunity): Match | undefined {
      const weighted: Array<{ w: number; reason: Reason }> = [];
      const gaps: Match['gaps'] = [];
      const points = evaluate(o, weighted, gaps);
      if (points === undefined) return undefined;
      // Strongest reasons first; a stable sort keeps equal ones in the order they were found.
      const reasons = weighted.sort((a, b) => b.w - a.w).map((r) => r.reason);
      return { id: o.id, score: points, reasons, gaps };
    },
  };
}

/**
 * Ranks opportunities for one person (best first) and explains the first `limit`; unmatched
 * ones are left out.
 */
export function rankOpportunities(
  input: MatchInput,
  opportunities: readonly MatchOpportunity[],
  locale: Locale,
  limit = Number.POSITIVE_INFINITY,
): Match[] {
  const m = matcher(input, locale);
  type Scored = { o: MatchOpportunity; points: number; start: string };
  const before = (a: Scored, b: Scored): boolean => {
    if (b.points !== a.points) return a.points > b.points;
    if (a.start !== b.start) return a.start < b.start;
    if (a.o.title !== b.o.title) return a.o.title < b.o.title;
    return a.o.id < b.o.id;
  };
  // Keep only the best `limit`, in order (binary insertion): the catalog is scored, not sorted.
  const top: Scored[] = [];
  for (const o of opportunities) {
    const points = m.points(o);
    if (points === undefined || points <= 0) continue;
    const item = { o, points, start: o.startsOn ?? '9999-99-99' };
    if (top.length >= limit && !before(item, top[top.length - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(top[mid]!, item)) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > limit) top.pop();
  }
  return top.map(({ o }) => m.explain(o)!);
}
