import { KNOWHOW_FIELDS, REACTIONS, type KnowhowKind } from '@engawa/shared';
import { sql, type Insertable } from 'kysely';
import type { DB } from '../apps/server/src/db/schema.ts';
import { createTestApp, type TestApp } from '../apps/server/src/test/harness.ts';
import { newId } from '../apps/server/src/platform/ids.ts';
import { nameSearchText } from '../apps/server/src/modules/identity/userSearch.ts';
import { nameKey } from '../apps/server/src/modules/community/communities.ts';
import { renderFields } from '../apps/server/src/modules/community/knowhow.ts';
import { searchIndex } from '../apps/server/src/modules/search/index-writer.ts';
import { indexCommunity, markdownToText } from '../apps/server/src/modules/search/community-events.ts';
import { monoMs, rng } from './lib.ts';

/**
 * The generated company the feed, search and realtime benches share (issue #4, "Speed"): one
 * database, generated once per process (`company()` is memoised), so `npm run bench community` (or
 * `feed search realtime`) measures all three on the same data in the same run.
 *
 * - BENCH_USERS people (10,000) with Japanese names, kana and romaji;
 * - 60 communities (10 private, with reasons), of very different sizes: 全社ひろば holds 70 % of the
 *   company, most others 0.5–12 %, private ones 0.1–1 %; one or two organizers each;
 * - BENCH_POSTS posts (100,000; 1,000,000 is the documented "1M" option) over the last year, spread
 *   over communities by size, by members of each; varied Japanese text (random kanji words, katakana
 *   terms, particles), 鰻 in 1 of 10,000 posts (the worst case of a one-character search); questions,
 *   know-how posts (prompt recipes, success cases, small failures), community announcements and every
 *   1,000th post a company-wide announcement;
 * - reactions on about 12 % of posts (1–5 each);
 * - every post and community indexed through the real index writer (`searchIndex.upsert`,
 *   `indexCommunity`), in time order, inside the transaction that inserts it — as the app does.
 * Rows go in with multi-row inserts, 5,000 posts per transaction; each step's time is printed.
 * The reader (the person the benches read as) belongs to 2 private and 10 open communities.
 */
export const BENCH_USERS = Number(process.env.BENCH_USERS ?? 10_000);
export const BENCH_POSTS = Number(process.env.BENCH_POSTS ?? 100_000);
export const COMMUNITY_COUNT = 60;
export const PRIVATE_COUNT = 10;

export interface CompanyPerson {
  id: string;
  email: string;
  name: string;
}

export interface CompanyCommunity {
  id: string;
  name: string;
  visibility: 'open' | 'private';
  /** Member ids, organizers first. */
  members: string[];
  organizers: string[];
  posts: number;
}

export interface Company {
  /** The app on the company's database (shared by the benches; closed by `closeCompany`). */
  t: TestApp;
  people: CompanyPerson[];
  /** Member of 2 private and 10 open communities (全社ひろば among them), not of お知らせ. */
  reader: CompanyPerson;
  readerCommunities: CompanyCommunity[];
  communities: CompanyCommunity[];
  /** 全社ひろば, the largest open community. */
  plaza: CompanyCommunity;
  counts: {
    people: number;
    communities: number;
    privateCommunities: number;
    memberships: number;
    posts: number;
    announcements: number;
    companyWide: number;
    knowhow: number;
    reactions: number;
    searchDocs: number;
    umami: number;
  };
  /** How long each generation step took (seconds). */
  steps: Record<string, number>;
  generatedSeconds: number;
  /** One line for the benches' notes: sizes, dialect, generation time. */
  summary: string;
}

/* ---------- people ---------- */

type NamePart = readonly [kanji: string, kana: string, romaji: string];

const FAMILY: readonly NamePart[] = [
  ['佐藤', 'さとう', 'Sato'],
  ['鈴木', 'すずき', 'Suzuki'],
  ['高橋', 'たかはし', 'Takahashi'],
  ['田中', 'たなか', 'Tanaka'],
  ['伊藤', 'いとう', 'Ito'],
  ['渡辺', 'わたなべ', 'Watanabe'],
  ['山本', 'やまもと', 'Yamamoto'],
  ['中村', 'なかむら', 'Nakamura'],
  ['小林', 'こばやし', 'Kobayashi'],
  ['加藤', 'かとう', 'Kato'],
  ['吉田', 'よしだ', 'Yoshida'],
  ['山田', 'やまだ', 'Yamada'],
  ['佐々木', 'ささき', 'Sasaki'],
  ['山口', 'やまぐち', 'Yamaguchi'],
  ['松本', 'まつもと', 'Matsumoto'],
  ['井上', 'いのうえ', 'Inoue'],
  ['木村', 'きむら', 'Kimura'],
  ['林', 'はやし', 'Hayashi'],
  ['斎藤', 'さいとう', 'Saito'],
  ['清水', 'しみず', 'Shimizu'],
  ['山崎', 'やまざき', 'Yamazaki'],
  ['森', 'もり', 'Mori'],
  ['池田', 'いけだ', 'Ikeda'],
  ['橋本', 'はしもと', 'Hashimoto'],
  ['阿部', 'あべ', 'Abe'],
  ['石川', 'いしかわ', 'Ishikawa'],
  ['山下', 'やました', 'Yamashita'],
  ['中島', 'なかじま', 'Nakajima'],
  ['石井', 'いしい', 'Ishii'],
  ['小川', 'おがわ', 'Ogawa'],
  ['前田', 'まえだ', 'Maeda'],
  ['岡田', 'おかだ', 'Okada'],
  ['長谷川', 'はせがわ', 'Hasegawa'],
  ['藤田', 'ふじた', 'Fujita'],
  ['後藤', 'ごとう', 'Goto'],
  ['近藤', 'こんどう', 'Kondo'],
  ['村上', 'むらかみ', 'Murakami'],
  ['遠藤', 'えんどう', 'Endo'],
  ['青木', 'あおき', 'Aoki'],
  ['坂本', 'さかもと', 'Sakamoto'],
  ['福田', 'ふくだ', 'Fukuda'],
  ['太田', 'おおた', 'Ota'],
  ['西村', 'にしむら', 'Nishimura'],
  ['藤井', 'ふじい', 'Fujii'],
  ['金子', 'かねこ', 'Kaneko'],
  ['岡本', 'おかもと', 'Okamoto'],
  ['藤原', 'ふじわら', 'Fujiwara'],
  ['中野', 'なかの', 'Nakano'],
  ['三浦', 'みうら', 'Miura'],
  ['原田', 'はらだ', 'Harada'],
  ['中川', 'なかがわ', 'Nakagawa'],
  ['松田', 'まつだ', 'Matsuda'],
  ['竹内', 'たけうち', 'Takeuchi'],
  ['小野', 'おの', 'Ono'],
  ['田村', 'たむら', 'Tamura'],
  ['中山', 'なかやま', 'Nakayama'],
  ['和田', 'わだ', 'Wada'],
  ['石田', 'いしだ', 'Ishida'],
  ['森田', 'もりた', 'Morita'],
  ['上田', 'うえだ', 'Ueda'],
  ['原', 'はら', 'Hara'],
  ['柴田', 'しばた', 'Shibata'],
  ['酒井', 'さかい', 'Sakai'],
  ['工藤', 'くどう', 'Kudo'],
  ['横山', 'よこやま', 'Yokoyama'],
  ['宮崎', 'みやざき', 'Miyazaki'],
  ['宮本', 'みやもと', 'Miyamoto'],
  ['内田', 'うちだ', 'Uchida'],
  ['高木', 'たかぎ', 'Takagi'],
  ['安藤', 'あんどう', 'Ando'],
  ['島田', 'しまだ', 'Shimada'],
  ['谷口', 'たにぐち', 'Taniguchi'],
  ['大野', 'おおの', 'Ono'],
  ['丸山', 'まるやま', 'Maruyama'],
  ['今井', 'いまい', 'Imai'],
  ['河野', 'こうの', 'Kono'],
  ['藤本', 'ふじもと', 'Fujimoto'],
  ['武田', 'たけだ', 'Takeda'],
  ['上野', 'うえの', 'Ueno'],
  ['杉山', 'すぎやま', 'Sugiyama'],
  ['増田', 'ますだ', 'Masuda'],
  ['大塚', 'おおつか', 'Otsuka'],
  ['平野', 'ひらの', 'Hirano'],
  ['菅原', 'すがわら', 'Sugawara'],
  ['久保', 'くぼ', 'Kubo'],
  ['千葉', 'ちば', 'Chiba'],
  ['岩崎', 'いわさき', 'Iwasaki'],
  ['桜井', 'さくらい', 'Sakurai'],
  ['野口', 'のぐち', 'Noguchi'],
  ['菊地', 'きくち', 'Kikuchi'],
];

const GIVEN: readonly NamePart[] = [
  ['翔太', 'しょうた', 'Shota'],
  ['大輔', 'だいすけ', 'Daisuke'],
  ['拓也', 'たくや', 'Takuya'],
  ['健太', 'けんた', 'Kenta'],
  ['直樹', 'なおき', 'Naoki'],
  ['和也', 'かずや', 'Kazuya'],
  ['達也', 'たつや', 'Tatsuya'],
  ['蓮', 'れん', 'Ren'],
  ['悠真', 'ゆうま', 'Yuma'],
  ['陽翔', 'はると', 'Haruto'],
  ['湊', 'みなと', 'Minato'],
  ['大和', 'やまと', 'Yamato'],
  ['誠', 'まこと', 'Makoto'],
  ['隆', 'たかし', 'Takashi'],
  ['浩二', 'こうじ', 'Koji'],
  ['健一', 'けんいち', 'Kenichi'],
  ['修', 'おさむ', 'Osamu'],
  ['聡', 'さとし', 'Satoshi'],
  ['亮', 'りょう', 'Ryo'],
  ['優太', 'ゆうた', 'Yuta'],
  ['雄一', 'ゆういち', 'Yuichi'],
  ['康介', 'こうすけ', 'Kosuke'],
  ['洋平', 'ようへい', 'Yohei'],
  ['智也', 'ともや', 'Tomoya'],
  ['慎吾', 'しんご', 'Shingo'],
  ['拓海', 'たくみ', 'Takumi'],
  ['颯太', 'そうた', 'Sota'],
  ['陸', 'りく', 'Riku'],
  ['一郎', 'いちろう', 'Ichiro'],
  ['正樹', 'まさき', 'Masaki'],
  ['秀樹', 'ひでき', 'Hideki'],
  ['哲也', 'てつや', 'Tetsuya'],
  ['啓介', 'けいすけ', 'Keisuke'],
  ['陽菜', 'ひな', 'Hina'],
  ['結衣', 'ゆい', 'Yui'],
  ['美咲', 'みさき', 'Misaki'],
  ['さくら', 'さくら', 'Sakura'],
  ['彩', 'あや', 'Aya'],
  ['真由', 'まゆ', 'Mayu'],
  ['千尋', 'ちひろ', 'Chihiro'],
  ['恵子', 'けいこ', 'Keiko'],
  ['由美子', 'ゆみこ', 'Yumiko'],
  ['愛', 'あい', 'Ai'],
  ['葵', 'あおい', 'Aoi'],
  ['凛', 'りん', 'Rin'],
  ['芽依', 'めい', 'Mei'],
  ['陽子', 'ようこ', 'Yoko'],
  ['裕子', 'ゆうこ', 'Yuko'],
  ['直美', 'なおみ', 'Naomi'],
  ['久美子', 'くみこ', 'Kumiko'],
  ['智子', 'ともこ', 'Tomoko'],
  ['麻衣', 'まい', 'Mai'],
  ['香織', 'かおり', 'Kaori'],
  ['奈々', 'なな', 'Nana'],
  ['美穂', 'みほ', 'Miho'],
  ['沙織', 'さおり', 'Saori'],
  ['理恵', 'りえ', 'Rie'],
  ['彩花', 'あやか', 'Ayaka'],
  ['瑞希', 'みずき', 'Mizuki'],
  ['花子', 'はなこ', 'Hanako'],
  ['真理子', 'まりこ', 'Mariko'],
  ['早紀', 'さき', 'Saki'],
  ['玲奈', 'れいな', 'Reina'],
  ['杏', 'あん', 'An'],
];

const TITLES = [
  'エンジニア',
  '営業',
  '人事',
  'マネージャー',
  'デザイナー',
  'カスタマーサクセス',
  '経理',
  '総務',
  'プロダクトマネージャー',
  'データアナリスト',
  '広報',
  '法務',
];

/* ---------- communities ---------- */

interface CommunitySpec {
  name: string;
  purpose: string;
  topics: string[];
  reason?: string;
}

const PRIVATE_SPECS: readonly CommunitySpec[] = [
  {
    name: '人事部 連絡',
    purpose: '人事部内の連絡と相談',
    topics: ['人事'],
    reason: '個人の人事情報を扱うため',
  },
  { name: '採用チーム', purpose: '選考状況の共有', topics: ['採用'], reason: '候補者の個人情報を扱うため' },
  {
    name: '経営会議 準備',
    purpose: '経営会議の資料準備',
    topics: ['経営'],
    reason: '未公表の経営情報のため',
  },
  {
    name: '労務相談 窓口',
    purpose: '労務の相談対応',
    topics: ['労務'],
    reason: '相談者のプライバシー保護のため',
  },
  { name: '評価調整会議', purpose: '評価のすり合わせ', topics: ['評価'], reason: '評価結果を扱うため' },
  {
    name: '新規事業 検討',
    purpose: '新規事業の検討',
    topics: ['新規事業'],
    reason: '未公表の事業計画のため',
  },
  {
    name: '情報セキュリティ委員会',
    purpose: 'インシデント対応',
    topics: ['セキュリティ'],
    reason: '脆弱性情報を扱うため',
  },
  { name: '役員室', purpose: '役員間の連絡', topics: ['経営'], reason: '未公表の経営情報のため' },
  { name: '報酬制度 改定PJ', purpose: '報酬制度の改定', topics: ['報酬'], reason: '発表前の制度案のため' },
  { name: '組織再編 準備', purpose: '組織変更の準備', topics: ['組織'], reason: '発表前の組織情報のため' },
];

const OPEN_NAMES = [
  '全社ひろば',
  'お知らせ',
  '生成AI活用ラボ',
  'プロンプト共有会',
  '新人研修2026',
  '1on1の工夫',
  'キャリアを考える会',
  '社内公募・副業',
  'エンジニア勉強会',
  'デザイン部屋',
  '営業ナレッジ',
  'カスタマーサクセス事例',
  '総務なんでも相談',
  '情シスヘルプ',
  '子育て社員の会',
  '介護と仕事',
  'リモートワークの工夫',
  '読書会',
  'ランニング部',
  '写真部',
  '料理部',
  '英語で話そう',
  '大阪オフィス',
  '福岡オフィス',
  '札幌オフィス',
  '名古屋オフィス',
  '新卒同期の会',
  '中途入社の会',
  'マネージャーの悩み相談',
  '評価制度Q&A',
  '資格取得を目指す会',
  'データ分析入門',
  'セキュリティ意識向上',
  '健康経営',
  'メンタルヘルスを学ぶ',
  'ボードゲーム部',
  '映画好き',
  '音楽部',
  'キャンプ部',
  '猫好きの会',
  '社内イベント実行委員',
  '小さな失敗と学び',
  '成功事例の共有',
  '業務改善アイデア',
  '議事録・要約の工夫',
  '会議を減らす会',
  'Excel・スプレッドシート',
  'プレゼン上達',
  'サステナビリティ',
  'ダイバーシティ推進',
];

/* ---------- text ---------- */

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
const OPENERS = ['お疲れさまです。', '共有です。', '質問させてください。', '先日の件です。', ''];
const CLOSERS = ['よろしくお願いします。', 'ご意見ください。', '参考になれば幸いです。', ''];

/** Random Japanese-looking text: kanji bigram words, katakana terms and particles (search.ts's corpus). */
function textGenerator(r: () => number) {
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
    /** 1–3 paragraphs of 1–3 sentences each, framed by an opener and a closer sometimes. */
    paragraphs: (): string[] => {
      const count = 1 + Math.floor(r() * 3);
      return Array.from({ length: count }, (_, i) => {
        const sentences = Array.from({ length: 1 + Math.floor(r() * 3) }, sentence).join('');
        if (i === 0) return pick(OPENERS) + sentences;
        if (i === count - 1) return sentences + pick(CLOSERS);
        return sentences;
      });
    },
  };
}

/** A few filled-in know-how forms per kind, rendered once (fields are not what the benches vary). */
function knowhowTemplates(): Record<KnowhowKind, Array<{ fields: string; html: string; text: string[] }>> {
  const samples: Record<KnowhowKind, Array<Record<string, string>>> = {
    prompt_recipe: [
      {
        goal: '会議の議事録を3行で要約する',
        prompt: '以下の議事録を、決定事項・宿題・期限の3行に要約してください。\n---\n{議事録}',
        exampleOutput: '決定: 新人研修を4月に実施\n宿題: 資料作成(田中)\n期限: 3月末',
        tips: '**期限**を必ず含めるよう指示すると抜けが減ります。',
        tool: '社内版ChatGPT',
      },
      {
        goal: '顧客への提案メールの下書き',
        prompt: 'あなたは丁寧な営業担当です。次の要点で提案メールを書いてください: {要点}',
        tips: '敬語のレベルを指定すると修正が少なくなります。',
      },
    ],
    success_case: [
      {
        challenge: '週次報告の作成に毎回2時間かかっていた',
        approach: 'スプレッドシートのデータから下書きを生成AIで作成',
        result: '作成時間が30分に短縮、内容のばらつきも減った',
        tool: 'スプレッドシート',
      },
    ],
    small_failure: [
      {
        tried: '生成AIに社外向け資料をそのまま作らせた',
        happened: '古い料金表が混ざり、レビューで差し戻しになった',
        learned: '数字は必ず一次資料で確認する。プロンプトに参照資料を明示する。',
      },
    ],
  };
  const out = {} as Record<KnowhowKind, Array<{ fields: string; html: string; text: string[] }>>;
  for (const kind of Object.keys(KNOWHOW_FIELDS) as KnowhowKind[]) {
    out[kind] = samples[kind].map((fields) => ({
      fields: JSON.stringify(fields),
      html: JSON.stringify(renderFields(kind, fields)),
      text: Object.values(fields),
    }));
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/* ---------- generation ---------- */

const POSTS_PER_TX = 5_000;
const DAY = 24 * 3600_000;

function log(line: string) {
  console.log(`  company · ${line}`);
}

async function generate(): Promise<Company> {
  if (!(BENCH_USERS >= 100) || !(BENCH_POSTS >= 1)) {
    throw new Error(`BENCH_USERS must be ≥ 100 and BENCH_POSTS ≥ 1 (got ${BENCH_USERS}, ${BENCH_POSTS})`);
  }
  const t = await createTestApp({
    BACKGROUND_JOBS: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  });
  try {
    return await fill(t);
  } catch (error) {
    await t.close();
    throw error;
  }
}

async function fill(t: TestApp): Promise<Company> {
  const db = t.deps.db;
  const r = rng(20261124);
  const steps: Record<string, number> = {};
  const started = monoMs();
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const yearAgo = now - 365 * DAY;
  log(
    `generating ${BENCH_USERS.toLocaleString('en')} people, ${BENCH_POSTS.toLocaleString('en')} posts on ${t.deps.database.dialect}…`,
  );

  // People: common family names more often (r² skews towards the top of the list).
  let s = monoMs();
  const people: CompanyPerson[] = [];
  const userRows: Array<Insertable<DB['users']>> = [];
  for (let i = 0; i < BENCH_USERS; i++) {
    const [fk, fkana, fen] = FAMILY[Math.floor(r() * r() * FAMILY.length)]!;
    const [gk, gkana, gen] = GIVEN[Math.floor(r() * GIVEN.length)]!;
    const name = `${fk} ${gk}`;
    const nameKana = `${fkana} ${gkana}`;
    const nameEn = `${gen} ${fen}`;
    const email = `${gen.toLowerCase()}.${fen.toLowerCase()}${i}@bench.engawa.example`;
    const id = newId();
    const at = iso(yearAgo - Math.floor(r() * 3000) * DAY);
    people.push({ id, email, name });
    userRows.push({
      id,
      email,
      name,
      name_kana: nameKana,
      name_en: nameEn,
      title: r() < 0.6 ? TITLES[Math.floor(r() * TITLES.length)]! : null,
      bio: null,
      password_hash: null,
      department_id: null,
      disabled_at: null,
      locked_until: null,
      oidc_subject: null,
      name_search: nameSearchText([name, nameKana, nameEn]),
      created_at: at,
      updated_at: at,
    });
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < userRows.length; i += 500)
      await tx
        .insertInto('users')
        .values(userRows.slice(i, i + 500))
        .execute();
  });
  steps.people = (monoMs() - s) / 1000;
  log(`people: ${people.length.toLocaleString('en')} in ${steps.people.toFixed(1)} s`);

  // Communities and memberships. Sizes as fractions of the company (log-uniform within a range).
  s = monoMs();
  const reader = people[1]!;
  const N = people.length;
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + r() * (Math.log(hi) - Math.log(lo)));
  const specs: Array<CommunitySpec & { visibility: 'open' | 'private'; size: number }> = [
    ...PRIVATE_SPECS.map((p) => ({
      ...p,
      visibility: 'private' as const,
      size: Math.max(5, Math.round(N * logUniform(0.001, 0.01))),
    })),
    ...OPEN_NAMES.map((name, i) => ({
      name,
      purpose: `${name}で学び合い、気軽に相談する場です。`,
      topics: [name.replace(/[・、]/g, ' ').split(' ')[0]!],
      visibility: 'open' as const,
      size: Math.max(5, Math.round(N * (i === 0 ? 0.7 : i === 1 ? 0.05 : logUniform(0.005, 0.12)))),
    })),
  ];
  if (specs.length !== COMMUNITY_COUNT) throw new Error('community list out of step with COMMUNITY_COUNT');
  // The reader: 2 private, 全社ひろば and 9 more open ones — never お知らせ (index 11), whose
  // company-wide announcements must reach the feed through the company-wide path.
  const readerIn = new Set([0, 1, 10, ...Array.from({ length: 9 }, (_, k) => 12 + k * 3)]);
  const perm = Int32Array.from({ length: N }, (_, i) => i);
  const communities: CompanyCommunity[] = specs.map((spec, ci) => {
    // Partial Fisher–Yates: a uniform sample of `size` people (the reader added where chosen).
    const size = Math.min(N, spec.size);
    const members: string[] = [];
    for (let j = 0; j < size; j++) {
      const k = j + Math.floor(r() * (N - j));
      const tmp = perm[j]!;
      perm[j] = perm[k]!;
      perm[k] = tmp;
      const id = people[perm[j]!]!.id;
      if (id === reader.id) continue;
      members.push(id);
    }
    const organizers = members.slice(0, r() < 0.5 ? 1 : 2);
    if (readerIn.has(ci)) members.push(reader.id);
    return {
      id: newId(),
      name: spec.name,
      visibility: spec.visibility,
      members,
      organizers,
      posts: 0,
    };
  });
  const founded = iso(yearAgo - 30 * DAY);
  let memberships = 0;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('communities')
      .values(
        communities.map((c, i) => ({
          id: c.id,
          name: c.name,
          name_key: nameKey(c.name),
          purpose: specs[i]!.purpose,
          rules: 'お互いを尊重し、社外秘の情報は書かないこと。困ったらオーガナイザーへ。',
          visibility: c.visibility,
          private_reason: specs[i]!.reason ?? null,
          created_by: c.organizers[0]!,
          last_post_at: null,
          created_at: founded,
          updated_at: founded,
        })),
      )
      .execute();
    await tx
      .insertInto('community_topics')
      .values(communities.flatMap((c, i) => specs[i]!.topics.map((topic) => ({ community_id: c.id, topic }))))
      .execute();
    for (const c of communities) {
      const orgs = new Set(c.organizers);
      const rows = c.members.map((user_id) => ({
        community_id: c.id,
        user_id,
        role: orgs.has(user_id) ? 'organizer' : 'member',
        joined_at: founded,
      }));
      memberships += rows.length;
      for (let i = 0; i < rows.length; i += 1000)
        await tx
          .insertInto('community_members')
          .values(rows.slice(i, i + 1000))
          .execute();
      await indexCommunity(tx, c.id, true);
    }
  });
  steps.communities = (monoMs() - s) / 1000;
  log(
    `communities: ${communities.length} (${PRIVATE_COUNT} private), ${memberships.toLocaleString('en')} memberships in ${steps.communities.toFixed(1)} s`,
  );

  // Posts: times over the last year (ascending, so the index is written oldest first as in life),
  // communities by size^0.6 (big ones are busier, not proportionally), authors among members.
  const weights = communities.map((c) => Math.pow(c.members.length, 0.6));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const pickCommunity = () => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return communities[lo]!;
  };
  const news = communities[PRIVATE_COUNT + 1]!;
  const times = new Float64Array(BENCH_POSTS);
  for (let i = 0; i < BENCH_POSTS; i++) times[i] = yearAgo + r() * (now - 60_000 - yearAgo);
  times.sort();
  const gen = textGenerator(r);
  const templates = knowhowTemplates();
  const reactionKeys = Object.keys(REACTIONS);
  const counts = { announcements: 0, companyWide: 0, knowhow: 0, reactions: 0, umami: 0 };
  const lastPost = new Map<string, string>();
  let insertMs = 0;
  let indexMs = 0;
  let nextProgress = 100_000;
  for (let start = 0; start < BENCH_POSTS; start += POSTS_PER_TX) {
    const end = Math.min(BENCH_POSTS, start + POSTS_PER_TX);
    const posts: Array<Insertable<DB['posts']>> = [];
    const docs: Array<Parameters<typeof searchIndex.upsert>[1]> = [];
    const reactions: Array<Insertable<DB['reactions']>> = [];
    for (let n = start; n < end; n++) {
      const at = iso(Math.floor(times[n]!));
      const companyWide = n % 1000 === 999;
      const c = companyWide ? news : pickCommunity();
      c.posts += 1;
      lastPost.set(c.id, at);
      const roll = r();
      let kind: string;
      if (companyWide || n % 250 === 249) kind = 'announcement';
      else if (roll < 0.12) kind = 'question';
      else if (roll < 0.15) kind = 'prompt_recipe';
      else if (roll < 0.16) kind = 'success_case';
      else if (roll < 0.17) kind = 'small_failure';
      else kind = 'post';
      const author =
        kind === 'announcement'
          ? c.organizers[Math.floor(r() * c.organizers.length)]!
          : c.members[Math.floor(r() * c.members.length)]!;
      const paragraphs = gen.paragraphs();
      if (n % 10_000 === 7) {
        paragraphs[paragraphs.length - 1] += '今日のランチは鰻重でした。';
        counts.umami += 1;
      }
      const body = paragraphs.join('\n\n');
      const title = kind === 'post' ? (r() < 0.3 ? gen.title() : null) : gen.title();
      const template =
        kind === 'prompt_recipe' || kind === 'success_case' || kind === 'small_failure'
          ? templates[kind][n % templates[kind].length]!
          : null;
      if (kind === 'announcement') counts.announcements += 1;
      if (companyWide) counts.companyWide += 1;
      if (template) counts.knowhow += 1;
      const id = newId();
      posts.push({
        id,
        community_id: c.id,
        author_id: author,
        webhook_id: null,
        kind,
        title,
        body_md: body,
        body_html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>\n`).join(''),
        fields: template?.fields ?? null,
        fields_html: template?.html ?? null,
        company_wide: companyWide ? 1 : 0,
        requires_confirmation: kind === 'announcement' && n % 2 === 1 ? 1 : 0,
        urgent: 0,
        pinned_at: null,
        accepted_comment_id: null,
        created_at: at,
        updated_at: at,
        edited_at: null,
        deleted_at: null,
      });
      docs.push({
        type: 'post',
        id,
        communityId: c.id,
        postId: id,
        authorId: author,
        postKind: kind,
        title,
        body: [markdownToText(body), ...(template?.text ?? [])].join('\n'),
        createdAt: at,
      });
      if (r() < 0.12) {
        const used = new Set<string>();
        const howMany = 1 + Math.floor(r() * 5);
        for (let k = 0; k < howMany; k++) {
          const reaction = reactionKeys[Math.floor(r() * r() * reactionKeys.length)]!;
          const user_id = c.members[Math.floor(r() * c.members.length)]!;
          if (used.has(`${reaction}:${user_id}`)) continue;
          used.add(`${reaction}:${user_id}`);
          reactions.push({ subject_type: 'post', subject_id: id, reaction, user_id, created_at: at });
        }
      }
    }
    counts.reactions += reactions.length;
    await db.transaction().execute(async (tx) => {
      const a = monoMs();
      for (let i = 0; i < posts.length; i += 500)
        await tx
          .insertInto('posts')
          .values(posts.slice(i, i + 500))
          .execute();
      for (let i = 0; i < reactions.length; i += 1000)
        await tx
          .insertInto('reactions')
          .values(reactions.slice(i, i + 1000))
          .execute();
      const b = monoMs();
      for (const doc of docs) await searchIndex.upsert(tx, doc);
      insertMs += b - a;
      indexMs += monoMs() - b;
    });
    if (end >= nextProgress && end < BENCH_POSTS) {
      log(
        `… ${end.toLocaleString('en')} posts, ${((monoMs() - started) / 1000).toFixed(0)} s so far (rows ${(insertMs / 1000).toFixed(1)} s, index ${(indexMs / 1000).toFixed(1)} s)`,
      );
      nextProgress += 100_000;
    }
  }
  for (const [id, at] of lastPost)
    await db.updateTable('communities').set({ last_post_at: at }).where('id', '=', id).execute();
  steps.posts = insertMs / 1000;
  steps['search index'] = indexMs / 1000;
  log(
    `posts: ${BENCH_POSTS.toLocaleString('en')} (${counts.announcements} announcements, ${counts.companyWide} company-wide, ${counts.knowhow} know-how) and ${counts.reactions.toLocaleString('en')} reactions in ${steps.posts.toFixed(1)} s`,
  );
  log(
    `search index: ${(BENCH_POSTS + communities.length).toLocaleString('en')} documents through searchIndex.upsert in ${steps['search index'].toFixed(1)} s (${((indexMs * 1000) / BENCH_POSTS).toFixed(0)} µs each)`,
  );
  if (t.deps.database.dialect === 'postgres') {
    // What autovacuum does on its own shortly after a bulk load; done now so plans do not change mid-run.
    s = monoMs();
    await sql`ANALYZE`.execute(db);
    steps.analyze = (monoMs() - s) / 1000;
    log(`ANALYZE in ${steps.analyze.toFixed(1)} s`);
  }
  const generatedSeconds = (monoMs() - started) / 1000;
  log(`generated in ${generatedSeconds.toFixed(0)} s`);
  const plaza = communities[PRIVATE_COUNT]!;
  const summary =
    `One generated company shared by feed, search and realtime: ${N.toLocaleString('en')} people, ` +
    `${BENCH_POSTS.toLocaleString('en')} posts, ${COMMUNITY_COUNT} communities (${PRIVATE_COUNT} private), ` +
    `${memberships.toLocaleString('en')} memberships, ${counts.reactions.toLocaleString('en')} reactions, ` +
    `${(BENCH_POSTS + COMMUNITY_COUNT).toLocaleString('en')} search documents; ${t.deps.database.dialect}; generated in ${generatedSeconds.toFixed(0)} s ` +
    `(${Object.entries(steps)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')}).`;
  return {
    t,
    people,
    reader,
    readerCommunities: communities.filter((c) => c.members.includes(reader.id)),
    communities,
    plaza,
    counts: {
      people: N,
      communities: communities.length,
      privateCommunities: PRIVATE_COUNT,
      memberships,
      posts: BENCH_POSTS,
      ...counts,
      searchDocs: BENCH_POSTS + communities.length,
    },
    steps,
    generatedSeconds,
    summary,
  };
}

let pending: Promise<Company> | undefined;
let listening: Promise<string> | undefined;

/** The company, generated on first call and shared by every later caller in this process. */
export function company(): Promise<Company> {
  pending ??= generate();
  return pending;
}

/**
 * The company app's HTTP origin on a loopback port, listening from the first call on (a Fastify app
 * listens once, and feed and realtime both need it).
 */
export async function companyOrigin(c: Company): Promise<string> {
  listening ??= c.t.app.listen({ port: 0, host: '127.0.0.1' });
  return listening;
}

/** Closes the company's app and drops its database (bench/run.ts calls it after the last bench). */
export async function closeCompany(): Promise<void> {
  if (!pending) return;
  const p = pending;
  pending = undefined;
  listening = undefined;
  const c = await p.catch(() => undefined);
  await c?.t.close();
}
