import { describe, expect, it } from 'vitest';
import {
  DRAFT_MAX_AGE_MS,
  DRAFT_MAX_CHARS,
  DRAFTS_PER_USER,
  clearDraft,
  clearOtherUsersDrafts,
  clearUserDrafts,
  draftKey,
  loadDraft,
  packCommentDraft,
  packPostDraft,
  saveDraft,
  sweepExpiredDrafts,
  unpackCommentDraft,
  unpackPostDraft,
  type DraftStorage,
} from './drafts.ts';

/** An in-memory Storage with the same contract as localStorage (optionally with a quota in characters). */
class MemoryStorage implements DraftStorage {
  private items = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  keys() {
    return [...this.items.keys()];
  }
}

const ALICE = 'user-alice';
const BOB = 'user-bob';
const T0 = Date.parse('2026-11-24T03:00:00.000Z');
const comment = (data: unknown) => unpackCommentDraft(data);

describe('community drafts in localStorage', () => {
  it('keys each person’s draft by place, with no collisions between places or people', () => {
    const keys = [
      draftKey(ALICE, { type: 'post', communityId: 'c1' }),
      draftKey(ALICE, { type: 'knowhow', communityId: 'c1', kind: 'prompt_recipe' }),
      draftKey(ALICE, { type: 'knowhow', communityId: 'c1', kind: 'success_case' }),
      draftKey(ALICE, { type: 'comment', postId: 'p1' }),
      draftKey(ALICE, { type: 'reply', postId: 'p1', parentId: 'k1' }),
      draftKey(ALICE, { type: 'reply', postId: 'p1:k1', parentId: '' }),
      draftKey(BOB, { type: 'comment', postId: 'p1' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(draftKey(ALICE, { type: 'comment', postId: 'p1' })).toBe('engawa.draft:user-alice:comment:p1');
  });

  it('restores what was saved, and forgets it when cleared or saved blank', () => {
    const s = new MemoryStorage();
    const key = draftKey(ALICE, { type: 'comment', postId: 'p1' });
    expect(saveDraft(s, ALICE, key, packCommentDraft('研修の資料、ありがとうございます'), T0)).toBe(true);
    expect(loadDraft(s, key, T0 + 60_000, comment)).toBe('研修の資料、ありがとうございます');
    // Someone else, or another place, sees nothing.
    expect(loadDraft(s, draftKey(BOB, { type: 'comment', postId: 'p1' }), T0, comment)).toBeNull();
    expect(loadDraft(s, draftKey(ALICE, { type: 'comment', postId: 'p2' }), T0, comment)).toBeNull();
    // Deleting every character removes the draft.
    expect(saveDraft(s, ALICE, key, packCommentDraft('  \n '), T0)).toBe(false);
    expect(s.getItem(key)).toBeNull();
    saveDraft(s, ALICE, key, packCommentDraft('もう一度'), T0);
    clearDraft(s, key);
    expect(loadDraft(s, key, T0, comment)).toBeNull();
  });

  it('drops a draft untouched for 7 days (counted from the last edit), and unreadable ones', () => {
    const s = new MemoryStorage();
    const key = draftKey(ALICE, { type: 'post', communityId: 'c1' });
    saveDraft(s, ALICE, key, packCommentDraft('一週間前'), T0);
    expect(loadDraft(s, key, T0 + DRAFT_MAX_AGE_MS, comment)).toBe('一週間前');
    saveDraft(s, ALICE, key, packCommentDraft('書き足した'), T0 + DRAFT_MAX_AGE_MS);
    expect(loadDraft(s, key, T0 + DRAFT_MAX_AGE_MS + 1, comment)).toBe('書き足した');
    expect(loadDraft(s, key, T0 + 2 * DRAFT_MAX_AGE_MS + 1, comment)).toBeNull();
    expect(s.getItem(key)).toBeNull();

    for (const raw of ['not json', '{"v":99,"savedAt":1,"data":{}}', 'null', '{"v":1,"savedAt":"x"}']) {
      s.setItem(key, raw);
      expect(loadDraft(s, key, T0, comment)).toBeNull();
      expect(s.getItem(key)).toBeNull();
    }
    // A well-formed envelope with the wrong content is rejected (and removed) too.
    s.setItem(key, JSON.stringify({ v: 1, savedAt: T0, data: { body: 42 } }));
    expect(loadDraft(s, key, T0, comment)).toBeNull();
    expect(s.getItem(key)).toBeNull();
  });

  it('keeps nothing too large (not even the older, shorter version)', () => {
    const s = new MemoryStorage();
    const key = draftKey(ALICE, { type: 'comment', postId: 'p1' });
    saveDraft(s, ALICE, key, packCommentDraft('短い版'), T0);
    expect(saveDraft(s, ALICE, key, packCommentDraft('長'.repeat(DRAFT_MAX_CHARS)), T0 + 1)).toBe(false);
    expect(loadDraft(s, key, T0 + 2, comment)).toBeNull();
    // The longest post the server takes still fits (body 40,000 + five fields of 10,000 + title).
    const longest = packPostDraft({
      kind: 'prompt_recipe',
      title: 'タ'.repeat(200),
      body: '本'.repeat(40_000),
      fields: Object.fromEntries(
        ['goal', 'prompt', 'exampleOutput', 'tips', 'tool'].map((f) => [f, 'x'.repeat(10_000)]),
      ),
    });
    expect(saveDraft(s, ALICE, draftKey(ALICE, { type: 'post', communityId: 'c1' }), longest, T0)).toBe(true);
  });

  it('keeps at most 20 drafts per person, dropping the oldest; other people are untouched', () => {
    const s = new MemoryStorage();
    saveDraft(s, BOB, draftKey(BOB, { type: 'comment', postId: 'bob' }), packCommentDraft('Bob'), T0 - 1000);
    for (let i = 0; i < DRAFTS_PER_USER + 3; i++) {
      saveDraft(
        s,
        ALICE,
        draftKey(ALICE, { type: 'comment', postId: `p${i}` }),
        packCommentDraft(`#${i}`),
        T0 + i,
      );
    }
    const alice = s.keys().filter((k) => k.startsWith('engawa.draft:user-alice:'));
    expect(alice).toHaveLength(DRAFTS_PER_USER);
    expect(loadDraft(s, draftKey(ALICE, { type: 'comment', postId: 'p0' }), T0, comment)).toBeNull();
    expect(loadDraft(s, draftKey(ALICE, { type: 'comment', postId: 'p2' }), T0, comment)).toBeNull();
    expect(loadDraft(s, draftKey(ALICE, { type: 'comment', postId: 'p3' }), T0, comment)).toBe('#3');
    expect(loadDraft(s, draftKey(BOB, { type: 'comment', postId: 'bob' }), T0, comment)).toBe('Bob');
    // Rewriting an existing draft evicts nobody.
    saveDraft(
      s,
      ALICE,
      draftKey(ALICE, { type: 'comment', postId: 'p3' }),
      packCommentDraft('#3 更新'),
      T0 + 99,
    );
    expect(s.keys().filter((k) => k.startsWith('engawa.draft:user-alice:'))).toHaveLength(DRAFTS_PER_USER);
  });

  it('makes room when the storage is full: expired drafts first, then the person’s oldest', () => {
    const s = new MemoryStorage(2_000);
    s.setItem('engawa.locale', 'ja');
    const old = draftKey(BOB, { type: 'comment', postId: 'old' });
    saveDraft(s, BOB, old, packCommentDraft('o'.repeat(600)), T0 - DRAFT_MAX_AGE_MS - 1);
    const a1 = draftKey(ALICE, { type: 'comment', postId: 'a1' });
    const a2 = draftKey(ALICE, { type: 'comment', postId: 'a2' });
    saveDraft(s, ALICE, a1, packCommentDraft('1'.repeat(600)), T0);
    expect(saveDraft(s, ALICE, a2, packCommentDraft('2'.repeat(600)), T0 + 1)).toBe(true);
    expect(s.getItem(old)).toBeNull();
    expect(loadDraft(s, a1, T0 + 2, comment)).toBe('1'.repeat(600));
    const a3 = draftKey(ALICE, { type: 'comment', postId: 'a3' });
    expect(saveDraft(s, ALICE, a3, packCommentDraft('3'.repeat(900)), T0 + 2)).toBe(true);
    expect(s.getItem(a1)).toBeNull();
    expect(loadDraft(s, a3, T0 + 3, comment)).toBe('3'.repeat(900));
    // Settings that are not drafts are never touched.
    expect(s.getItem('engawa.locale')).toBe('ja');
  });

  it('on logout forgets every draft of that person and nothing else; a sweep drops expired ones of anyone', () => {
    const s = new MemoryStorage();
    s.setItem('engawa.locale', 'en');
    saveDraft(s, ALICE, draftKey(ALICE, { type: 'post', communityId: 'c1' }), packCommentDraft('a'), T0);
    saveDraft(
      s,
      ALICE,
      draftKey(ALICE, { type: 'reply', postId: 'p', parentId: 'k' }),
      packCommentDraft('b'),
      T0,
    );
    saveDraft(s, BOB, draftKey(BOB, { type: 'comment', postId: 'p' }), packCommentDraft('c'), T0);
    // A user id that merely starts with Alice's is someone else.
    saveDraft(
      s,
      `${ALICE}x`,
      draftKey(`${ALICE}x`, { type: 'comment', postId: 'p' }),
      packCommentDraft('d'),
      T0,
    );
    clearUserDrafts(s, ALICE);
    expect(s.keys().sort()).toEqual(
      [
        'engawa.locale',
        draftKey(BOB, { type: 'comment', postId: 'p' }),
        draftKey(`${ALICE}x`, { type: 'comment', postId: 'p' }),
      ].sort(),
    );
    s.setItem('engawa.draft:garbage', '{');
    sweepExpiredDrafts(s, T0 + DRAFT_MAX_AGE_MS + 1);
    expect(s.keys()).toEqual(['engawa.locale']);
  });

  it('when someone signs in, drafts other people left in this browser go; theirs stay', () => {
    const s = new MemoryStorage();
    s.setItem('engawa.locale', 'en');
    const alices = draftKey(ALICE, { type: 'post', communityId: 'c1' });
    saveDraft(s, ALICE, alices, packCommentDraft('a'), T0);
    saveDraft(s, BOB, draftKey(BOB, { type: 'comment', postId: 'p' }), packCommentDraft('b'), T0);
    const lookalike = draftKey(`${ALICE}x`, { type: 'comment', postId: 'p' });
    saveDraft(s, `${ALICE}x`, lookalike, packCommentDraft('c'), T0);
    clearOtherUsersDrafts(s, ALICE);
    expect(s.keys().sort()).toEqual(['engawa.locale', alices].sort());
  });

  it('post drafts keep text only, and restore a kind only where it is offered', () => {
    expect(packPostDraft({ kind: 'post', title: ' ', body: '', fields: { goal: '  ' } })).toBeNull();
    expect(
      packPostDraft({ kind: 'prompt_recipe', title: '', body: '', fields: { goal: '要約', tips: '' } }),
    ).toEqual({
      kind: 'prompt_recipe',
      title: '',
      body: '',
      fields: { goal: '要約' },
    });
    const stored = { kind: 'announcement', title: '全社集会', body: '来週です', fields: { x: 1, y: 'ok' } };
    expect(unpackPostDraft(stored, ['post', 'question', 'announcement'], 'post')).toEqual({
      kind: 'announcement',
      title: '全社集会',
      body: '来週です',
      fields: { y: 'ok' },
    });
    // Not an organizer (any more): the text comes back as an ordinary post.
    expect(unpackPostDraft(stored, ['post', 'question'], 'post')?.kind).toBe('post');
    expect(unpackPostDraft({ ...stored, kind: 'nonsense' }, ['post'], 'post')?.kind).toBe('post');
    expect(unpackPostDraft({ title: 1, body: 'x' }, ['post'], 'post')).toBeNull();
    expect(unpackPostDraft('text', ['post'], 'post')).toBeNull();
    expect(unpackCommentDraft({ body: 'ok' })).toBe('ok');
    expect(unpackCommentDraft({ body: ' ' })).toBeNull();
    expect(unpackCommentDraft(null)).toBeNull();
  });
});
