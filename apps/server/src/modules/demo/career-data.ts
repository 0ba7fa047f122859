import type { ExperienceOutcome, OneOnOneWant, OpportunityType, ValueCard } from '@engawa/shared';

/**
 * Career data of the demo company (株式会社えんがわ商事): the opportunities catalog, the profiles
 * of some of its people and a few 1on1 agendas. Data only; career.ts writes it. Skills are catalog
 * ids (a typo fails the seed) or `{ free: '…' }`. Dates are month offsets from the seed date, so
 * the catalog always looks current; everything else is fixed.
 */
export type DemoSkill = string | { free: string };

export interface DemoOpportunity {
  code: string;
  type: OpportunityType;
  title: string;
  description: string;
  required: DemoSkill[];
  gained: DemoSkill[];
  dept: string | null;
  /** Months from the seed month: [start, end]; null = no dates. */
  months: [number, number] | null;
  capacity: number | null;
  timeShare?: number;
  status?: 'open' | 'closed';
  /** Full name of the person who receives applications. */
  owner: string | null;
}

const t = (
  code: string,
  title: string,
  description: string,
  gained: DemoSkill[],
  extra: Partial<DemoOpportunity> = {},
): DemoOpportunity => ({
  code,
  type: 'training',
  title,
  description,
  required: [],
  gained,
  dept: null,
  months: [1, 1],
  capacity: 30,
  owner: '木村 彩',
  ...extra,
});

export const DEMO_OPPORTUNITIES: readonly DemoOpportunity[] = [
  // 研修 (12)
  t(
    'TR-AI-01',
    '生成AI活用の基礎研修',
    '業務での生成AIの使いどころと限界、情報の扱い方を半日で学びます。実際に自分の業務で1つ試してみるところまで行います。',
    ['generativeAi', 'promptEngineering'],
  ),
  t(
    'TR-AI-02',
    'プロンプト設計ワークショップ',
    '良いプロンプトの型を、社内のプロンプトレシピを題材に手を動かして学びます。うまくいかなかった例も持ち寄ります。',
    ['promptEngineering', 'aiEvaluation'],
    { required: ['generativeAi'], months: [2, 2], capacity: 20 },
  ),
  t(
    'TR-DA-01',
    'データ分析の基礎（Excel・SQL）',
    '集計・可視化・仮説の立て方を、実際の営業データを使って学びます。全4回。',
    ['dataAnalysis', 'sql', 'spreadsheets'],
    { months: [1, 2] },
  ),
  t(
    'TR-DA-02',
    'SQL中級：分析のためのクエリ',
    'ウィンドウ関数や結合を使った分析クエリを書けるようになります。',
    ['sql', 'dataAnalysis'],
    { required: ['sql'], dept: 'PLAT', months: [2, 3], capacity: 15, owner: '小野 海斗' },
  ),
  t(
    'TR-PR-01',
    '伝わるプレゼンテーション研修',
    '構成の作り方と話し方を、録画でのふりかえりを交えて練習します。',
    ['presentation', 'logicalThinking'],
    { months: [1, 1], capacity: 24 },
  ),
  t(
    'TR-MG-01',
    '新任マネージャー研修：1on1とフィードバック',
    '1on1の進め方とフィードバックの伝え方を、ロールプレイで身につけます。',
    ['oneOnOne', 'feedback', 'peopleManagement'],
    { months: [2, 3], capacity: 12, owner: '松本 恵子' },
  ),
  t(
    'TR-MG-02',
    'コーチング基礎',
    '問いかけで相手の考えを引き出すコーチングの基本を学びます。',
    ['coaching', 'oneOnOne'],
    { months: [3, 3], capacity: 16 },
  ),
  t(
    'TR-SE-01',
    '情報セキュリティの実践',
    '身近なインシデント事例から、日々の業務での守り方を学びます。',
    ['security'],
    { dept: 'PLAT', months: [1, 1], capacity: 40, owner: '原田 美月' },
  ),
  t(
    'TR-EN-01',
    'ビジネス英語：会議と提案',
    '英語での会議進行や提案の言い回しを、少人数で練習します。',
    ['english', 'presentation'],
    { months: [1, 6], capacity: 10 },
  ),
  t(
    'TR-UX-01',
    'UXリサーチ入門',
    'ユーザーインタビューの設計から分析までを体験します。',
    ['uxDesign', 'userInterviews'],
    { dept: 'PROD', months: [2, 2], capacity: 15, owner: '福田 莉子' },
  ),
  t(
    'TR-PM-01',
    'プロジェクトマネジメント基礎',
    '計画・リスク・関係者との調整の基本を、社内プロジェクトの事例で学びます。',
    ['projectManagement', 'riskManagement', 'stakeholderManagement'],
    { months: [2, 3], capacity: 20 },
  ),
  t(
    'TR-AC-01',
    '会計・財務の読み方（非財務部門向け）',
    '決算書の読み方と、事業の数字の見方を学びます。',
    ['accounting', 'businessPlanning'],
    { dept: 'GA', months: [-3, -2], status: 'closed', owner: '工藤 智也' },
  ),

  // 社内公募 (8)
  {
    code: 'PO-DATA-01',
    type: 'posting',
    title: 'データ推進チームのデータアナリスト',
    description:
      '基盤開発部に新設するデータ推進チームで、営業・CSのデータから打ち手を提案するアナリストを募集します。分析の経験は問いません。学ぶ意欲を重視します。',
    required: ['sql'],
    gained: ['dataAnalysis', 'statistics', 'dataEngineering'],
    dept: 'PLAT',
    months: [3, 12],
    capacity: 2,
    owner: '松田 昌平',
  },
  {
    code: 'PO-PM-01',
    type: 'posting',
    title: 'プロダクトマネージャー（新規事業）',
    description:
      '新しい業務支援サービスのプロダクトマネージャーを募集します。お客さまの課題を一番近くで聞いてきた方の挑戦を歓迎します。',
    required: ['logicalThinking'],
    gained: ['productManagement', 'userInterviews', 'businessPlanning'],
    dept: 'PROD',
    months: [4, 12],
    capacity: 1,
    owner: '鈴木 健太',
  },
  {
    code: 'PO-CS-01',
    type: 'posting',
    title: 'カスタマーサクセスマネージャー',
    description: '導入後のお客さまの活用を支えるカスタマーサクセスを募集します。営業経験を活かせます。',
    required: ['proposalSales'],
    gained: ['customerSuccess', 'dataAnalysis'],
    dept: 'CS',
    months: [2, 12],
    capacity: 2,
    owner: '金子 直美',
  },
  {
    code: 'PO-HR-01',
    type: 'posting',
    title: '人材開発担当（研修企画）',
    description: '社内研修の企画・運営を担当します。人に教えた経験や、勉強会を運営した経験を活かせます。',
    required: [],
    gained: ['facilitation', 'hrPractice', 'coaching'],
    dept: 'HR',
    months: [3, 12],
    capacity: 1,
    owner: '松本 恵子',
  },
  {
    code: 'PO-SRE-01',
    type: 'posting',
    title: 'SREエンジニア',
    description: 'サービスの信頼性を支えるSREを募集します。アプリ開発からの転向も歓迎します。',
    required: ['programming'],
    gained: ['sre', 'cloud', 'devops'],
    dept: 'PLAT',
    months: [2, 12],
    capacity: 1,
    owner: '松田 昌平',
  },
  {
    code: 'PO-SALES-01',
    type: 'posting',
    title: 'インサイドセールスのリーダー',
    description: 'インサイドセールスの立ち上げをリードします。データを見ながら仕組みを作る仕事です。',
    required: ['proposalSales'],
    gained: ['teamBuilding', 'dataAnalysis', 'goalSetting'],
    dept: 'SALES',
    months: [2, 12],
    capacity: 1,
    owner: '清水 隆',
  },
  {
    code: 'PO-AI-01',
    type: 'posting',
    title: '社内AI活用推進担当',
    description:
      '全社のAI活用を推進するチームの担当者を募集します。プロンプトのノウハウを集め、各部署の業務改善を一緒に進めます。',
    required: ['generativeAi'],
    gained: ['aiWorkflow', 'aiGovernance', 'changeManagement'],
    dept: 'CORP',
    months: [3, 12],
    capacity: 2,
    owner: '中村 由美子',
  },
  {
    code: 'PO-PR-01',
    type: 'posting',
    title: '広報（社内広報・採用広報）',
    description: '社内報と採用広報を担当します。',
    required: ['documentation'],
    gained: ['publicRelations'],
    dept: 'CORP',
    months: [-4, -1],
    capacity: 1,
    status: 'closed',
    owner: '吉田 拓海',
  },

  // ジョブシャドウイング (8)
  {
    code: 'SH-SALES-01',
    type: 'shadowing',
    title: '第一営業部の提案に1日同行',
    description: 'お客さまへの提案の場に同行し、準備から商談後のふりかえりまでを見学します。',
    required: [],
    gained: ['proposalSales', 'negotiation'],
    dept: 'SALES1',
    months: [1, 2],
    capacity: 4,
    owner: '森 誠',
  },
  {
    code: 'SH-UX-01',
    type: 'shadowing',
    title: 'UXリサーチのユーザーインタビューに同席',
    description: 'プロダクト開発部のユーザーインタビューに同席し、設計と分析の進め方を見学します。',
    required: [],
    gained: ['uxDesign', 'userInterviews'],
    dept: 'PROD',
    months: [1, 3],
    capacity: 3,
    owner: '福田 莉子',
  },
  {
    code: 'SH-CS-01',
    type: 'shadowing',
    title: 'カスタマーサクセスのオンボーディングを見学',
    description: '新しいお客さまの導入支援の1日を一緒に過ごします。',
    required: [],
    gained: ['customerSuccess', 'onboarding'],
    dept: 'CS',
    months: [1, 2],
    capacity: 4,
    owner: '和田 悠真',
  },
  {
    code: 'SH-SRE-01',
    type: 'shadowing',
    title: 'SREのオンコール体験',
    description: '障害対応の訓練と、日々の運用改善の進め方を見学します。',
    required: [],
    gained: ['sre', 'infrastructure'],
    dept: 'PLAT',
    months: [2, 2],
    capacity: 2,
    owner: '中川 茜',
  },
  {
    code: 'SH-HR-01',
    type: 'shadowing',
    title: '採用面接の運営を見学',
    description: '面接の設計と評価のすり合わせの場に同席します（候補者の情報には触れません）。',
    required: [],
    gained: ['interviewing', 'recruiting'],
    dept: 'HR',
    months: [1, 3],
    capacity: 2,
    owner: '井上 大輔',
  },
  {
    code: 'SH-CORP-01',
    type: 'shadowing',
    title: '経営企画の事業計画づくりに参加',
    description: '来期の事業計画を作る会議に参加し、数字の組み立て方を学びます。',
    required: [],
    gained: ['businessPlanning', 'strategy'],
    dept: 'CORP',
    months: [2, 3],
    capacity: 2,
    owner: '小林 翔太',
  },
  {
    code: 'SH-DATA-01',
    type: 'shadowing',
    title: 'データ基盤チームの1日',
    description: 'データパイプラインの設計レビューと運用を見学します。',
    required: [],
    gained: ['dataEngineering', 'databaseDesign'],
    dept: 'PLAT',
    months: [1, 2],
    capacity: 2,
    owner: '小野 海斗',
  },
  {
    code: 'SH-QA-01',
    type: 'shadowing',
    title: 'QAエンジニアのテスト設計レビューに同席',
    description: 'リリース前のテスト設計レビューに同席し、観点の出し方を学びます。',
    required: [],
    gained: ['testDesign', 'qualityAssurance'],
    dept: 'PROD',
    months: [-2, -1],
    capacity: 2,
    status: 'closed',
    owner: '三浦 詩織',
  },

  // 社内副業 (7)
  {
    code: 'GIG-AI-01',
    type: 'gig',
    title: '営業資料づくりのプロンプト集を作る',
    description:
      '営業本部と一緒に、提案資料づくりに使えるプロンプトのレシピ集を作ります。うまくいかなかった使い方も集めます。',
    required: ['generativeAi'],
    gained: ['promptEngineering', 'aiWorkflow', 'proposalSales'],
    dept: 'SALES',
    months: [1, 4],
    capacity: 3,
    timeShare: 10,
    owner: '山崎 愛',
  },
  {
    code: 'GIG-DATA-01',
    type: 'gig',
    title: '解約予兆ダッシュボードの改善',
    description: 'カスタマーサクセス部の解約予兆ダッシュボードを、現場の声を聞きながら改善します。',
    required: ['sql'],
    gained: ['dataAnalysis', 'customerSuccess', 'dataLiteracy'],
    dept: 'CS',
    months: [1, 6],
    capacity: 2,
    timeShare: 20,
    owner: '金子 直美',
  },
  {
    code: 'GIG-UX-01',
    type: 'gig',
    title: '社内ツールの画面改善（UI）',
    description: '総務部の申請ツールの画面を、使う人の目線で改善します。',
    required: ['uiDesign'],
    gained: ['uxDesign', 'accessibility', 'userInterviews'],
    dept: 'GA',
    months: [2, 5],
    capacity: 2,
    timeShare: 10,
    owner: '柴田 博',
  },
  {
    code: 'GIG-PR-01',
    type: 'gig',
    title: '採用ページの記事づくり',
    description: '社員インタビュー記事の企画と執筆を手伝います。',
    required: [],
    gained: ['publicRelations', 'documentation', 'userInterviews'],
    dept: 'HR',
    months: [1, 3],
    capacity: 3,
    timeShare: 10,
    owner: '井上 大輔',
  },
  {
    code: 'GIG-AUTO-01',
    type: 'gig',
    title: '経理の定型作業の自動化',
    description: '月次の定型作業をノーコードツールで自動化します。',
    required: ['spreadsheets'],
    gained: ['automation', 'noCode'],
    dept: 'GA',
    months: [1, 4],
    capacity: 2,
    timeShare: 15,
    owner: '工藤 智也',
  },
  {
    code: 'GIG-LLM-01',
    type: 'gig',
    title: 'ヘルプデスク向けRAGの試作',
    description: '社内FAQを検索して答えるAIアシスタントを試作し、評価します。',
    required: ['python'],
    gained: ['rag', 'llmApps', 'aiEvaluation'],
    dept: 'PLAT',
    months: [2, 6],
    capacity: 2,
    timeShare: 20,
    owner: '高橋 直樹',
  },
  {
    code: 'GIG-EVENT-01',
    type: 'gig',
    title: '全社キックオフの運営チーム',
    description: '全社キックオフの企画・進行を担当します。',
    required: [],
    gained: ['facilitation', 'projectManagement'],
    dept: 'CORP',
    months: [-3, -1],
    capacity: 5,
    timeShare: 10,
    status: 'closed',
    owner: '山口 千尋',
  },

  // メンタリング (5)
  {
    code: 'MT-ENG-01',
    type: 'mentoring',
    title: 'テックリードによるキャリアメンタリング',
    description: '技術を軸にしたキャリアについて、月1回30分、テックリードと話せます。',
    required: [],
    gained: ['systemArchitecture', 'mentoring'],
    dept: 'PROD',
    months: [1, 6],
    capacity: 4,
    owner: '青木 翼',
  },
  {
    code: 'MT-MGR-01',
    type: 'mentoring',
    title: '部長メンター制度（部署をまたいで）',
    description: '他部署の部長がメンターになり、半年間、月1回の面談でキャリアの相談にのります。',
    required: [],
    gained: ['peopleManagement', 'strategy'],
    dept: null,
    months: [1, 6],
    capacity: 8,
    owner: '松本 恵子',
  },
  {
    code: 'MT-DATA-01',
    type: 'mentoring',
    title: 'データ分析の伴走メンタリング',
    description: '自分の業務データで分析テーマを決め、3か月間メンターと一緒に取り組みます。',
    required: [],
    gained: ['dataAnalysis', 'statistics'],
    dept: 'PLAT',
    months: [1, 3],
    capacity: 5,
    owner: '小野 海斗',
  },
  {
    code: 'MT-SALES-01',
    type: 'mentoring',
    title: 'トップセールスに学ぶ提案の組み立て',
    description: 'シニア営業がメンターとなり、提案書の組み立てを一緒に見直します。',
    required: [],
    gained: ['proposalSales', 'negotiation', 'presentation'],
    dept: 'SALES1',
    months: [1, 3],
    capacity: 4,
    owner: '中島 修',
  },
  {
    code: 'MT-AI-01',
    type: 'mentoring',
    title: 'AI活用の相談メンター',
    description: '自分の業務でのAIの使い方を、推進チームのメンターと一緒に考えます。失敗談も歓迎です。',
    required: [],
    gained: ['generativeAi', 'aiWorkflow'],
    dept: 'CORP',
    months: [1, 6],
    capacity: 10,
    owner: '加藤 真由',
  },
];

export interface DemoExperience {
  title: string;
  kind?: 'project' | 'work';
  role?: string;
  challenge?: string;
  outcome: ExperienceOutcome;
  learned?: string;
  /** `YYYY-MM`. */
  from?: string;
  to?: string;
  stretch?: boolean;
}

export interface DemoProfile {
  /** Full name of the demo person. */
  person: string;
  strengths: Array<{ text: string; episode?: string }>;
  values: Array<ValueCard | { own: string }>;
  skills: Array<[DemoSkill, number]>;
  experiences: DemoExperience[];
  direction?: { text: string; skills: DemoSkill[] };
  learning: Array<{ title: string; skills: DemoSkill[]; targetMonths: number | null; progress: number }>;
  /** Opportunity codes this person marked as interesting (privately). */
  interests?: string[];
  published?: Array<'strengths' | 'values' | 'skills' | 'experiences' | 'goals'>;
}

export const DEMO_PROFILES: readonly DemoProfile[] = [
  {
    person: '佐藤 美咲',
    strengths: [
      {
        text: '細かいところまで丁寧に確認する',
        episode: '決済画面のリニューアルで、読み上げソフトでの確認を最後までやり切った',
      },
      { text: '新しいツールを試して、チームに広める' },
    ],
    values: ['growth', 'quality', 'teamwork', { own: 'ユーザーの声を直接聞くこと' }],
    skills: [
      ['typescript', 4],
      ['frontend', 4],
      ['testDesign', 3],
      ['generativeAi', 3],
      ['accessibility', 2],
      ['uxDesign', 2],
      ['dataAnalysis', 1],
      [{ free: 'Storybook' }, 3],
    ],
    experiences: [
      {
        title: '決済画面のリニューアル',
        role: 'フロントエンド担当',
        challenge: '初めてアクセシビリティの基準に沿って画面を作り直した',
        outcome: 'succeeded',
        learned: '早い段階で読み上げソフトで確かめると、手戻りが減る',
        from: '2025-04',
        to: '2025-09',
      },
      {
        title: 'AIでテストケースを洗い出す試み',
        role: '発案・検証',
        challenge: '生成AIにテスト観点を出させ、レビューで使えるか試した',
        outcome: 'ongoing',
        learned: '観点の漏れ探しには役立つが、仕様の前提は人が確かめる必要がある',
        from: '2026-01',
        stretch: true,
      },
      {
        title: 'モバイル版の新機能の提案',
        kind: 'work',
        challenge: 'ユーザーインタビューをもとに、新機能を企画会議に提案した',
        outcome: 'unsuccessful',
        learned: '数字の裏付けがないと優先度の議論に負ける。次はデータも一緒に持っていく',
        from: '2025-10',
        to: '2025-11',
        stretch: true,
      },
      {
        title: '社内勉強会で「AIとテスト設計」を発表',
        kind: 'work',
        outcome: 'partial',
        learned: '話すことで自分の理解の浅いところが分かった',
        from: '2026-02',
        to: '2026-02',
      },
    ],
    direction: {
      text: 'ユーザーに近いところで、プロダクトの方向を一緒に決められるエンジニアになる',
      skills: ['productManagement', 'uxDesign'],
    },
    learning: [
      {
        title: 'UXリサーチの基礎を身につける',
        skills: ['uxDesign', 'userInterviews'],
        targetMonths: 5,
        progress: 30,
      },
      {
        title: 'AIを使ったテスト設計を社内に広める',
        skills: ['testDesign', 'generativeAi'],
        targetMonths: 8,
        progress: 60,
      },
      {
        title: 'データで提案の裏付けを作れるようになる',
        skills: ['dataAnalysis', 'sql'],
        targetMonths: 10,
        progress: 10,
      },
    ],
    interests: ['SH-UX-01', 'TR-UX-01', 'PO-PM-01'],
    published: ['strengths', 'skills'],
  },
  {
    person: '西村 亮',
    strengths: [{ text: '障害の原因を粘り強く突き止める' }],
    values: ['expertise', 'autonomy', 'learning'],
    skills: [
      ['typescript', 3],
      ['backend', 4],
      ['databaseDesign', 3],
      ['cloud', 2],
    ],
    experiences: [
      {
        title: '検索APIの性能改善',
        role: '担当エンジニア',
        challenge: '応答時間を半分にする目標に挑戦',
        outcome: 'partial',
        learned: '計測してから直す。推測で直したところは効果がなかった',
        from: '2025-06',
        to: '2025-08',
      },
    ],
    direction: { text: 'インフラまで分かるエンジニアになる', skills: ['sre', 'cloud'] },
    learning: [
      { title: 'クラウドの設計を学ぶ', skills: ['cloud', 'infrastructure'], targetMonths: 6, progress: 20 },
    ],
    interests: ['SH-SRE-01', 'PO-SRE-01'],
    published: ['skills'],
  },
  {
    person: '池田 優花',
    strengths: [{ text: 'お客さまの本音を引き出す' }, { text: '後輩の相談にのる' }],
    values: ['customerFirst', 'nurturing', 'trust'],
    skills: [
      ['proposalSales', 4],
      ['negotiation', 3],
      ['presentation', 4],
      ['spreadsheets', 3],
      ['dataAnalysis', 1],
    ],
    experiences: [
      {
        title: '大口顧客の更新交渉',
        role: '主担当',
        outcome: 'succeeded',
        learned: '相手の社内の意思決定の流れを先に確認する',
        from: '2025-09',
        to: '2025-12',
      },
      {
        title: '新人2名の育成担当',
        kind: 'work',
        outcome: 'ongoing',
        learned: '教えるより、一緒に考える時間を取る方が伸びる',
        from: '2026-04',
        stretch: true,
      },
    ],
    direction: { text: '営業チームを率いるマネージャーになる', skills: ['peopleManagement', 'coaching'] },
    learning: [
      { title: 'データを使った営業戦略を立てる', skills: ['dataAnalysis'], targetMonths: 6, progress: 0 },
    ],
    interests: ['TR-MG-01', 'TR-DA-01', 'PO-SALES-01'],
    published: ['strengths', 'values'],
  },
  {
    person: '後藤 麻衣',
    strengths: [{ text: '段取りよく物事を進める' }],
    values: ['challenge', 'variety'],
    skills: [
      ['proposalSales', 3],
      ['generativeAi', 2],
    ],
    experiences: [
      {
        title: '提案書づくりに生成AIを試した',
        kind: 'work',
        outcome: 'partial',
        learned: '叩き台づくりは速いが、お客さま固有の事情は自分で足す',
        from: '2026-03',
        to: '2026-05',
      },
    ],
    direction: { text: 'AIで営業の仕事の進め方を変える', skills: ['aiWorkflow'] },
    learning: [],
    interests: ['GIG-AI-01', 'PO-AI-01', 'TR-AI-02'],
  },
  {
    person: '和田 悠真',
    strengths: [{ text: 'お客さまの使い方を数字で把握する' }],
    values: ['contribution', 'customerFirst'],
    skills: [
      ['customerSuccess', 4],
      ['sql', 2],
      ['dataAnalysis', 2],
    ],
    experiences: [
      { title: 'オンボーディング手順の標準化', outcome: 'succeeded', from: '2025-05', to: '2025-10' },
    ],
    learning: [
      {
        title: '解約予兆を分析できるようになる',
        skills: ['dataAnalysis', 'statistics'],
        targetMonths: 6,
        progress: 40,
      },
    ],
    interests: ['GIG-DATA-01', 'PO-DATA-01'],
  },
  {
    person: '小野 海斗',
    strengths: [{ text: 'データの仕組みを分かりやすく説明する' }],
    values: ['expertise', 'nurturing'],
    skills: [
      ['dataEngineering', 4],
      ['sql', 5],
      ['python', 4],
      ['statistics', 3],
    ],
    experiences: [
      { title: '全社データ基盤の移行', role: 'リード', outcome: 'succeeded', from: '2024-10', to: '2025-06' },
    ],
    learning: [
      {
        title: 'LLMアプリの評価方法を学ぶ',
        skills: ['aiEvaluation', 'llmApps'],
        targetMonths: 4,
        progress: 10,
      },
    ],
    interests: ['GIG-LLM-01'],
    published: ['skills', 'experiences'],
  },
  {
    person: '福田 莉子',
    strengths: [{ text: '使う人の気持ちを画面に落とし込む' }],
    values: ['creativity', 'quality'],
    skills: [
      ['uiDesign', 4],
      ['uxDesign', 3],
      ['accessibility', 3],
    ],
    experiences: [
      { title: 'デザインシステムの立ち上げ', outcome: 'ongoing', from: '2025-11', stretch: true },
    ],
    learning: [],
    interests: ['PO-PM-01'],
  },
  {
    person: '山崎 愛',
    strengths: [{ text: '部署をまたいで人をつなぐ' }],
    values: ['teamwork', 'variety'],
    skills: [
      ['businessPlanning', 3],
      ['spreadsheets', 4],
      ['generativeAi', 3],
    ],
    experiences: [],
    learning: [
      { title: 'データ分析で営業企画を強くする', skills: ['dataAnalysis'], targetMonths: 6, progress: 20 },
    ],
    interests: ['TR-DA-01', 'MT-DATA-01', 'PO-AI-01'],
  },
  {
    person: '斎藤 さくら',
    strengths: [{ text: '話を聴いて整理する' }],
    values: ['nurturing', 'fairness'],
    skills: [
      ['hrPractice', 3],
      ['facilitation', 3],
    ],
    experiences: [{ title: '新入社員研修の運営', outcome: 'succeeded', from: '2026-04', to: '2026-05' }],
    learning: [{ title: 'コーチングを身につける', skills: ['coaching'], targetMonths: 6, progress: 30 }],
    interests: ['TR-MG-02', 'PO-HR-01', 'TR-DA-01'],
  },
  {
    person: '中川 茜',
    strengths: [{ text: '落ち着いて障害に対応する' }],
    values: ['stability', 'trust'],
    skills: [
      ['sre', 4],
      ['cloud', 4],
      ['devops', 3],
    ],
    experiences: [
      {
        title: 'オンコール体制の見直し',
        outcome: 'partial',
        learned: '負荷の偏りは数字で見せると合意しやすい',
        from: '2025-07',
        to: '2025-12',
      },
    ],
    learning: [
      { title: 'チームをまとめる力をつける', skills: ['teamBuilding'], targetMonths: 9, progress: 0 },
    ],
    interests: ['MT-MGR-01', 'TR-DA-01'],
  },
  {
    person: '加藤 真由',
    strengths: [{ text: '数字から筋道を立てる' }],
    values: ['socialImpact', 'growth'],
    skills: [
      ['businessPlanning', 4],
      ['accounting', 3],
      ['generativeAi', 4],
    ],
    experiences: [],
    learning: [],
    interests: ['TR-DA-01', 'PO-DATA-01'],
  },
  {
    person: '石井 俊介',
    strengths: [{ text: 'こつこつ数をこなす' }],
    values: ['challenge', 'recognition'],
    skills: [
      ['proposalSales', 2],
      ['spreadsheets', 3],
    ],
    experiences: [
      {
        title: 'インサイドセールスの架電リスト改善',
        outcome: 'unsuccessful',
        learned: 'リストより最初の一言が大事だった',
        from: '2026-02',
        to: '2026-03',
      },
    ],
    learning: [
      {
        title: 'SQLで顧客リストを作れるようになる',
        skills: ['sql', 'dataAnalysis'],
        targetMonths: 3,
        progress: 10,
      },
    ],
    interests: ['TR-DA-01', 'PO-SALES-01', 'GIG-AI-01'],
  },
];

/** Extra people who privately marked interest in the most popular trainings (no profile otherwise). */
export const DEMO_EXTRA_INTEREST: ReadonlyArray<{ person: string; codes: string[] }> = [
  { person: '橋本 大翔', codes: ['TR-DA-01', 'TR-AI-01'] },
  { person: '阿部 美穂', codes: ['TR-DA-01', 'TR-AI-01'] },
  { person: '岡田 蓮', codes: ['TR-DA-01', 'TR-AI-01'] },
  { person: '近藤 七海', codes: ['TR-AI-01'] },
  { person: '上田 千夏', codes: ['TR-AI-01'] },
  { person: '中山 杏奈', codes: ['TR-DA-01', 'TR-AI-01'] },
  { person: '酒井 久美子', codes: ['TR-AI-01'] },
  { person: '横山 奈々', codes: ['TR-AI-01'] },
  { person: '三浦 詩織', codes: ['TR-AI-01'] },
  { person: '太田 陸', codes: ['TR-AI-01'] },
];

export interface DemoAgenda {
  employee: string;
  items: Array<{
    topic: string;
    want: OneOnOneWant;
    detail?: string;
    shared: boolean;
    source?: 'manual' | 'companion';
  }>;
  managerItems: Array<{ topic: string; detail?: string }>;
  nextSteps: Array<{ text: string; by: 'employee' | 'manager'; done?: boolean }>;
}

export const DEMO_AGENDAS: readonly DemoAgenda[] = [
  {
    employee: '佐藤 美咲',
    items: [
      {
        topic: 'AIでのテスト設計の取り組みをチームに広げたい',
        want: 'advice',
        detail: '勉強会で反応はあったので、次はチームのレビューで試したい。進め方の助言がほしいです。',
        shared: true,
      },
      {
        topic: '来期、UXリサーチに関わる機会がほしい',
        want: 'thinkTogether',
        detail: 'ユーザーの声を直接聞く仕事をしてみたい。今の担当とどう両立できるか一緒に考えたいです。',
        shared: true,
        source: 'companion',
      },
      {
        topic: '最近、リリース前の残業が続いていて少し疲れている',
        want: 'listen',
        detail: 'まだ話すかどうか迷っている。',
        shared: false,
      },
    ],
    managerItems: [
      {
        topic: 'リリース後のふりかえりの進め方',
        detail: '次のスプリントから形式を変えたいので意見を聞きたい。',
      },
    ],
    nextSteps: [
      { text: 'UXリサーチ同席の募集に応募するか検討する', by: 'employee' },
      { text: 'テスト設計の共有会の時間を次のスプリントで確保する', by: 'manager' },
      { text: '勉強会の資料をチームのWikiに置く', by: 'employee', done: true },
    ],
  },
  {
    employee: '西村 亮',
    items: [
      { topic: 'インフラの仕事にも関わってみたい', want: 'thinkTogether', shared: true },
      { topic: '検索APIの改善で悔しかったこと', want: 'listen', shared: false },
    ],
    managerItems: [],
    nextSteps: [{ text: 'SREのオンコール体験に参加できるか調整する', by: 'manager' }],
  },
  {
    employee: '池田 優花',
    items: [
      {
        topic: '新人育成の進め方について',
        want: 'advice',
        detail: '2人の成長の速さが違い、関わり方に迷っている。',
        shared: true,
      },
      { topic: 'マネージャーを目指すか迷っている', want: 'listen', shared: false },
    ],
    managerItems: [{ topic: '来期の担当顧客の見直し' }],
    nextSteps: [],
  },
];
