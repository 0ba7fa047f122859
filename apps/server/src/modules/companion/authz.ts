import crypto from 'node:crypto';
import { SIGNED_IN, only, type AuthzContext, type AuthzRows } from '../../authz-matrix.ts';
import { sessionFor } from '../../test/harness.ts';
import { keptConversation, privateNote } from './testing.ts';

/**
 * Who may call the キャリア相談 routes. Every signed-in person may use the companion on their own
 * records: the request builders below create the caller's own conversation or note. That nobody
 * else reaches them (404 for any other person, whatever their role) is proven object by object in
 * privacy.test.ts. Settings and the monthly count are hr only.
 */
async function ownConversationUrl(ctx: AuthzContext, suffix = ''): Promise<string> {
  if (!ctx.actor) return `/api/companion/conversations/${crypto.randomUUID()}${suffix}`;
  const id = await keptConversation(await sessionFor(ctx.t, ctx.actor.id));
  return `/api/companion/conversations/${id}${suffix}`;
}

async function ownNoteUrl(ctx: AuthzContext): Promise<string> {
  if (!ctx.actor) return `/api/companion/notes/${crypto.randomUUID()}`;
  return `/api/companion/notes/${await privateNote(await sessionFor(ctx.t, ctx.actor.id))}`;
}

export const authzRows: AuthzRows = {
  'GET /api/companion/intro': { expect: SIGNED_IN },
  'POST /api/companion/chat': { expect: SIGNED_IN, request: () => ({ body: { message: 'こんにちは' } }) },
  'POST /api/companion/summary': {
    expect: SIGNED_IN,
    request: () => ({ body: { mode: 'free', history: [{ role: 'user', content: '話したこと' }] } }),
  },
  'GET /api/companion/conversations': { expect: SIGNED_IN },
  'GET /api/companion/conversations/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownConversationUrl(ctx) }),
  },
  'PATCH /api/companion/conversations/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownConversationUrl(ctx), body: { title: '新しい題名' } }),
  },
  'DELETE /api/companion/conversations/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownConversationUrl(ctx) }),
  },
  'GET /api/companion/conversations/:id/export': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownConversationUrl(ctx, '/export?format=md') }),
  },
  'POST /api/companion/conversations/:id/summary': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownConversationUrl(ctx, '/summary') }),
  },
  'GET /api/companion/notes': { expect: SIGNED_IN },
  'POST /api/companion/notes': { expect: SIGNED_IN, request: () => ({ body: { body: '非公開のメモ' } }) },
  'GET /api/companion/notes/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownNoteUrl(ctx) }),
  },
  'PATCH /api/companion/notes/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownNoteUrl(ctx), body: { title: '題名' } }),
  },
  'DELETE /api/companion/notes/:id': {
    expect: SIGNED_IN,
    request: async (ctx) => ({ url: await ownNoteUrl(ctx) }),
  },
  'GET /api/companion/settings': { expect: only('hr') },
  'PUT /api/companion/settings': {
    expect: only('hr'),
    request: () => ({
      body: { aiPolicyJa: 'AIは相談相手です。', aiPolicyEn: null, crisisContacts: [{ name: '相談窓口' }] },
    }),
  },
  'GET /api/companion/insights': { expect: only('hr') },
};
