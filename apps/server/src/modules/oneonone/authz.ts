import { SIGNED_IN, only, type AuthzContext, type AuthzRows } from '../../authz-matrix.ts';
import { sessionFor } from '../../test/harness.ts';
import { keptConversation } from '../companion/testing.ts';
import { agendaItem, giveManager, managedMember, pairWithManagerItem } from './testing.ts';

/**
 * Who may call the 1on1 routes. Everyone keeps their own agenda (the builders give the caller a
 * manager and their own items). The member routes are for the member's current manager only:
 * for every other caller — hr and admin included — the member does not exist (404). That a manager
 * sees only shared items is proven in oneonone.test.ts and privacy.test.ts.
 */
async function ownItemUrl(ctx: AuthzContext, suffix = ''): Promise<string> {
  if (!ctx.actor) return `/api/oneonone/items/x${suffix}`;
  await giveManager(ctx.t, ctx.actor.id);
  return `/api/oneonone/items/${await agendaItem(await sessionFor(ctx.t, ctx.actor.id))}${suffix}`;
}

/** A member of the caller when the caller is a manager; otherwise someone else's member. */
async function memberUrl(ctx: AuthzContext, suffix = ''): Promise<string> {
  const member =
    ctx.role === 'manager' && ctx.actor
      ? await managedMember(ctx.t, ctx.actor.id)
      : await managedMember(ctx.t);
  return `/api/oneonone/members/${member.id}${suffix}`;
}

async function managerItemUrl(ctx: AuthzContext): Promise<string> {
  const id = await pairWithManagerItem(ctx.t, ctx.role === 'manager' && ctx.actor ? ctx.actor.id : undefined);
  return `/api/oneonone/manager-items/${id}`;
}

async function ownNextStepUrl(ctx: AuthzContext): Promise<string> {
  if (!ctx.actor) return '/api/oneonone/next-steps/x';
  await giveManager(ctx.t, ctx.actor.id);
  const agent = await sessionFor(ctx.t, ctx.actor.id);
  const res = await agent.post('/api/oneonone/next-steps', { text: '次回までに資料を共有する' });
  const step = (res.json() as { nextSteps: Array<{ id: string }> }).nextSteps.at(-1)!;
  return `/api/oneonone/next-steps/${step.id}`;
}

export const authzRows: AuthzRows = {
  'GET /api/oneonone/agenda': { expect: SIGNED_IN },
  'POST /api/oneonone/items': {
    expect: SIGNED_IN,
    request: () => ({ body: { topic: '評価面談の前に相談したい', want: 'advice' } }),
  },
  'POST /api/oneonone/items/from-companion': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      if (!ctx.actor) return { body: { conversationId: '00000000-0000-4000-8000-000000000000' } };
      const agent = await sessionFor(ctx.t, ctx.actor.id);
      const id = await keptConversation(agent, '1on1で話したいことがあります');
      await agent.post(`/api/companion/conversations/${id}/summary`);
      return { body: { conversationId: id, want: 'listen' } };
    },
  },
  'GET /api/oneonone/companion-summaries': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      if (ctx.actor) {
        const agent = await sessionFor(ctx.t, ctx.actor.id);
        const id = await keptConversation(agent, '来期の役割について整理したい');
        await agent.post(`/api/companion/conversations/${id}/summary`);
      }
      return {};
    },
  },
  'PATCH /api/oneonone/items/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownItemUrl(ctx), body: { want: 'listen' } }),
  },
  'DELETE /api/oneonone/items/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownItemUrl(ctx) }),
  },
  'GET /api/oneonone/preview': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      if (!ctx.actor) return {};
      await giveManager(ctx.t, ctx.actor.id);
      return {};
    },
  },
  'PUT /api/oneonone/items/:id/share': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownItemUrl(ctx, '/share') }),
  },
  'DELETE /api/oneonone/items/:id/share': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownItemUrl(ctx, '/share') }),
  },
  'POST /api/oneonone/next-steps': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      if (ctx.actor) await giveManager(ctx.t, ctx.actor.id);
      return { body: { text: '来週までに目標を書き直す' } };
    },
  },
  'GET /api/oneonone/members': { expect: SIGNED_IN },
  'GET /api/oneonone/members/:userId': {
    expect: only('manager'),
    hides: true,
    request: async (ctx) => ({ url: await memberUrl(ctx) }),
  },
  'POST /api/oneonone/members/:userId/items': {
    expect: only('manager'),
    hides: true,
    request: async (ctx) => ({ url: await memberUrl(ctx, '/items'), body: { topic: '四半期の振り返り' } }),
  },
  'POST /api/oneonone/members/:userId/next-steps': {
    expect: only('manager'),
    hides: true,
    request: async (ctx) => ({
      url: await memberUrl(ctx, '/next-steps'),
      body: { text: '研修の申込みを調べる' },
    }),
  },
  'PATCH /api/oneonone/manager-items/:id': {
    expect: only('manager'),
    hides: true,
    request: async (ctx) => ({ url: await managerItemUrl(ctx), body: { detail: '補足' } }),
  },
  'DELETE /api/oneonone/manager-items/:id': {
    expect: only('manager'),
    hides: true,
    request: async (ctx) => ({ url: await managerItemUrl(ctx) }),
  },
  'PATCH /api/oneonone/next-steps/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownNextStepUrl(ctx), body: { done: true } }),
  },
  'DELETE /api/oneonone/next-steps/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownNextStepUrl(ctx) }),
  },
};
