import { SIGNED_IN, only, type AuthzContext, type AuthzRows } from '../../authz-matrix.ts';
import { sessionFor } from '../../test/harness.ts';
import { addExperience, applyTo, insertOpportunity } from './testing.ts';

/**
 * Who may call the キャリア routes. Everyone signed in keeps their own profile, marks interest,
 * gets recommendations and applies (the builders below use the caller's own objects; that nobody
 * reaches anyone else's private profile is proven by privacy.test.ts). hr runs the catalog and
 * sees applications; admin has no special rights here.
 */
async function openOpportunity(ctx: AuthzContext): Promise<string> {
  return insertOpportunity(ctx.t, { title: `研修 ${ctx.unique}`, gained: ['SQL'] });
}

async function own<T>(
  ctx: AuthzContext,
  fallback: string,
  build: (agent: Awaited<ReturnType<typeof sessionFor>>) => Promise<T>,
) {
  if (!ctx.actor) return { url: fallback };
  return build(await sessionFor(ctx.t, ctx.actor.id));
}

const opportunityBody = (ctx: AuthzContext) => ({
  type: 'gig',
  title: `社内副業 ${ctx.unique}`,
  timeShare: 20,
  skillsGained: [{ name: 'データ分析' }],
});

export const authzRows: AuthzRows = {
  'GET /api/career/profile': { expect: SIGNED_IN },
  'GET /api/career/profile/public-preview': { expect: SIGNED_IN },
  'PUT /api/career/profile/strengths': {
    expect: SIGNED_IN,
    request: () => ({ body: { items: [{ text: '段取り' }] } }),
  },
  'PUT /api/career/profile/values': {
    expect: SIGNED_IN,
    request: () => ({ body: { items: [{ card: 'growth' }] } }),
  },
  'PUT /api/career/profile/skills': {
    expect: SIGNED_IN,
    request: () => ({ body: { items: [{ name: 'SQL', level: 3 }] } }),
  },
  'PUT /api/career/profile/goals': {
    expect: SIGNED_IN,
    request: () => ({ body: { direction: null, learning: [] } }),
  },
  'POST /api/career/profile/experiences': {
    expect: SIGNED_IN,
    request: () => ({ body: { title: '新規事業', outcome: 'ongoing' } }),
  },
  'PATCH /api/career/profile/experiences/:id': {
    expect: SIGNED_IN,
    request: (ctx) =>
      own(ctx, '/api/career/profile/experiences/x', async (agent) => ({
        url: `/api/career/profile/experiences/${await addExperience(agent)}`,
        body: { outcome: 'succeeded' },
      })),
  },
  'DELETE /api/career/profile/experiences/:id': {
    expect: SIGNED_IN,
    request: (ctx) =>
      own(ctx, '/api/career/profile/experiences/x', async (agent) => ({
        url: `/api/career/profile/experiences/${await addExperience(agent)}`,
      })),
  },
  'PUT /api/career/profile/published/:part': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/career/profile/published/skills' }),
  },
  'DELETE /api/career/profile/published/:part': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/career/profile/published/skills' }),
  },
  'GET /api/users/:id/career': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: `/api/users/${(await ctx.user()).id}/career` }),
  },
  'GET /api/career/recommendations': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/career/recommendations?type=training' }),
  },
  'GET /api/career/interests': { expect: SIGNED_IN },
  'GET /api/career/applications': { expect: SIGNED_IN },

  'GET /api/opportunities': {
    expect: SIGNED_IN,
    request: () => ({ url: '/api/opportunities?type=gig&q=sql' }),
  },
  'POST /api/opportunities': { expect: only('hr'), request: (ctx) => ({ body: opportunityBody(ctx) }) },
  'POST /api/opportunities/import': {
    expect: only('hr'),
    request: (ctx) => ({ body: { csv: `type,title\n研修,取込 ${ctx.unique}\n`, dryRun: true } }),
  },
  'GET /api/opportunities/manage': { expect: only('hr') },
  'GET /api/opportunities/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: `/api/opportunities/${await openOpportunity(ctx)}` }),
  },
  'PATCH /api/opportunities/:id': {
    expect: only('hr'),
    request: async (ctx) => ({
      url: `/api/opportunities/${await openOpportunity(ctx)}`,
      body: { status: 'closed' },
    }),
  },
  'DELETE /api/opportunities/:id': {
    expect: only('hr'),
    request: async (ctx) => ({ url: `/api/opportunities/${await openOpportunity(ctx)}` }),
  },
  'PUT /api/opportunities/:id/interest': {
    expect: SIGNED_IN,
    request: async (ctx) => ({
      url: `/api/opportunities/${await openOpportunity(ctx)}/interest`,
      body: { note: null },
    }),
  },
  'DELETE /api/opportunities/:id/interest': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const id = await openOpportunity(ctx);
      if (ctx.actor)
        await (await sessionFor(ctx.t, ctx.actor.id)).put(`/api/opportunities/${id}/interest`, {});
      return { url: `/api/opportunities/${id}/interest` };
    },
  },
  'GET /api/opportunities/:id/apply-preview': {
    expect: SIGNED_IN,
    request: async (ctx) => ({
      url: `/api/opportunities/${await openOpportunity(ctx)}/apply-preview?parts=skills`,
    }),
  },
  'POST /api/opportunities/:id/apply': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const id = await openOpportunity(ctx);
      if (!ctx.actor)
        return { url: `/api/opportunities/${id}/apply`, body: { parts: [], snapshotHash: 'x' } };
      const agent = await sessionFor(ctx.t, ctx.actor.id);
      const preview = (await agent.get(`/api/opportunities/${id}/apply-preview?parts=skills`)).json() as {
        snapshotHash: string;
      };
      return {
        url: `/api/opportunities/${id}/apply`,
        body: { parts: ['skills'], snapshotHash: preview.snapshotHash },
      };
    },
  },
  'DELETE /api/opportunities/:id/apply': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const id = await openOpportunity(ctx);
      if (ctx.actor) await applyTo(await sessionFor(ctx.t, ctx.actor.id), id);
      return { url: `/api/opportunities/${id}/apply` };
    },
  },
  'GET /api/opportunities/:id/applications': {
    expect: only('hr'),
    request: async (ctx) => ({ url: `/api/opportunities/${await openOpportunity(ctx)}/applications` }),
  },
};
