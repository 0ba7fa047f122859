import os from 'node:os';
import { createTestApp, createUser, sessionFor } from '../apps/server/src/test/harness.ts';
import { addMember, insertCommunity } from '../apps/server/src/test/community-rows.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { searchIndex } from '../apps/server/src/modules/search/index-writer.ts';
import { nowMs, summary, type BenchResult } from './lib.ts';

/**
 * Search latency through the HTTP layer (app.inject, first page of 20) on a generated Japanese
 * corpus of `POSTS` posts in 20 communities (5 private; the reader belongs to 2 of them), for
 * 1-character queries (bounded substring scan), 2-character queries (bigram index) and longer ones.
 */
const POSTS = Number(process.env.BENCH_SEARCH_POSTS ?? 100_000);
const REPS = Number(process.env.BENCH_SEARCH_REPS ?? 20);

const KANJI =
  '研修評価転職面談目標挑戦経験学習成長改善業務会議資料作成企画開発営業人事採用育成支援相談共有発表報告連絡確認準備計画実行結果課題解決提案検討導入活用効率品質顧客対応社内外部署上司部下同僚新人先輩後輩自分仕事時間場所方法理由';
const KATAKANA = [
  'キャリア',
  'プロンプト',
  'チーム',
  'リーダー',
  'プロジェクト',
  'ミーティング',
  'フィードバック',
  'スキル',
  'データ',
  'ツール',
];
const PARTICLES = [
  'の',
  'を',
  'に',
  'は',
  'が',
  'と',
  'で',
  'も',
  'から',
  'まで',
  'ました',
  'です',
  'ます',
  'について',
  'ための',
  '、',
  '。',
];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kanjiWord = () => KANJI[Math.floor(r() * KANJI.length)]! + KANJI[Math.floor(r() * KANJI.length)]!;
  const word = () => (r() < 0.2 ? pick(KATAKANA) : kanjiWord());
  const sentence = () => {
    const n = 4 + Math.floor(r() * 8);
    let s = '';
    for (let i = 0; i < n; i++) s += word() + pick(PARTICLES);
    return `${s}。`;
  };
  return {
    title: () => `${word()}${pick(PARTICLES)}${word()}`,
    body: () => Array.from({ length: 2 + Math.floor(r() * 5) }, sentence).join(''),
  };
}

const QUERIES: Record<string, string[]> = {
  '1 char': ['研', 'の', 'ア', '修', '鰻'],
  '2 chars': ['転職', '研修', '評価', '面談', 'ーダ'],
  '3+ chars': ['プロンプト', '新人研修', '評価面談', 'フィードバック', 'キャリア相談'],
};
const TARGETS: Record<string, number> = { '1 char': 300, '2 chars': 300, '3+ chars': 100 };

export async function run(): Promise<BenchResult> {
  const t = await createTestApp({ BACKGROUND_JOBS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const reader = await createUser(t);
    const author = await createUser(t);
    const communities: Array<{ id: string }> = [];
    for (let i = 0; i < 20; i++) {
      const c = await insertCommunity(t, { visibility: i < 5 ? 'private' : 'open' });
      if (i < 2) await addMember(t, c.id, reader.id);
      communities.push(c);
    }
    const gen = generator(20261124);
    const buildStart = nowMs();
    const BATCH = 1000;
    for (let i = 0; i < POSTS; i += BATCH) {
      await t.deps.db.transaction().execute(async (tx) => {
        const rows = Array.from({ length: Math.min(BATCH, POSTS - i) }, (_, k) => {
          const n = i + k;
          const title = gen.title();
          const body = n % 10000 === 7 ? `${gen.body()}鰻重` : gen.body();
          return {
            id: newId(),
            community_id: communities[n % communities.length]!.id,
            author_id: author.id,
            webhook_id: null,
            kind: 'post',
            title,
            body_md: body,
            body_html: body,
            fields: null,
            fields_html: null,
            pinned_at: null,
            accepted_comment_id: null,
            status: 'visible',
            created_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
            updated_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
            edited_at: null,
            deleted_at: null,
          };
        });
        for (let j = 0; j < rows.length; j += 100)
          await tx
            .insertInto('posts')
            .values(rows.slice(j, j + 100))
            .execute();
        for (const p of rows) {
          await searchIndex.upsert(tx, {
            type: 'post',
            id: p.id,
            communityId: p.community_id,
            authorId: p.author_id,
            title: p.title,
            body: p.body_md,
            createdAt: p.created_at,
          });
        }
      });
    }
    const buildSeconds = (nowMs() - buildStart) / 1000;
    const agent = await sessionFor(t, reader.id);
    const cookie = `engawa_session=${agent.cookies.engawa_session}`;
    const metrics: BenchResult['metrics'] = [];
    const details: Record<string, unknown> = {
      posts: POSTS,
      buildSeconds,
      perQuery: {} as Record<string, unknown>,
    };
    const loadBefore = os.loadavg()[0]!;
    for (const [cls, queries] of Object.entries(QUERIES)) {
      const times: number[] = [];
      for (const q of queries) {
        const own: number[] = [];
        for (let rep = 0; rep < REPS + 2; rep++) {
          const start = nowMs();
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/search?q=${encodeURIComponent(q)}&limit=20`,
            headers: { cookie },
          });
          const ms = nowMs() - start;
          if (res.statusCode !== 200) throw new Error(`search ${q}: ${res.statusCode} ${res.body}`);
          if (rep >= 2) own.push(ms); // the first two warm caches
        }
        times.push(...own);
        (details.perQuery as Record<string, unknown>)[q] = summary(own);
      }
      const s = summary(times);
      metrics.push(
        { name: `search ${cls}, p50`, unit: 'ms', value: s.p50 },
        { name: `search ${cls}, p95`, unit: 'ms', value: s.p95, target: TARGETS[cls] },
      );
    }
    return {
      name: 'search',
      metrics,
      notes: [
        `${POSTS} generated Japanese posts (${t.deps.database.dialect}); index built in ${buildSeconds.toFixed(0)} s through searchIndex.upsert.`,
        `Each query ${REPS} times after 2 warm-ups, first page of 20, through app.inject with a signed-in reader; queries: ${Object.values(QUERIES).flat().join(' ')}.`,
        '鰻 occurs in 1 of 10,000 documents: the 1-character worst case (fewer matches than a page, so every document is scanned).',
        `Machine: ${os.cpus().length} CPUs, load ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after.`,
      ],
      details,
    };
  } finally {
    await t.close();
  }
}
