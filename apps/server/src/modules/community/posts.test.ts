import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { formatMention } from '../../platform/markdown.ts';
import {
  errorOf,
  makeComment,
  makeCommunity,
  makePost,
  person,
  readyToPost,
  type CommunityJson,
  type Person,
  type PostJson,
} from './testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(async () => t.close());

/** An open community with an organizer and a member who are both ready to post. */
async function setup(visibility: 'open' | 'private' = 'open') {
  const organizer = await person(t, { name: '運営 太郎' });
  const member = await person(t, { name: '参加 花子' });
  const outsider = await person(t, { name: '部外 次郎' });
  const admin = await person(t, { roles: ['admin'] });
  const c = await makeCommunity(organizer.agent, { visibility });
  if (visibility === 'private')
    await organizer.agent.post(`/api/communities/${c.id}/members`, { userId: member.id });
  await readyToPost(organizer.agent, c.id);
  await readyToPost(member.agent, c.id);
  return { organizer, member, outsider, admin, c };
}

const notifications = async (p: Person) =>
  ((await p.agent.get('/api/notifications')).json() as { items: Array<{ kind: string; link: string }> })
    .items;

describe('posts', () => {
  it('stores the Markdown source and returns sanitised HTML', async () => {
    const { member, c } = await setup();
    const p = await makePost(member.agent, c.id, {
      body: '**大事** <script>alert(1)</script> [x](javascript:alert(1)) [社外](https://example.com)',
    });
    expect(p.body).toBe(
      '**大事** <script>alert(1)</script> [x](javascript:alert(1)) [社外](https://example.com)',
    );
    expect(p.bodyHtml).toContain('<strong>大事</strong>');
    expect(p.bodyHtml).toContain('&lt;script&gt;');
    expect(p.bodyHtml).not.toContain('href="javascript');
    expect(p.bodyHtml).toContain('rel="noopener noreferrer nofollow" target="_blank"');
    expect(p.author).toEqual({ id: member.id, name: '参加 花子' });
  });

  it('requires a body for plain posts and a title for questions, naming the fields', async () => {
    const { member, c } = await setup();
    const res = await member.agent.post(`/api/communities/${c.id}/posts`, { kind: 'question', body: '  ' });
    expect(res.status).toBe(400);
    expect(
      errorOf(res)
        .fields?.map((f) => f.field)
        .sort(),
    ).toEqual(['body', 'title']);
    const misplaced = await member.agent.post(`/api/communities/${c.id}/posts`, { body: 'x', urgent: true });
    expect(errorOf(misplaced).fields).toEqual([
      { field: 'urgent', code: 'invalid_value', message: expect.any(String) },
    ]);
  });

  it('notifies mentioned people (editor syntax and @localpart) who can see the post, once', async () => {
    const { organizer, member, c } = await setup();
    const named = await person(t, { name: '<b>名前</b>', email: `mention-${Date.now()}@example.test` });
    const localpart = named.email.split('@')[0]!;
    const p = await makePost(member.agent, c.id, {
      body: `${formatMention({ id: organizer.id, name: '偽の名前' })} さんと @${localpart}さん、見てください`,
    });
    expect(p.bodyHtml).toContain(`data-user-id="${organizer.id}"`);
    expect(p.bodyHtml).toContain('>@運営 太郎</a>');
    expect(p.bodyHtml).toContain('>@&lt;b&gt;名前&lt;/b&gt;</a>さん');
    expect((await notifications(organizer)).filter((n) => n.kind === 'mention')).toHaveLength(1);
    expect((await notifications(named)).filter((n) => n.kind === 'mention')).toHaveLength(1);
    // Editing without new mentions notifies nobody again.
    await member.agent.patch(`/api/posts/${p.id}`, { body: `${p.body as string} 追記` });
    expect((await notifications(organizer)).filter((n) => n.kind === 'mention')).toHaveLength(1);
  });

  it('does not notify people mentioned in a private community they are not in', async () => {
    const { member, outsider, c } = await setup('private');
    await makePost(member.agent, c.id, { body: formatMention({ id: outsider.id, name: '部外 次郎' }) });
    expect((await notifications(outsider)).filter((n) => n.kind === 'mention')).toHaveLength(0);
  });

  it('keeps the history of edits; only the author edits', async () => {
    const { organizer, member, c } = await setup();
    const p = await makePost(member.agent, c.id, { body: '初版' });
    const edited = (
      await member.agent.patch(`/api/posts/${p.id}`, { body: '第二版', title: '題' })
    ).json() as PostJson;
    expect(edited).toMatchObject({ body: '第二版', title: '題', editedAt: expect.any(String) });
    await member.agent.patch(`/api/posts/${p.id}`, { body: '第三版' });
    const revs = (await organizer.agent.get(`/api/posts/${p.id}/revisions`)).json() as {
      items: Array<{ body: string; title: string | null; editor: { id: string } }>;
    };
    expect(revs.items.map((r) => r.body)).toEqual(['第二版', '初版']);
    expect(revs.items[0]!.editor.id).toBe(member.id);
    expect((await organizer.agent.patch(`/api/posts/${p.id}`, { body: '改ざん' })).status).toBe(403);
  });

  it('soft-deletes: content and history removed, 404 afterwards; organizers may delete, members may not', async () => {
    const { organizer, member, admin, c } = await setup();
    const other = await person(t);
    await readyToPost(other.agent, c.id);
    const p = await makePost(member.agent, c.id, { body: '消す予定' });
    await member.agent.patch(`/api/posts/${p.id}`, { body: '消す予定2' });
    expect((await other.agent.delete(`/api/posts/${p.id}`)).status).toBe(403);
    expect((await member.agent.delete(`/api/posts/${p.id}`)).status).toBe(200);
    expect((await member.agent.get(`/api/posts/${p.id}`)).status).toBe(404);
    expect((await organizer.agent.get(`/api/posts/${p.id}/revisions`)).status).toBe(404);
    const row = await t.deps.db
      .selectFrom('posts')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', body_md: '', body_html: '' });
    const revs = await t.deps.db
      .selectFrom('post_revisions')
      .selectAll()
      .where('post_id', '=', p.id)
      .execute();
    expect(revs).toEqual([]);
    const q = await makePost(member.agent, c.id, { body: '運営が消す' });
    expect((await organizer.agent.delete(`/api/posts/${q.id}`)).status).toBe(200);
    const r = await makePost(member.agent, c.id, { body: '管理者が消す' });
    expect((await admin.agent.delete(`/api/posts/${r.id}`)).status).toBe(200);
  });

  it('lets organizers pin posts, shown first on the community page', async () => {
    const { organizer, member, c } = await setup();
    const old = await makePost(member.agent, c.id, { body: '古い投稿' });
    await makePost(member.agent, c.id, { body: '新しい投稿' });
    expect((await member.agent.post(`/api/posts/${old.id}/pin`)).status).toBe(403);
    expect(((await organizer.agent.post(`/api/posts/${old.id}/pin`)).json() as PostJson).pinned).toBe(true);
    const page = (await member.agent.get(`/api/communities/${c.id}/posts`)).json() as {
      pinned: PostJson[];
      items: PostJson[];
    };
    expect(page.pinned.map((p) => p.id)).toEqual([old.id]);
    expect(((await organizer.agent.post(`/api/posts/${old.id}/unpin`)).json() as PostJson).pinned).toBe(
      false,
    );
  });
});

describe('comments and reactions', () => {
  it('threads comments one level deep and keeps a placeholder for deleted comments with replies', async () => {
    const { organizer, member, outsider, c } = await setup();
    const p = await makePost(member.agent, c.id);
    const top = await makeComment(organizer.agent, p.id, '質問です');
    const reply = await makeComment(member.agent, p.id, '回答です', top.id);
    const deeper = await member.agent.post(`/api/posts/${p.id}/comments`, {
      body: 'さらに',
      parentId: reply.id,
    });
    expect(errorOf(deeper).code).toBe('community.reply_too_deep');
    expect(errorOf(await outsider.agent.post(`/api/posts/${p.id}/comments`, { body: 'x' })).code).toBe(
      'community.membership_required',
    );
    const lonely = await makeComment(member.agent, p.id, '消すコメント');
    await organizer.agent.delete(`/api/comments/${top.id}`);
    await member.agent.delete(`/api/comments/${lonely.id}`);
    const thread = (await outsider.agent.get(`/api/posts/${p.id}/comments`)).json() as {
      items: Array<{ id: string; parentId: string | null; deleted: boolean; body: string; author: unknown }>;
    };
    expect(thread.items).toEqual([
      expect.objectContaining({ id: top.id, deleted: true, body: '', author: null }),
      expect.objectContaining({ id: reply.id, parentId: top.id, deleted: false, body: '回答です' }),
    ]);
    expect(((await member.agent.get(`/api/posts/${p.id}`)).json() as PostJson).commentCount).toBe(1);
  });

  it('lets authors edit their comments; others may not', async () => {
    const { organizer, member, c } = await setup();
    const p = await makePost(member.agent, c.id);
    const cm = await makeComment(member.agent, p.id, '誤字あり');
    expect((await organizer.agent.patch(`/api/comments/${cm.id}`, { body: '他人' })).status).toBe(403);
    const res = await member.agent.patch(`/api/comments/${cm.id}`, { body: '**修正**しました' });
    expect(res.json()).toMatchObject({
      bodyHtml: '<p><strong>修正</strong>しました</p>\n',
      editedAt: expect.any(String),
    });
  });

  it('counts emoji reactions from a fixed set, idempotently, with "mine"', async () => {
    const { organizer, member, outsider, c } = await setup();
    const p = await makePost(member.agent, c.id);
    const put = (who: Person, key: string) => who.agent.request('PUT', `/api/posts/${p.id}/reactions/${key}`);
    await put(organizer, 'tada');
    await put(organizer, 'tada');
    const res = (await put(outsider, 'tada')).json() as { reactions: unknown };
    expect(res.reactions).toEqual([{ key: 'tada', emoji: '🎉', count: 2, mine: true }]);
    expect((await put(outsider, 'skull')).status).toBe(400);
    const post = (await organizer.agent.get(`/api/posts/${p.id}`)).json() as PostJson;
    expect(post.reactions).toEqual([{ key: 'tada', emoji: '🎉', count: 2, mine: true }]);
    const removed = (await organizer.agent.delete(`/api/posts/${p.id}/reactions/tada`)).json() as {
      reactions: unknown;
    };
    expect(removed.reactions).toEqual([{ key: 'tada', emoji: '🎉', count: 1, mine: false }]);
    const cm = await makeComment(member.agent, p.id);
    const onComment = (await organizer.agent.request('PUT', `/api/comments/${cm.id}/reactions/bulb`)).json();
    expect(onComment).toEqual({ reactions: [{ key: 'bulb', emoji: '💡', count: 1, mine: true }] });
    await organizer.agent.delete(`/api/comments/${cm.id}/reactions/bulb`);
    const thread = (await member.agent.get(`/api/posts/${p.id}/comments`)).json() as {
      items: Array<{ reactions: unknown[] }>;
    };
    expect(thread.items[0]!.reactions).toEqual([]);
  });
});

describe('announcements and questions', () => {
  it('lets only organizers announce; readers confirm; organizers see who confirmed', async () => {
    const { organizer, member, outsider, c } = await setup();
    const denied = await member.agent.post(`/api/communities/${c.id}/posts`, {
      kind: 'announcement',
      title: 'お知らせ',
      body: '本文',
    });
    expect(errorOf(denied).code).toBe('community.announcement_organizers_only');
    const a = await makePost(organizer.agent, c.id, {
      kind: 'announcement',
      title: '研修のお知らせ',
      body: '来週の研修について',
      requiresConfirmation: true,
    });
    expect(a.announcement).toEqual({
      companyWide: false,
      requiresConfirmation: true,
      urgent: false,
      confirmedCount: 0,
      confirmedByMe: false,
    });
    expect((await notifications(member)).some((n) => n.kind === 'announcement')).toBe(true);
    const confirmed = (await member.agent.post(`/api/posts/${a.id}/confirm`)).json() as PostJson;
    expect(confirmed.announcement).toMatchObject({ confirmedCount: 1, confirmedByMe: true });
    await member.agent.post(`/api/posts/${a.id}/confirm`);
    await outsider.agent.post(`/api/posts/${a.id}/confirm`);
    const list = (await organizer.agent.get(`/api/posts/${a.id}/confirmations`)).json() as {
      count: number;
      items: Array<{ id: string }>;
    };
    expect(list.count).toBe(2);
    expect(list.items.map((i) => i.id).sort()).toEqual([member.id, outsider.id].sort());
    expect((await member.agent.get(`/api/posts/${a.id}/confirmations`)).status).toBe(403);
    const plain = await makePost(member.agent, c.id);
    expect(errorOf(await member.agent.post(`/api/posts/${plain.id}/confirm`)).code).toBe(
      'community.confirmation_not_requested',
    );
  });

  it('allows company-wide announcements only to admins/HR organizing an open community', async () => {
    const { organizer, c } = await setup();
    const req = { kind: 'announcement', title: '全社', body: '全社への連絡', audience: 'company' };
    expect(errorOf(await organizer.agent.post(`/api/communities/${c.id}/posts`, req)).code).toBe(
      'community.company_wide_not_allowed',
    );
    const hr = await person(t, { roles: ['hr'] });
    const hrCommunity = await makeCommunity(hr.agent);
    await readyToPost(hr.agent, hrCommunity.id);
    const anyone = await person(t);
    const a = await makePost(hr.agent, hrCommunity.id, { ...req, urgent: true });
    expect(a).toMatchObject({ companyWide: true, announcement: { companyWide: true, urgent: true } });
    const feed = (await anyone.agent.get('/api/feed')).json() as { items: PostJson[] };
    expect(feed.items.map((i) => i.id)).toContain(a.id);
    expect((await notifications(anyone)).some((n) => n.kind === 'announcement')).toBe(true);
    const secret = await makeCommunity(hr.agent, { visibility: 'private' });
    await readyToPost(hr.agent, secret.id);
    expect(errorOf(await hr.agent.post(`/api/communities/${secret.id}/posts`, req)).code).toBe(
      'community.company_wide_not_allowed',
    );
  });

  it('lets the asker or an organizer accept one answer', async () => {
    const { organizer, member, c } = await setup();
    const helper = await person(t);
    await readyToPost(helper.agent, c.id);
    const q = await makePost(member.agent, c.id, {
      kind: 'question',
      title: '評価面談の準備',
      body: 'どうしてますか',
    });
    const answer = await makeComment(helper.agent, q.id, 'メモを作ります');
    expect((await helper.agent.post(`/api/posts/${q.id}/accept`, { commentId: answer.id })).status).toBe(403);
    const accepted = (
      await member.agent.post(`/api/posts/${q.id}/accept`, { commentId: answer.id })
    ).json() as PostJson;
    expect(accepted.question).toEqual({ acceptedCommentId: answer.id });
    const thread = (await helper.agent.get(`/api/posts/${q.id}/comments`)).json() as {
      items: Array<{ accepted: boolean }>;
    };
    expect(thread.items[0]!.accepted).toBe(true);
    const cleared = (
      await organizer.agent.post(`/api/posts/${q.id}/accept`, { commentId: null })
    ).json() as PostJson;
    expect(cleared.question).toEqual({ acceptedCommentId: null });
    const elsewhere = await makePost(member.agent, c.id);
    const foreign = await makeComment(helper.agent, elsewhere.id);
    expect(
      errorOf(await member.agent.post(`/api/posts/${q.id}/accept`, { commentId: foreign.id })).code,
    ).toBe('community.comment_not_in_post');
    expect(
      errorOf(await member.agent.post(`/api/posts/${elsewhere.id}/accept`, { commentId: foreign.id })).code,
    ).toBe('community.not_a_question');
  });
});

describe('know-how posts', () => {
  it('validates structured fields per kind and renders them', async () => {
    const { member, c } = await setup();
    const bad = await member.agent.post(`/api/communities/${c.id}/posts`, {
      kind: 'prompt_recipe',
      title: '議事録の要約',
      fields: { goal: ' ', surprise: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(
      errorOf(bad)
        .fields?.map((f) => `${f.field}:${f.code}`)
        .sort(),
    ).toEqual(['fields.goal:required', 'fields.prompt:required', 'fields.surprise:invalid_value']);
    const recipe = await makePost(member.agent, c.id, {
      kind: 'prompt_recipe',
      title: '議事録の要約',
      body: '',
      fields: {
        goal: '会議の**要点**を3行に',
        prompt: '以下を3行で要約して: <script>x</script>',
        tool: 'GPT-4o',
      },
    });
    expect(recipe.fields).toEqual({
      goal: '会議の**要点**を3行に',
      prompt: '以下を3行で要約して: <script>x</script>',
      tool: 'GPT-4o',
    });
    const html = recipe.fieldsHtml as Record<string, string>;
    expect(html.goal).toContain('<strong>要点</strong>');
    expect(html.prompt).toBe('<pre><code>以下を3行で要約して: &lt;script&gt;x&lt;/script&gt;</code></pre>');
    expect(recipe.signals).toEqual({ used: { count: 0, mine: false }, helped: { count: 0, mine: false } });
    const failure = await makePost(member.agent, c.id, {
      kind: 'small_failure',
      title: '丸投げして失敗',
      fields: { tried: '資料を丸ごと', happened: '要点がずれた', learned: '目的を先に書く' },
    });
    expect(failure.kind).toBe('small_failure');
    const onPost = await member.agent.post(`/api/communities/${c.id}/posts`, {
      body: 'x',
      fields: { goal: 'x' },
    });
    expect(errorOf(onPost).fields?.[0]?.field).toBe('fields.goal');
  });

  it('toggles "I used this" and "this helped" (not on one’s own post, not on plain posts)', async () => {
    const { organizer, member, c } = await setup();
    const recipe = await makePost(member.agent, c.id, {
      kind: 'success_case',
      title: '問い合わせ対応の短縮',
      fields: { challenge: '返信が遅い', approach: '下書きをAIで', result: '半分に' },
    });
    const put = (p: Person, s: string) => p.agent.request('PUT', `/api/posts/${recipe.id}/signals/${s}`);
    expect(((await put(organizer, 'used')).json() as { signals: unknown }).signals).toEqual({
      used: { count: 1, mine: true },
      helped: { count: 0, mine: false },
    });
    await put(organizer, 'used');
    await put(organizer, 'helped');
    const after = (await organizer.agent.delete(`/api/posts/${recipe.id}/signals/helped`)).json() as {
      signals: unknown;
    };
    expect(after).toEqual({ signals: { used: { count: 1, mine: true }, helped: { count: 0, mine: false } } });
    expect((await put(member, 'helped')).status).toBe(403);
    const plain = await makePost(member.agent, c.id);
    expect(errorOf(await organizer.agent.request('PUT', `/api/posts/${plain.id}/signals/used`)).code).toBe(
      'community.signal_not_applicable',
    );
  });

  it('lists know-how across communities the reader may see, filterable by kind', async () => {
    const open = await setup();
    const closed = await setup('private');
    const fields = { tried: 't', happened: 'h', learned: 'l' };
    const visible = await makePost(open.member.agent, open.c.id, {
      kind: 'small_failure',
      title: '公開',
      fields,
    });
    const hidden = await makePost(closed.member.agent, closed.c.id, {
      kind: 'small_failure',
      title: '非公開',
      fields,
    });
    await makePost(open.member.agent, open.c.id, { body: 'ふつうの投稿' });
    const reader = await person(t);
    const list = (await reader.agent.get('/api/knowhow?kind=small_failure&limit=50')).json() as {
      items: PostJson[];
    };
    const ids = list.items.map((i) => i.id);
    expect(ids).toContain(visible.id);
    expect(ids).not.toContain(hidden.id);
    expect(list.items.every((i) => i.kind === 'small_failure')).toBe(true);
    const asMember = (await closed.member.agent.get('/api/knowhow?limit=50')).json() as { items: PostJson[] };
    expect(asMember.items.map((i) => i.id)).toContain(hidden.id);
  });
});

describe('private communities hide everything from non-members (admins included)', () => {
  it('answers 404 for posts, threads, history, reactions and actions', async () => {
    const { organizer, member, outsider, admin, c } = await setup('private');
    const p = await makePost(member.agent, c.id, { kind: 'question', title: '非公開の質問', body: '本文' });
    const cm = await makeComment(organizer.agent, p.id);
    for (const who of [outsider, admin]) {
      const calls = [
        who.agent.get(`/api/posts/${p.id}`),
        who.agent.get(`/api/posts/${p.id}/comments`),
        who.agent.get(`/api/posts/${p.id}/revisions`),
        who.agent.get(`/api/communities/${c.id}/posts`),
        who.agent.request('PUT', `/api/posts/${p.id}/reactions/heart`),
        who.agent.request('PUT', `/api/comments/${cm.id}/reactions/heart`),
        who.agent.post(`/api/posts/${p.id}/comments`, { body: 'x' }),
        who.agent.patch(`/api/comments/${cm.id}`, { body: 'x' }),
        who.agent.delete(`/api/comments/${cm.id}`),
        who.agent.delete(`/api/posts/${p.id}`),
        who.agent.post(`/api/posts/${p.id}/pin`),
        who.agent.post(`/api/posts/${p.id}/accept`, { commentId: cm.id }),
        who.agent.post(`/api/reports`, { subjectType: 'post', subjectId: p.id, reason: 'x' }),
        who.agent.post(`/api/communities/${c.id}/posts`, { body: 'x' }),
      ];
      expect((await Promise.all(calls)).map((r) => r.status)).toEqual(calls.map(() => 404));
    }
    expect((await member.agent.get(`/api/posts/${p.id}`)).status).toBe(200);
    const community = (await member.agent.get(`/api/communities/${c.id}`)).json() as CommunityJson;
    expect(community.visibility).toBe('private');
  });
});
