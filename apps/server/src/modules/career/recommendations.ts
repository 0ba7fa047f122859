import type { Locale, OpportunityType, RecommendationList } from '@engawa/shared';
import type { AppDeps } from '../../app.ts';
import type { Actor } from '../../platform/actor.ts';
import type { OwnerVault } from '../../platform/vault/index.ts';
import { careerRepo } from './repo.ts';
import { readProfile } from './profile.ts';
import { rankOpportunities, type Match, type MatchOpportunity } from './matching.ts';
import { presentOpportunity } from './presenter.ts';
import { presentSkillRef } from './skills.ts';
import { openCatalog } from './catalog-cache.ts';
import type { StoredProfile } from './schema.ts';
import { foldQuery } from './opportunities.ts';

/**
 * Recommendations for the owner only: the profile is decrypted in this request, matched against
 * the open catalog (matching.ts; the public catalog is parsed once per catalog version, see
 * catalog-cache.ts), and dropped when the request ends. Nothing about the profile or the result
 * is stored, logged or cached.
 */

export interface Ranked {
  matches: Match[];
  profile: StoredProfile;
  /** Every candidate that passed the filters (matched or not). */
  candidates: readonly MatchOpportunity[];
}

/** Ranks the open opportunities (of one type, or matching a text query) for the actor. */
export async function rankForOwner(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  ov: OwnerVault,
  opts: {
    type?: OpportunityType | undefined;
    types?: readonly OpportunityType[] | undefined;
    query?: string | undefined;
    talk?: string | undefined;
    /** How many to rank and explain (the rest are scored only). */
    limit: number;
  },
): Promise<Ranked> {
  const [{ profile }, catalog, departments] = await Promise.all([
    readProfile(deps, ov),
    openCatalog(deps),
    careerRepo.departmentNames(deps.db),
  ]);
  const q = opts.query ? foldQuery(opts.query) : '';
  const locale: Locale = actor.locale;
  const departmentNames = new Map(
    departments.map((d) => [d.id, locale === 'en' ? (d.name_en ?? d.name) : d.name] as const),
  );
  const filtered = !!(opts.type || opts.types || q);
  const candidates: readonly MatchOpportunity[] = filtered
    ? catalog.filter(
        (o) =>
          (!opts.type || o.type === opts.type) &&
          (!opts.types || opts.types.includes(o.type as OpportunityType)) &&
          (!q || o.norm.includes(q)),
      )
    : catalog;
  const matches = rankOpportunities(
    { userId: actor.userId, departmentId: actor.departmentId, profile, talk: opts.talk, departmentNames },
    candidates,
    locale,
    opts.limit,
  );
  return { matches, profile, candidates };
}

/** `GET /api/career/recommendations`: the top `limit`, presented with reasons and gaps. */
export async function recommendations(
  deps: AppDeps,
  actor: Actor,
  ov: OwnerVault,
  opts: { type?: OpportunityType | undefined; limit: number },
): Promise<RecommendationList> {
  const { matches: top, profile } = await rankForOwner(deps, actor, ov, {
    type: opts.type,
    limit: opts.limit,
  });
  const ids = top.map((m) => m.id);
  const [rows, applied] = await Promise.all([
    careerRepo.opportunitiesByIds(deps.db, ids),
    careerRepo.appliedAmong(deps.db, actor.userId, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const state = { interested: new Set(profile.interests.map((i) => i.opportunityId)), applied };
  return {
    items: top.flatMap((m) => {
      const row = byId.get(m.id);
      if (!row) return [];
      return [
        {
          opportunity: presentOpportunity(row, actor, state, actor.locale),
          score: m.score,
          reasons: m.reasons,
          gaps: m.gaps.map((g) => ({ skill: presentSkillRef(g.skill, actor.locale), level: g.level })),
        },
      ];
    }),
    basis: {
      skills: profile.skills.length,
      goals:
        profile.goals.learning.filter((g) => g.progress < 100).length + (profile.goals.direction ? 1 : 0),
      values: profile.values.length,
    },
  };
}
