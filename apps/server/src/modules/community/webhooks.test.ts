import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncomingWebhook } from '@slack/webhook';
import { COMMUNITY_LIMITS } from '@engawa/shared';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { makeCommunity, person, type PostJson } from './testing.ts';

/**
 * Incoming webhooks, exercised with Slack's own client (@slack/webhook) against the app listening
 * on a real loopback port: what a CI tool or a monitoring system would do.
 */
let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

type HookJson = { id: string; name: string; url: string; path: string };

async function communityWithHook(visibility: 'open' | 'private' = 'open') {
  const organizer = await person(t);
  const member = await person(t);
  const c = await makeCommunity(organizer.agent, { visibility });
  await organizer.agent.post(`/api/communities/${c.id}/members`, { userId: member.id });
  const res = await organizer.agent.post(`/api/communities/${c.id}/webhooks`, { name: 'CIボット' });
  expect(res.status).toBe(201);
  const hook = res.json() as HookJson;
  return { organizer, member, c, hook, url: `${origin}${hook.path}` };
}

const newestPost = async (agent: Awaited<ReturnType<typeof person>>['agent'], communityId: string) =>
  ((await agent.get(`/api/communities/${communityId}/posts?limit=1`)).json() as { items: PostJson[] })
    .items[0]!;

describe('incoming webhooks', () => {
  it('are created and revoked by organizers only; the token is shown once and stored hashed', async () => {
    const { organizer, member, c, hook } = await communityWithHook();
    expect(hook.url).toMatch(/^http:\/\/.+\/api\/hooks\/[A-Za-z0-9_-]{43}$/);
    expect((await member.agent.post(`/api/communities/${c.id}/webhooks`, { name: 'x' })).status).toBe(403);
    expect((await member.agent.get(`/api/communities/${c.id}/webhooks`)).status).toBe(403);
    const list = (await organizer.agent.get(`/api/communities/${c.id}/webhooks`)).json() as {
      items: HookJson[];
    };
    expect(list.items).toEqual([
      { id: hook.id, name: 'CIボット', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(JSON.stringify(list)).not.toContain(hook.path.split('/').pop()!);
    const rows = await t.deps.db.selectFrom('community_webhooks').select('token_hash').execute();
    expect(rows.every((r) => !hook.url.includes(r.token_hash))).toBe(true);
    expect((await member.agent.delete(`/api/communities/${c.id}/webhooks/${hook.id}`)).status).toBe(403);
    expect((await organizer.agent.delete(`/api/communities/${c.id}/webhooks/${hook.id}`)).status).toBe(200);
    expect((await organizer.agent.delete(`/api/communities/${c.id}/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('accept Slack-format messages from @slack/webhook and post them as the webhook', async () => {
    const { member, c, url } = await communityWithHook();
    const client = new IncomingWebhook(url);
    const result = await client.send({
      text: 'ビルド *成功* <https://ci.example.com/build/42|#42> by <@U024BE7LH> <script>alert(1)</script>',
      username: '社長', // ignored: a webhook never impersonates a person
    });
    expect(result.text).toBe('ok');
    const post = await newestPost(member.agent, c.id);
    expect(post).toMatchObject({ author: null, webhook: { name: 'CIボット' }, kind: 'post' });
    expect(post.bodyHtml).toContain('<strong>成功</strong>');
    expect(post.bodyHtml).toContain(
      '<a href="https://ci.example.com/build/42" rel="noopener noreferrer nofollow" target="_blank">#42</a>',
    );
    expect(post.bodyHtml).toContain('&lt;@U024BE7LH&gt;');
    expect(post.bodyHtml).toContain('&lt;script&gt;');
    expect(post.bodyHtml).not.toContain('<script');
    expect(post.abilities.edit).toBe(false);

    await client.send({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '障害報告' } },
        { type: 'section', text: { type: 'mrkdwn', text: '_影響範囲_: ~なし~ 一部' } },
        { type: 'divider' },
      ],
      attachments: [{ title: '詳細', title_link: 'https://status.example.com', text: '*復旧済み*' }],
    });
    const rich = await newestPost(member.agent, c.id);
    expect(rich.bodyHtml).toContain('<h2>障害報告</h2>');
    expect(rich.bodyHtml).toContain('<em>影響範囲</em>: <s>なし</s> 一部');
    expect(rich.bodyHtml).toContain('<hr />');
    expect(rich.bodyHtml).toContain('<strong><a href="https://status.example.com"');
    expect(rich.bodyHtml).toContain('<strong>復旧済み</strong>');
    expect(rich.bodyHtml).not.toContain('fallback');
  });

  it('post into private communities for members only', async () => {
    const { member, c, url } = await communityWithHook('private');
    await new IncomingWebhook(url).send('非公開のお知らせ');
    const post = await newestPost(member.agent, c.id);
    expect(post.bodyHtml).toBe('<p>非公開のお知らせ</p>\n');
    const outsider = await person(t);
    expect((await outsider.agent.get(`/api/posts/${post.id}`)).status).toBe(404);
  });

  it('refuse revoked or unknown tokens and empty payloads; need no CSRF token or session', async () => {
    const { organizer, c, hook, url } = await communityWithHook();
    const empty = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { code: string } }).error.code).toBe(
      'community.webhook_invalid_payload',
    );
    await expect(new IncomingWebhook(`${origin}/api/hooks/${'x'.repeat(43)}`).send('x')).rejects.toThrow(
      /404/,
    );
    await organizer.agent.delete(`/api/communities/${c.id}/webhooks/${hook.id}`);
    await expect(new IncomingWebhook(url).send('x')).rejects.toThrow(/404/);
  });

  it('are rate-limited per token', async () => {
    const { url } = await communityWithHook();
    const statuses: number[] = [];
    for (let i = 0; i <= COMMUNITY_LIMITS.webhookPerMinute; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `通知 ${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, COMMUNITY_LIMITS.webhookPerMinute).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await communityWithHook();
    expect((await new IncomingWebhook(other.url).send('別のトークン')).text).toBe('ok');
  });

  it('answers validation errors with field names', async () => {
    const { url } = await communityWithHook();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 42 }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Array<{ field: string }> } };
    expect(body.error.fields[0]!.field).toBe('text');
  });
});
