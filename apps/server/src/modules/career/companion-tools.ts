import { CAREER_LIMITS, OPPORTUNITY_TYPES, translate, type OpportunityType } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import type { CareerDigest, CompanionTools, OpportunitySuggestion } from '../companion/engine.ts';
import { readProfile } from './profile.ts';
import { rankForOwner } from './recommendations.ts';
import { presentValue } from './presenter.ts';
import { skillName } from './skills.ts';
import type { MatchOpportunity } from './matching.ts';

/**
 * The career tools of the companion (`read_my_profile`, `search_opportunities`, and the offline
 * engine's next-step suggestions). They run inside the owner's own chat request, on the owner's
 * own vault, and use the same matching as `GET /api/career/recommendations`; what they return
 * goes to the owner's conversation only.
 */
const SEARCH_MAX = 10;

function isType(value: string | undefined): value is OpportunityType {
  return !!value && (OPPORTUNITY_TYPES as readonly string[]).includes(value);
}

function ordered(a: MatchOpportunity, b: MatchOpportunity): number {
  const sa = a.startsOn ?? '9999-99-99';
  const sb = b.startsOn ?? '9999-99-99';
  if (sa !== sb) return sa.localeCompare(sb);
  return a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1;
}

export function careerCompanionTools(
  deps: AppDeps,
  actor: Actor,
  ownerVault: () => Promise<OwnerVault>,
): Required<Pick<CompanionTools, 'readMyProfile' | 'searchOpportunities'>> {
  const locale = actor.locale;
  return {
    async readMyProfile(): Promise<CareerDigest> {
      const { profile } = await readProfile(deps, await ownerVault());
      return {
        strengths: profile.strengths.map((s) => s.text),
        values: profile.values.map((v) => presentValue(v, locale).label),
        skills: profile.skills.map((s) => ({ name: skillName(s, locale), level: s.level })),
        experiences: profile.experiences.map((e) => ({
          title: e.title,
          role: e.role,
          challenge: e.challenge,
          outcome: translate(locale, `career.outcomes.${e.outcome}`),
          learned: e.learned,
          when: e.from ? `${e.from}〜${e.to ?? ''}` : null,
        })),
        direction: profile.goals.direction?.text ?? null,
        learningGoals: profile.goals.learning.map((g) => ({
          title: g.title,
          targetDate: g.targetDate,
          progress: g.progress,
        })),
      };
    },

    async searchOpportunities(input): Promise<OpportunitySuggestion[]> {
      const limit = Math.min(Math.max(1, input.limit ?? 5), SEARCH_MAX);
      const query = input.query?.trim().slice(0, CAREER_LIMITS.searchQueryMax);
      const types = input.types?.filter(isType);
      const { matches, candidates } = await rankForOwner(deps, actor, await ownerVault(), {
        type: isType(input.type) ? input.type : undefined,
        types: types?.length ? types : undefined,
        query: query || undefined,
        talk: input.talk,
        limit,
      });
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const picked: Array<{ o: MatchOpportunity; reasons: string[] }> = matches.map((m) => ({
        o: byId.get(m.id)!,
        reasons: m.reasons.map((r) => translate(locale, r.key, r.params)),
      }));
      // A word search also lists what matched the words but not the profile (after the matched ones).
      if (query && picked.length < limit) {
        const seen = new Set(picked.map((p) => p.o.id));
        const rest = candidates.filter((c) => !seen.has(c.id) && c.ownerId !== actor.userId).sort(ordered);
        for (const o of rest.slice(0, limit - picked.length)) picked.push({ o, reasons: [] });
      }
      return picked.map(({ o, reasons }) => ({
        id: o.id,
        title: o.title,
        type: o.type,
        typeLabel: translate(locale, `career.types.${o.type}`),
        reasons,
      }));
    },
  };
}
