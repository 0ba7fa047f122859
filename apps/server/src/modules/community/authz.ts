import { PUBLIC, SIGNED_IN, only, type AuthzContext, type AuthzRows } from '../../authz-matrix.ts';
import { sessionFor } from '../../test/harness.ts';
import { makeComment, makeCommunity, makePng, makePost, readyToPost, upload } from './testing.ts';

/**
 * Who may call the community routes, by global role. Community roles (organizer, member) belong to
 * one community, so the builders below use an OPEN community created by someone else: every
 * signed-in person may read and take part in it, no global role (admin included) may manage it,
 * and admins may moderate it (delete, hide, dismiss) because it is open. Private communities
 * (404 for everyone outside, admins included) and the organizer side of every rule are proven
 * object by object in the module's tests (communities, posts, moderation, attachments, webhooks).
 */
async function owner(ctx: AuthzContext) {
  const u = await ctx.user();
  return { ...u, agent: await sessionFor(ctx.t, u.id) };
}

async function otherCommunity(ctx: AuthzContext) {
  const o = await owner(ctx);
  const c = await makeCommunity(o.agent, { name: `authz ${ctx.unique}` });
  await readyToPost(o.agent, c.id);
  return { o, c };
}

/** The caller joins and acknowledges everything (as a person would before posting). */
async function callerReady(ctx: AuthzContext, communityId: string) {
  if (ctx.actor) await readyToPost(await sessionFor(ctx.t, ctx.actor.id), communityId);
}

async function otherPost(ctx: AuthzContext, body: Record<string, unknown> = {}) {
  const { o, c } = await otherCommunity(ctx);
  const p = await makePost(o.agent, c.id, body);
  return { o, c, p };
}

const communityUrl =
  (suffix = '') =>
  async (ctx: AuthzContext) => {
    const { c } = await otherCommunity(ctx);
    return { url: `/api/communities/${c.id}${suffix}` };
  };

const postUrl =
  (suffix = '', body?: unknown, post: Record<string, unknown> = {}) =>
  async (ctx: AuthzContext) => {
    const { p } = await otherPost(ctx, post);
    return { url: `/api/posts/${p.id}${suffix}`, ...(body !== undefined ? { body } : {}) };
  };

const commentUrl =
  (suffix = '', body?: unknown) =>
  async (ctx: AuthzContext) => {
    const { o, p } = await otherPost(ctx);
    const cm = await makeComment(o.agent, p.id);
    return { url: `/api/comments/${cm.id}${suffix}`, ...(body !== undefined ? { body } : {}) };
  };

const RECIPE = {
  kind: 'prompt_recipe',
  title: 'レシピ',
  fields: { goal: '要約', prompt: '3行で要約して' },
};

async function attachmentUrl(ctx: AuthzContext, suffix: string) {
  const { o, c } = await otherCommunity(ctx);
  const a = (await upload(o.agent, 'a.png', await makePng(40, 30))).json() as { id: string };
  await makePost(o.agent, c.id, { body: '画像', attachmentIds: [a.id] });
  return { url: `/api/attachments/${a.id}${suffix}` };
}

async function webhookToken(ctx: AuthzContext) {
  const { o, c } = await otherCommunity(ctx);
  const hook = (await o.agent.post(`/api/communities/${c.id}/webhooks`, { name: 'bot' })).json() as {
    id: string;
    path: string;
  };
  return { c, o, hook };
}

export const authzRows: AuthzRows = {
  'GET /api/communities': { expect: SIGNED_IN },
  'POST /api/communities': {
    expect: SIGNED_IN,
    request: (ctx) => ({
      body: { name: `新しい会 ${ctx.unique}-${ctx.role}`, purpose: '目的', rules: 'ルール' },
    }),
  },
  'GET /api/communities/:id': { expect: SIGNED_IN, request: communityUrl() },
  'PATCH /api/communities/:id': {
    expect: only(),
    request: async (ctx) => ({ ...(await communityUrl()(ctx)), body: { purpose: '変更' } }),
  },
  'GET /api/admin/private-communities': { expect: only('admin') },
  'GET /api/me/code-of-conduct': { expect: SIGNED_IN },
  'POST /api/me/code-of-conduct/acknowledge': { expect: SIGNED_IN },
  'POST /api/communities/:id/join': { expect: SIGNED_IN, request: communityUrl('/join') },
  'POST /api/communities/:id/leave': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const { c } = await otherCommunity(ctx);
      await callerReady(ctx, c.id);
      return { url: `/api/communities/${c.id}/leave` };
    },
  },
  'POST /api/communities/:id/acknowledge': { expect: SIGNED_IN, request: communityUrl('/acknowledge') },
  'GET /api/communities/:id/members': { expect: SIGNED_IN, request: communityUrl('/members') },
  'POST /api/communities/:id/members': {
    expect: only(),
    request: async (ctx) => ({
      ...(await communityUrl('/members')(ctx)),
      body: { userId: (await ctx.user()).id },
    }),
  },
  'POST /api/communities/:id/organizers': {
    expect: only(),
    request: async (ctx) => ({
      ...(await communityUrl('/organizers')(ctx)),
      body: { userId: (await ctx.user()).id },
    }),
  },
  'DELETE /api/communities/:id/members/:userId': {
    expect: only(),
    request: async (ctx) => {
      const { c, o } = await otherCommunity(ctx);
      return { url: `/api/communities/${c.id}/members/${o.id}` };
    },
  },
  'DELETE /api/communities/:id/organizers/:userId': {
    expect: only(),
    request: async (ctx) => {
      const { c, o } = await otherCommunity(ctx);
      return { url: `/api/communities/${c.id}/organizers/${o.id}` };
    },
  },
  'POST /api/communities/:id/read': { expect: SIGNED_IN, request: communityUrl('/read') },
  'GET /api/communities/:id/posts': { expect: SIGNED_IN, request: communityUrl('/posts') },
  'POST /api/communities/:id/posts': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const { c } = await otherCommunity(ctx);
      await callerReady(ctx, c.id);
      return { url: `/api/communities/${c.id}/posts`, body: { body: 'はじめまして' } };
    },
  },
  'GET /api/posts/:id': { expect: SIGNED_IN, request: postUrl() },
  'PATCH /api/posts/:id': { expect: only(), request: postUrl('', { body: '改ざん' }) },
  'DELETE /api/posts/:id': { expect: only('admin'), request: postUrl() },
  'GET /api/posts/:id/revisions': { expect: SIGNED_IN, request: postUrl('/revisions') },
  'POST /api/posts/:id/pin': { expect: only(), request: postUrl('/pin') },
  'POST /api/posts/:id/unpin': { expect: only(), request: postUrl('/unpin') },
  'POST /api/posts/:id/accept': {
    expect: only(),
    request: postUrl('/accept', { commentId: null }, { kind: 'question', title: '質問' }),
  },
  'POST /api/posts/:id/confirm': {
    expect: SIGNED_IN,
    request: postUrl('/confirm', undefined, {
      kind: 'announcement',
      title: 'お知らせ',
      requiresConfirmation: true,
    }),
  },
  'GET /api/posts/:id/confirmations': {
    expect: only(),
    request: postUrl('/confirmations', undefined, { kind: 'announcement', title: 'お知らせ' }),
  },
  'GET /api/posts/:id/comments': { expect: SIGNED_IN, request: postUrl('/comments') },
  'POST /api/posts/:id/comments': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const { c, p } = await otherPost(ctx);
      await callerReady(ctx, c.id);
      return { url: `/api/posts/${p.id}/comments`, body: { body: 'コメント' } };
    },
  },
  'PATCH /api/comments/:id': { expect: only(), request: commentUrl('', { body: '改ざん' }) },
  'DELETE /api/comments/:id': { expect: only('admin'), request: commentUrl() },
  'PUT /api/posts/:id/reactions/:reaction': { expect: SIGNED_IN, request: postUrl('/reactions/heart') },
  'DELETE /api/posts/:id/reactions/:reaction': { expect: SIGNED_IN, request: postUrl('/reactions/heart') },
  'PUT /api/comments/:id/reactions/:reaction': { expect: SIGNED_IN, request: commentUrl('/reactions/bulb') },
  'DELETE /api/comments/:id/reactions/:reaction': {
    expect: SIGNED_IN,
    request: commentUrl('/reactions/bulb'),
  },
  'PUT /api/posts/:id/signals/:signal': {
    expect: SIGNED_IN,
    request: postUrl('/signals/used', undefined, RECIPE),
  },
  'DELETE /api/posts/:id/signals/:signal': {
    expect: SIGNED_IN,
    request: postUrl('/signals/helped', undefined, RECIPE),
  },
  'GET /api/feed': { expect: SIGNED_IN },
  'GET /api/knowhow': { expect: SIGNED_IN },
  'POST /api/attachments': {
    expect: SIGNED_IN,
    request: async () => {
      const boundary = 'authzboundary';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="memo.txt"\r\nContent-Type: text/plain\r\n\r\nメモ\r\n--${boundary}--\r\n`,
      );
      return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
    },
  },
  'GET /api/attachments/:id': { expect: SIGNED_IN, request: (ctx) => attachmentUrl(ctx, '') },
  'GET /api/attachments/:id/thumb': { expect: SIGNED_IN, request: (ctx) => attachmentUrl(ctx, '/thumb') },
  'POST /api/reports': {
    expect: SIGNED_IN,
    request: async (ctx) => {
      const { p } = await otherPost(ctx);
      return { body: { subjectType: 'post', subjectId: p.id, reason: '不適切です' } };
    },
  },
  'GET /api/moderation/queue': { expect: SIGNED_IN },
  'POST /api/moderation/:subjectType/:subjectId/:action': {
    expect: only('admin'),
    request: async (ctx) => {
      const { p } = await otherPost(ctx);
      return { url: `/api/moderation/post/${p.id}/dismiss` };
    },
  },
  'GET /api/communities/:id/webhooks': { expect: only(), request: communityUrl('/webhooks') },
  'POST /api/communities/:id/webhooks': {
    expect: only(),
    request: async (ctx) => ({ ...(await communityUrl('/webhooks')(ctx)), body: { name: 'bot' } }),
  },
  'DELETE /api/communities/:id/webhooks/:webhookId': {
    expect: only(),
    request: async (ctx) => {
      const { c, hook } = await webhookToken(ctx);
      return { url: `/api/communities/${c.id}/webhooks/${hook.id}` };
    },
  },
  /** Public by design: the secret token in the URL is the credential (no session, no CSRF). */
  'POST /api/hooks/:token': {
    expect: PUBLIC,
    request: async (ctx) => {
      const { hook } = await webhookToken(ctx);
      return { url: hook.path, body: { text: 'CIからのお知らせ' } };
    },
  },
};
