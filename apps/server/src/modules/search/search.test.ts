import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  anonymous,
  createTestApp,
  createUser,
  sessionFor,
  type Agent,
  type TestApp,
} from '../../test/harness.ts';
import { insertComment, insertCommunity, insertPost } from '../../test/community-rows.ts';
import { runCommand } from '../community/events.ts';
import { nowIso } from '../../db/index.ts';
import { searchIndex } from './index-writer.ts';
import { normaliseForSearch, runs } from './normalize.ts';
import { parseQuery } from './query.ts';
import { searchRepo } from './repo.ts';

interface Hit {
  type: string;
  id: string;
  communityId: string;
  communityName: string;
  postId: string | null;
  kind: string | null;
  author: { id: string; name: string | null } | null;
  title: Array<{ text: string; match: boolean }>;
  snippet: Array<{ text: string; match: boolean }>;
  postTitle: string | null;
}
interface Page {
  items: Hit[];
  nextCursor: string | null;
}

const WORDS = [
  '転職',
  '研修',
  '評価',
  '面談',
  'キャリア',
  '目標',
  '振り返り',
  '学び',
  '失敗',
  '成功',
  'プロンプト',
  '生成',
  '活用',
  '会議',
  '資料',
  '作成',
  '新人',
  '上司',
  '相談',
  '挑戦',
  '経験',
  '副業',
  '公募',
  '開発',
  '営業',
  '人事',
  '評',
  '転',
  '修',
  'ｶﾀｶﾅ',
  'ﾌﾟﾛﾝﾌﾟﾄ',
  'ＡＢＣ',
  'AI',
  '１on１',
  'の',
  'を',
  'に',
  'は',
  'が',
  'と',
  'で',
  'した',
  'する',
  'ます',
  '々',
  'ー',
];
const SEPARATORS = ['', '', '', ' ', '、', '。'];

/** A generated Japanese document: words from a small vocabulary (so substrings recur), mixed widths. */
const docText = (min: number, max: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), {
      minLength: min,
      maxLength: max,
    })
    .map((parts) =>
      parts
        .map(([w, s]) => w + s)
        .join('')
        .trim(),
    );

const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

describe('search', () => {
  let t: TestApp;
  let reader: Agent;
  let readerId: string;

  async function searchAll(agent: Agent, params: Record<string, string>): Promise<Hit[]> {
    const hits: Hit[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const qs = new URLSearchParams({ ...params, limit: '50', ...(cursor ? { cursor } : {}) });
      const res = await agent.get(`/api/search?${qs.toString()}`);
      if (res.status !== 200) throw new Error(`search ${qs.toString()}: ${res.status} ${res.body}`);
      const page = res.json() as Page;
      hits.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return hits;
    }
    throw new Error('too many pages');
  }

  beforeAll(async () => {
    t = await createTestApp({ BACKGROUND_JOBS: 'false' });
    const u = await createUser(t);
    readerId = u.id;
    reader = await sessionFor(t, u.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('recall equals a brute-force substring scan for 1-, 2- and 3+-character queries on a generated Japanese corpus', async () => {
    const seed = Number(process.env.SEARCH_SEED ?? 4242);
    const community = await insertCommunity(t, { name: '検索の森' });
    const author = (await createUser(t)).id;
    const posts = fc.sample(fc.tuple(docText(1, 5), docText(5, 40)), { seed, numRuns: 90 });
    const docs: Array<{ key: string; text: string }> = [];
    for (const [i, [title, body]] of posts.entries()) {
      const created = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      const p = await insertPost(t, {
        communityId: community.id,
        authorId: author,
        title,
        body,
        createdAt: created,
      });
      docs.push({ key: `post:${p.id}`, text: `${normaliseForSearch(title)}\n${normaliseForSearch(body)}` });
      if (i % 3 === 0) {
        // Through the community module's events (the listener reads the post row)…
        await runCommand(t.deps, async (_tx, emit) =>
          emit({
            communityId: community.id,
            visibility: 'open',
            actorId: author,
            at: nowIso(),
            type: 'post.created',
            postId: p.id,
            kind: 'post',
            companyWide: false,
          }),
        );
      } else {
        // …or written directly inside a transaction.
        await t.deps.db.transaction().execute((tx) =>
          searchIndex.upsert(tx, {
            type: 'post',
            id: p.id,
            communityId: community.id,
            authorId: author,
            title,
            body,
            createdAt: created,
          }),
        );
      }
    }
    const comments = fc.sample(docText(3, 20), { seed: seed + 1, numRuns: 40 });
    for (const [i, body] of comments.entries()) {
      const postKey = docs[i * 2]!.key.slice('post:'.length);
      const c = await insertComment(t, { postId: postKey, authorId: author, body });
      await runCommand(t.deps, async (_tx, emit) =>
        emit({
          communityId: community.id,
          visibility: 'open',
          actorId: author,
          at: nowIso(),
          type: 'comment.created',
          postId: postKey,
          commentId: c.id,
          parentId: null,
        }),
      );
      docs.push({ key: `comment:${c.id}`, text: `\n${normaliseForSearch(body)}` });
    }

    // Queries: substrings of the corpus's CJK text of each length, plus some that occur nowhere.
    const cjkRuns = docs.flatMap((d) =>
      runs(d.text)
        .filter((r) => r.kind === 'cjk')
        .map((r) => r.chars.join('')),
    );
    const pick = (len: number) =>
      fc
        .constantFrom(...cjkRuns.filter((r) => [...r].length >= len))
        .chain((run) =>
          fc.integer({ min: 0, max: [...run].length - len }).map((i) => [...run].slice(i, i + len).join('')),
        );
    const queries = [
      ...fc.sample(pick(1), { seed, numRuns: 15 }),
      ...fc.sample(pick(2), { seed, numRuns: 25 }),
      ...fc.sample(pick(3), { seed, numRuns: 15 }),
      ...fc.sample(fc.integer({ min: 4, max: 7 }).chain(pick), { seed, numRuns: 15 }),
      '転職',
      '研修',
      '評価',
      '犬',
      '猫の',
      '存在しない言葉',
    ];
    expect(queries.filter((q) => [...q].length === 1).length).toBeGreaterThan(10);
    expect(queries.every((q) => CJK.test(q))).toBe(true);
    let nonEmpty = 0;
    for (const q of new Set(queries)) {
      const expected = docs
        .filter((d) => d.text.includes(normaliseForSearch(q)))
        .map((d) => d.key)
        .sort();
      const hits = await searchAll(reader, { q, communityId: community.id, type: 'post,comment' });
      const got = hits.map((h) => `${h.type}:${h.id}`);
      expect(new Set(got).size, `duplicates for ${q}`).toBe(got.length);
      expect(got.sort(), `query ${q} (seed ${seed})`).toEqual(expected);
      if (expected.length) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(60);

    // The same through the repository with a tiny page and a tiny "newest first" window, so the
    // PostgreSQL two-step search (newest documents, then the index for older ones) and paging
    // across its boundary are exercised too.
    for (const q of [...new Set(queries)].slice(0, 40)) {
      const expected = docs
        .filter((d) => d.text.includes(normaliseForSearch(q)))
        .map((d) => d.key)
        .sort();
      const got: string[] = [];
      let cursor: { id: number } | undefined;
      for (let guard = 0; guard < 200; guard++) {
        const rows = await searchRepo.search(t.deps.db, {
          userId: readerId,
          terms: parseQuery(q).terms,
          communityId: community.id,
          types: ['post', 'comment'],
          cursor,
          limit: 4,
          scanMax: 1_000_000,
          recentWindow: 7,
        });
        got.push(...rows.map((r) => `${r.doc_type}:${r.doc_id}`));
        if (rows.length < 4) break;
        cursor = { id: Number(rows[rows.length - 1]!.id) };
      }
      expect(got.sort(), `repository, query ${q}`).toEqual(expected);
    }
  });

  it('matches full-width/half-width and case variants (NFKC) and highlights the original text', async () => {
    const community = await insertCommunity(t, { name: '幅の広場' });
    const p1 = await insertPost(t, {
      communityId: community.id,
      authorId: readerId,
      title: 'ＡＢＣ研修の報告',
      body: 'ｶﾀｶﾅで書いたﾒﾓ',
    });
    const p2 = await insertPost(t, {
      communityId: community.id,
      authorId: readerId,
      title: 'abc の使い方',
      body: 'カタカナのメモ',
    });
    for (const p of [p1, p2]) {
      await runCommand(t.deps, async (_tx, emit) =>
        emit({
          communityId: community.id,
          visibility: 'open',
          actorId: readerId,
          at: nowIso(),
          type: 'post.created',
          postId: p.id,
          kind: 'post',
          companyWide: false,
        }),
      );
    }
    for (const q of ['abc', 'ABC', 'ＡＢＣ', 'ａｂｃ']) {
      const hits = await searchAll(reader, { q, communityId: community.id });
      expect(hits.map((h) => h.id).sort(), q).toEqual([p1.id, p2.id].sort());
    }
    for (const q of ['カタカナ', 'ｶﾀｶﾅ', 'メモ', 'ﾒﾓ']) {
      const hits = await searchAll(reader, { q, communityId: community.id });
      expect(hits.map((h) => h.id).sort(), q).toEqual([p1.id, p2.id].sort());
    }
    const [hit] = await searchAll(reader, { q: 'abc 研修', communityId: community.id });
    expect(hit!.id).toBe(p1.id);
    expect(hit!.title).toEqual([
      { text: 'ＡＢＣ研修', match: true },
      { text: 'の報告', match: false },
    ]);
    const [kana] = await searchAll(reader, { q: 'カタカナ', communityId: community.id, type: 'post' }).then(
      (h) => h.filter((x) => x.id === p1.id),
    );
    expect(kana!.snippet).toEqual([
      { text: 'ｶﾀｶﾅ', match: true },
      { text: 'で書いたﾒﾓ', match: false },
    ]);
  });

  it('never shows a private community’s content to a non-member (admins included), nor hidden or deleted posts', async () => {
    const member = await createUser(t);
    const admin = await createUser(t, { roles: ['admin'] });
    const memberAgent = await sessionFor(t, member.id);
    const adminAgent = await sessionFor(t, admin.id);
    const secret = await insertCommunity(t, {
      name: '機密プロジェクト室',
      visibility: 'private',
      members: [{ userId: member.id }],
      purpose: '機密の企画を相談する',
    });
    const open = await insertCommunity(t, { name: '公開の部屋' });
    const inSecret = await insertPost(t, {
      communityId: secret.id,
      authorId: member.id,
      title: '極秘企画の進め方',
      body: '極秘企画です',
    });
    const secretComment = await insertComment(t, {
      postId: inSecret.id,
      authorId: member.id,
      body: '極秘企画に賛成',
    });
    const hidden = await insertPost(t, {
      communityId: open.id,
      authorId: member.id,
      title: '極秘企画の噂',
      status: 'hidden',
    });
    const deleted = await insertPost(t, {
      communityId: open.id,
      authorId: member.id,
      title: '極秘企画の話',
      deletedAt: nowIso(),
    });
    const visible = await insertPost(t, {
      communityId: open.id,
      authorId: member.id,
      title: '極秘企画ではない話',
    });
    const hiddenComment = await insertComment(t, {
      postId: visible.id,
      authorId: member.id,
      body: '極秘企画のコメント',
      status: 'hidden',
    });
    const underHidden = await insertComment(t, {
      postId: hidden.id,
      authorId: member.id,
      body: '極秘企画への返事',
    });
    const emits = [
      { c: secret, type: 'post.created' as const, postId: inSecret.id },
      { c: open, type: 'post.created' as const, postId: hidden.id },
      { c: open, type: 'post.created' as const, postId: deleted.id },
      { c: open, type: 'post.created' as const, postId: visible.id },
    ];
    for (const e of emits) {
      await runCommand(t.deps, async (_tx, emit) =>
        emit({
          communityId: e.c.id,
          visibility: e.c === secret ? 'private' : 'open',
          actorId: member.id,
          at: nowIso(),
          type: e.type,
          postId: e.postId,
          kind: 'post',
          companyWide: false,
        }),
      );
    }
    await t.deps.db.transaction().execute(async (tx) => {
      for (const [c, postId, cm] of [
        [secret, inSecret.id, secretComment],
        [open, visible.id, hiddenComment],
        [open, hidden.id, underHidden],
      ] as const) {
        await searchIndex.upsert(tx, {
          type: 'comment',
          id: cm.id,
          communityId: c.id,
          postId,
          authorId: member.id,
          body: '極秘企画のコメント',
          createdAt: nowIso(),
        });
      }
      await searchIndex.upsert(tx, {
        type: 'community',
        id: secret.id,
        communityId: secret.id,
        title: secret.name,
        body: '機密の企画を相談する',
        createdAt: nowIso(),
      });
    });

    const ids = async (agent: Agent, q: string) => (await searchAll(agent, { q })).map((h) => h.id).sort();
    expect(await ids(reader, '極秘企画の')).toEqual([]);
    expect(await ids(memberAgent, '極秘企画の')).toEqual([inSecret.id, secretComment.id].sort());
    for (const q of ['極秘企画', '極']) {
      expect(await ids(reader, q), q).toEqual([visible.id]);
      expect(await ids(adminAgent, q), q).toEqual([visible.id]);
      expect(await ids(memberAgent, q), q).toEqual([inSecret.id, secretComment.id, visible.id].sort());
    }
    expect(await ids(reader, '機密')).toEqual([]);
    expect(await ids(adminAgent, '機密プロジェクト')).toEqual([]);
    expect(await ids(memberAgent, '機密プロジェクト')).toEqual([secret.id]);

    // Deleting the post through the community module removes it and its comments from the index.
    await runCommand(t.deps, async (_tx, emit) =>
      emit({
        communityId: secret.id,
        visibility: 'private',
        actorId: member.id,
        at: nowIso(),
        type: 'post.deleted',
        postId: inSecret.id,
      }),
    );
    expect(await ids(memberAgent, '極秘企画')).toEqual([visible.id]);
    const rows = await t.deps.db
      .selectFrom('search_docs')
      .select('doc_id')
      .where('post_id', '=', inSecret.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('filters by community, type, post kind and author', async () => {
    const [a, b] = [await createUser(t), await createUser(t)];
    const c1 = await insertCommunity(t, { name: '絞り込み一' });
    const c2 = await insertCommunity(t, { name: '絞り込み二' });
    const recipe = await insertPost(t, {
      communityId: c1.id,
      authorId: a.id,
      title: '絞込語のレシピ',
      kind: 'prompt_recipe',
    });
    const plain = await insertPost(t, { communityId: c2.id, authorId: b.id, title: '絞込語の投稿' });
    const comment = await insertComment(t, { postId: plain.id, authorId: a.id, body: '絞込語のコメント' });
    await t.deps.db.transaction().execute(async (tx) => {
      await searchIndex.upsert(tx, {
        type: 'post',
        id: recipe.id,
        communityId: c1.id,
        authorId: a.id,
        postKind: 'prompt_recipe',
        title: '絞込語のレシピ',
        body: '',
        createdAt: nowIso(),
      });
      await searchIndex.upsert(tx, {
        type: 'post',
        id: plain.id,
        communityId: c2.id,
        authorId: b.id,
        title: '絞込語の投稿',
        body: '',
        createdAt: nowIso(),
      });
      await searchIndex.upsert(tx, {
        type: 'comment',
        id: comment.id,
        communityId: c2.id,
        postId: plain.id,
        authorId: a.id,
        body: '絞込語のコメント',
        createdAt: nowIso(),
      });
    });
    const ids = async (params: Record<string, string>) =>
      (await searchAll(reader, { q: '絞込語', ...params })).map((h) => h.id).sort();
    expect(await ids({})).toEqual([recipe.id, plain.id, comment.id].sort());
    expect(await ids({ communityId: c2.id })).toEqual([plain.id, comment.id].sort());
    expect(await ids({ type: 'comment' })).toEqual([comment.id]);
    expect(await ids({ kind: 'prompt_recipe' })).toEqual([recipe.id]);
    expect(await ids({ authorId: a.id })).toEqual([recipe.id, comment.id].sort());
    const [c] = await searchAll(reader, { q: '絞込語', type: 'comment' });
    expect(c).toMatchObject({
      postId: plain.id,
      postTitle: '絞込語の投稿',
      communityName: '絞り込み二',
      title: [],
    });
  });

  it('validates the query', async () => {
    expect((await reader.get('/api/search?q=%E3%80%82%EF%BC%81')).status).toBe(400);
    const res = await reader.get('/api/search?q=---');
    expect((res.json() as { error: { code: string; fields: Array<{ field: string }> } }).error).toMatchObject(
      {
        code: 'search.query_required',
        fields: [{ field: 'q' }],
      },
    );
    expect((await reader.get('/api/search')).status).toBe(400);
    expect((await reader.get('/api/search?q=a&type=everything')).status).toBe(400);
    expect((await reader.get('/api/search?q=a&cursor=zz')).status).toBe(400);
    expect((await (await anonymous(t)).get('/api/search?q=研修')).status).toBe(401);
  });
});
