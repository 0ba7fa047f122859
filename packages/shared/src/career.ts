import { z } from 'zod';

/**
 * Career vocabulary and API contract shared by the server and the web: the career profile
 * (strengths, values, skills, experience ledger, goals), the opportunities catalog, explained
 * recommendations, applications and the 1on1 bridge. Labels live in the `career` i18n catalog
 * (`career.skills.<id>`, `career.values.<id>`, `career.types.<type>` …); this file holds ids,
 * limits, request schemas and response types, so both sides always agree.
 */

/* ------------------------------------------------------------------ vocabulary */

/** Kinds of internal opportunity. `gig` (社内副業) carries a share of working time. */
export const OPPORTUNITY_TYPES = ['training', 'posting', 'shadowing', 'gig', 'mentoring'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const OPPORTUNITY_STATUSES = ['open', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

/** The parts of a career profile; each can be published on its own. */
export const PROFILE_PARTS = ['strengths', 'values', 'skills', 'experiences', 'goals'] as const;
export type ProfilePart = (typeof PROFILE_PARTS)[number];

/** How an attempt went. Every outcome is a recorded experience: an attempt counts either way. */
export const EXPERIENCE_OUTCOMES = ['succeeded', 'partial', 'unsuccessful', 'ongoing'] as const;
export type ExperienceOutcome = (typeof EXPERIENCE_OUTCOMES)[number];

/** What the employee wants from their manager for a 1on1 item. */
export const ONEONONE_WANTS = ['advice', 'thinkTogether', 'listen'] as const;
export type OneOnOneWant = (typeof ONEONONE_WANTS)[number];

export const SKILL_CATEGORIES = ['business', 'tech', 'management', 'ai'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/**
 * The seeded skill list (80 skills). Names are `career.skills.<id>` in the ja and en catalogs;
 * `aliases` are extra spellings that match the same skill (after NFKC, lower-casing and removing
 * spaces). Free entries are allowed everywhere a skill is named.
 */
export const SKILL_CATALOG: ReadonlyArray<{ id: string; category: SkillCategory; aliases?: string[] }> = [
  // business
  { id: 'logicalThinking', category: 'business', aliases: ['論理的思考'] },
  { id: 'presentation', category: 'business', aliases: ['プレゼン'] },
  { id: 'negotiation', category: 'business' },
  { id: 'proposalSales', category: 'business', aliases: ['ソリューション営業', '営業'] },
  { id: 'marketing', category: 'business' },
  { id: 'dataAnalysis', category: 'business', aliases: ['データ分析力', 'data analytics'] },
  { id: 'accounting', category: 'business', aliases: ['会計', '財務', '経理'] },
  { id: 'businessPlanning', category: 'business', aliases: ['企画'] },
  { id: 'customerSuccess', category: 'business', aliases: ['CS'] },
  { id: 'facilitation', category: 'business' },
  { id: 'documentation', category: 'business', aliases: ['文書作成', 'ライティング'] },
  { id: 'english', category: 'business', aliases: ['英会話', 'ビジネス英語'] },
  { id: 'legalCompliance', category: 'business', aliases: ['法務', 'コンプライアンス'] },
  { id: 'hrPractice', category: 'business', aliases: ['人事', '労務'] },
  { id: 'recruiting', category: 'business' },
  { id: 'publicRelations', category: 'business', aliases: ['PR'] },
  { id: 'procurement', category: 'business', aliases: ['購買', '調達'] },
  { id: 'problemSolving', category: 'business', aliases: ['問題解決'] },
  { id: 'customerSupport', category: 'business', aliases: ['サポート対応'] },
  { id: 'userInterviews', category: 'business', aliases: ['ユーザーヒアリング'] },
  { id: 'designThinking', category: 'business' },
  // tech
  { id: 'programming', category: 'tech' },
  { id: 'typescript', category: 'tech', aliases: ['TS', 'JavaScript'] },
  { id: 'python', category: 'tech' },
  { id: 'java', category: 'tech' },
  { id: 'sql', category: 'tech' },
  { id: 'frontend', category: 'tech', aliases: ['フロントエンド', 'React'] },
  { id: 'backend', category: 'tech', aliases: ['バックエンド', 'サーバーサイド'] },
  { id: 'mobile', category: 'tech', aliases: ['iOS', 'Android'] },
  { id: 'cloud', category: 'tech', aliases: ['AWS', 'Azure', 'GCP', 'クラウド'] },
  { id: 'infrastructure', category: 'tech', aliases: ['インフラ'] },
  { id: 'sre', category: 'tech', aliases: ['SRE', '運用改善'] },
  { id: 'security', category: 'tech', aliases: ['セキュリティ'] },
  { id: 'networking', category: 'tech' },
  { id: 'databaseDesign', category: 'tech', aliases: ['データベース'] },
  { id: 'dataEngineering', category: 'tech' },
  { id: 'testDesign', category: 'tech', aliases: ['テスト', 'ソフトウェアテスト'] },
  { id: 'qualityAssurance', category: 'tech', aliases: ['QA'] },
  { id: 'uiDesign', category: 'tech', aliases: ['UI'] },
  { id: 'uxDesign', category: 'tech', aliases: ['UX'] },
  { id: 'accessibility', category: 'tech', aliases: ['a11y'] },
  { id: 'devops', category: 'tech', aliases: ['CI/CD', 'DevOps'] },
  { id: 'systemArchitecture', category: 'tech', aliases: ['アーキテクチャ'] },
  { id: 'git', category: 'tech' },
  { id: 'spreadsheets', category: 'tech', aliases: ['Excel', 'VBA', 'スプレッドシート'] },
  { id: 'noCode', category: 'tech', aliases: ['ノーコード', 'ローコード'] },
  { id: 'statistics', category: 'tech' },
  { id: 'itSupport', category: 'tech', aliases: ['ヘルプデスク'] },
  // management
  { id: 'projectManagement', category: 'management', aliases: ['PM', 'プロマネ'] },
  { id: 'peopleManagement', category: 'management', aliases: ['マネジメント'] },
  { id: 'oneOnOne', category: 'management', aliases: ['1on1', '1on1ミーティング'] },
  { id: 'coaching', category: 'management' },
  { id: 'mentoring', category: 'management', aliases: ['メンター'] },
  { id: 'feedback', category: 'management' },
  { id: 'teamBuilding', category: 'management', aliases: ['チームビルディング'] },
  { id: 'goalSetting', category: 'management', aliases: ['OKR'] },
  { id: 'budgetManagement', category: 'management', aliases: ['予算'] },
  { id: 'riskManagement', category: 'management' },
  { id: 'changeManagement', category: 'management', aliases: ['チェンジマネジメント'] },
  { id: 'stakeholderManagement', category: 'management', aliases: ['調整力'] },
  { id: 'interviewing', category: 'management', aliases: ['面接'] },
  { id: 'agile', category: 'management', aliases: ['スクラム', 'Scrum'] },
  { id: 'productManagement', category: 'management', aliases: ['プロダクトマネージャー'] },
  { id: 'strategy', category: 'management', aliases: ['戦略'] },
  { id: 'onboarding', category: 'management', aliases: ['新人育成', '育成'] },
  // ai
  { id: 'generativeAi', category: 'ai', aliases: ['生成AI', 'ChatGPT', 'GenAI'] },
  { id: 'promptEngineering', category: 'ai', aliases: ['プロンプト', 'プロンプトエンジニアリング'] },
  { id: 'aiWorkflow', category: 'ai', aliases: ['AI活用'] },
  { id: 'machineLearning', category: 'ai', aliases: ['ML'] },
  { id: 'llmApps', category: 'ai', aliases: ['LLM'] },
  { id: 'rag', category: 'ai', aliases: ['RAG'] },
  { id: 'aiGovernance', category: 'ai' },
  { id: 'aiEthics', category: 'ai' },
  { id: 'dataLiteracy', category: 'ai' },
  { id: 'aiEvaluation', category: 'ai', aliases: ['AI評価'] },
  { id: 'mlops', category: 'ai' },
  { id: 'computerVision', category: 'ai', aliases: ['画像認識AI'] },
  { id: 'nlp', category: 'ai', aliases: ['NLP'] },
  { id: 'aiAgents', category: 'ai', aliases: ['エージェント'] },
  { id: 'automation', category: 'ai', aliases: ['RPA', '業務自動化'] },
];

/** The card-sort list of values (labels: `career.values.<id>`); people may add their own too. */
export const VALUE_CARDS = [
  'growth',
  'challenge',
  'stability',
  'contribution',
  'teamwork',
  'autonomy',
  'expertise',
  'creativity',
  'recognition',
  'workLifeBalance',
  'learning',
  'leadership',
  'fairness',
  'diversity',
  'customerFirst',
  'quality',
  'speed',
  'trust',
  'curiosity',
  'socialImpact',
  'craftsmanship',
  'nurturing',
  'freedom',
  'variety',
] as const;
export type ValueCard = (typeof VALUE_CARDS)[number];

/** Input limits (characters unless named otherwise). */
export const CAREER_LIMITS = {
  strengthsMax: 30,
  strengthTextMax: 100,
  strengthEpisodeMax: 1000,
  valuesMax: 30,
  valueTextMax: 60,
  skillsMax: 100,
  skillNameMax: 60,
  experiencesMax: 200,
  experienceTitleMax: 200,
  experienceRoleMax: 100,
  experienceTextMax: 2000,
  directionMax: 1000,
  learningGoalsMax: 30,
  goalTitleMax: 200,
  goalSkillsMax: 20,
  opportunityTitleMax: 200,
  opportunityDescriptionMax: 5000,
  opportunitySkillsMax: 20,
  opportunityCodeMax: 50,
  capacityMax: 10_000,
  applicationMessageMax: 2000,
  interestNoteMax: 500,
  recommendationsDefault: 20,
  recommendationsMax: 100,
  searchQueryMax: 100,
  agendaItemsMax: 50,
  agendaTopicMax: 200,
  agendaDetailMax: 2000,
  managerItemsMax: 50,
  nextStepTextMax: 500,
  nextStepsMax: 100,
} as const;

const L = CAREER_LIMITS;

/* ------------------------------------------------------------------ request schemas */

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(v).toISOString().startsWith(v), {
    message: 'not a date',
  });
/** `YYYY-MM`. */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * A skill named in a request: a catalog id (`{ id: 'sql' }`) or a free name (`{ name: 'Figma' }`).
 * A free name that matches a catalog skill (ja or en name or alias, after NFKC) becomes that skill.
 */
const skillFields = {
  id: z.string().max(60).nullish(),
  name: z.string().trim().max(L.skillNameMax).nullish(),
};
const namesASkill = (v: { id?: string | null; name?: string | null }) => !!v.id || !!v.name;
export const SkillInput = z
  .object(skillFields)
  .refine(namesASkill, { message: 'id or name', path: ['name'] });
export type SkillInput = z.infer<typeof SkillInput>;

/**
 * PUT /api/career/profile/published/:part — `version` is the profile's `updatedAt` as the person
 * saw it; when sent, a profile changed since then is not published (`career.profile_outdated`).
 */
export const PublishBody = z
  .object({ version: z.string().max(40).nullable().optional() })
  .optional()
  .transform((v) => v ?? {});

/** PUT /api/career/profile/strengths */
export const StrengthsBody = z.object({
  items: z
    .array(z.object({ text: text(L.strengthTextMax), episode: optionalText(L.strengthEpisodeMax) }))
    .max(L.strengthsMax),
});

/** One value: a card from VALUE_CARDS or the person's own words. Order = priority. */
export const ValueInput = z.union([
  z.object({ card: z.enum(VALUE_CARDS) }),
  z.object({ own: text(L.valueTextMax) }),
]);
/** PUT /api/career/profile/values */
export const ValuesBody = z.object({ items: z.array(ValueInput).max(L.valuesMax) });

/** PUT /api/career/profile/skills — a self-assessed level 1 (beginner) … 5 (can teach others). */
export const SkillsBody = z.object({
  items: z
    .array(
      z
        .object({ ...skillFields, level: z.number().int().min(1).max(5) })
        .refine(namesASkill, { message: 'id or name', path: ['name'] }),
    )
    .max(L.skillsMax),
});

/** POST /api/career/profile/experiences (and PATCH, where every field is optional). */
export const ExperienceBody = z.object({
  title: text(L.experienceTitleMax),
  kind: z.enum(['project', 'work']).default('project'),
  role: optionalText(L.experienceRoleMax),
  challenge: optionalText(L.experienceTextMax),
  outcome: z.enum(EXPERIENCE_OUTCOMES),
  learned: optionalText(L.experienceTextMax),
  from: IsoMonth.nullish().transform((v) => v ?? null),
  to: IsoMonth.nullish().transform((v) => v ?? null),
  /** Work beyond the person's current role (ストレッチ). */
  stretch: z.boolean().default(false),
});
/** PATCH /api/career/profile/experiences/:id — only the fields sent change (no defaults applied). */
export const ExperiencePatch = z.object({
  title: text(L.experienceTitleMax).optional(),
  kind: z.enum(['project', 'work']).optional(),
  role: optionalText(L.experienceRoleMax).optional(),
  challenge: optionalText(L.experienceTextMax).optional(),
  outcome: z.enum(EXPERIENCE_OUTCOMES).optional(),
  learned: optionalText(L.experienceTextMax).optional(),
  from: IsoMonth.nullable().optional(),
  to: IsoMonth.nullable().optional(),
  stretch: z.boolean().optional(),
});

/** PUT /api/career/profile/goals — a mid/long-term direction and learning goals. */
export const GoalsBody = z.object({
  direction: z
    .object({ text: text(L.directionMax), skills: z.array(SkillInput).max(L.goalSkillsMax).default([]) })
    .nullable(),
  learning: z
    .array(
      z.object({
        /** Keep the id of an existing goal when editing it. */
        id: z.string().max(64).optional(),
        title: text(L.goalTitleMax),
        skills: z.array(SkillInput).max(L.goalSkillsMax).default([]),
        targetDate: IsoDate.nullish().transform((v) => v ?? null),
        progress: z.number().int().min(0).max(100).default(0),
      }),
    )
    .max(L.learningGoalsMax),
});

const opportunityFields = {
  code: optionalText(L.opportunityCodeMax),
  type: z.enum(OPPORTUNITY_TYPES),
  title: text(L.opportunityTitleMax),
  description: z.string().trim().max(L.opportunityDescriptionMax),
  skillsRequired: z.array(SkillInput).max(L.opportunitySkillsMax),
  skillsGained: z.array(SkillInput).max(L.opportunitySkillsMax),
  departmentId: z.string().max(64).nullable(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  applyBy: IsoDate.nullable(),
  capacity: z.number().int().min(1).max(L.capacityMax).nullable(),
  /** Share of working time in percent; required for `gig`, refused for other types. */
  timeShare: z.number().int().min(1).max(100).nullable(),
  status: z.enum(OPPORTUNITY_STATUSES),
  /** Who receives applications (with hr); null = hr only. */
  ownerId: z.string().max(64).nullable(),
};

/** POST /api/opportunities (hr). Left-out optional fields are empty; `status` defaults to open. */
export const OpportunityBody = z.object({
  ...opportunityFields,
  description: opportunityFields.description.default(''),
  skillsRequired: opportunityFields.skillsRequired.default([]),
  skillsGained: opportunityFields.skillsGained.default([]),
  departmentId: opportunityFields.departmentId.default(null),
  startsOn: opportunityFields.startsOn.default(null),
  endsOn: opportunityFields.endsOn.default(null),
  applyBy: opportunityFields.applyBy.default(null),
  capacity: opportunityFields.capacity.default(null),
  timeShare: opportunityFields.timeShare.default(null),
  status: opportunityFields.status.default('open'),
  ownerId: opportunityFields.ownerId.default(null),
});
export type OpportunityInput = z.infer<typeof OpportunityBody>;
/** PATCH /api/opportunities/:id (hr): only the fields sent change. */
export const OpportunityPatch = z.object(opportunityFields).partial();

/**
 * Columns of opportunities.csv. `type` and `title` must be in the header. Rows with a `code` that
 * exists update that opportunity; others are created. Skills are separated by `;` (or 、 ／ |).
 */
export const OPPORTUNITY_CSV_COLUMNS = [
  'code',
  'type',
  'title',
  'description',
  'skills_required',
  'skills_gained',
  'department_code',
  'starts_on',
  'ends_on',
  'apply_by',
  'capacity',
  'time_share',
  'status',
  'owner_email',
] as const;
export const OPPORTUNITY_CSV_REQUIRED = ['type', 'title'] as const;

/** POST /api/opportunities/import (hr). */
export const OpportunityImportBody = z.object({ csv: z.string(), dryRun: z.boolean().optional() });

/** PUT /api/opportunities/:id/interest — an optional private note (sealed with the interest). */
export const InterestBody = z.object({ note: optionalText(L.interestNoteMax) });

/** POST /api/opportunities/:id/apply (and the query of GET …/apply-preview). */
export const ApplyBody = z.object({
  parts: z.array(z.enum(PROFILE_PARTS)).max(PROFILE_PARTS.length),
  message: optionalText(L.applicationMessageMax),
  /** `snapshotHash` of the preview the person confirmed; a changed profile asks for a new preview. */
  snapshotHash: z.string().min(1).max(100),
});

/** POST /api/oneonone/items (the employee's own, private until shared). */
export const AgendaItemBody = z.object({
  topic: text(L.agendaTopicMax),
  want: z.enum(ONEONONE_WANTS),
  detail: optionalText(L.agendaDetailMax),
  source: z.enum(['manual', 'companion']).default('manual'),
});
export const AgendaItemPatch = AgendaItemBody.omit({ source: true }).partial();

/** POST /api/oneonone/items/from-companion — a draft from a kept companion conversation's summary. */
export const AgendaFromCompanionBody = z.object({
  conversationId: z.uuid(),
  want: z.enum(ONEONONE_WANTS).default('thinkTogether'),
});

/** POST /api/oneonone/members/:userId/items (the manager's own item; visible to both). */
export const ManagerItemBody = z.object({
  topic: text(L.agendaTopicMax),
  detail: optionalText(L.agendaDetailMax),
});
export const ManagerItemPatch = ManagerItemBody.partial();

/** An agreed next step (either side records it; both see it). */
export const NextStepBody = z.object({
  text: text(L.nextStepTextMax),
  dueOn: IsoDate.nullish().transform((v) => v ?? null),
});
export const NextStepPatch = z.object({
  text: text(L.nextStepTextMax).optional(),
  dueOn: IsoDate.nullish(),
  done: z.boolean().optional(),
});

/* ------------------------------------------------------------------ response types */

/** A skill as the API returns it: `id` for catalog skills (name localised), null for free entries. */
export interface SkillRef {
  id: string | null;
  name: string;
}

export interface ProfileSkill extends SkillRef {
  level: number;
}

export interface ProfileStrength {
  text: string;
  episode: string | null;
}

/** A value: a card (`card` set, `label` localised) or the person's own words (`card` null). */
export interface ProfileValue {
  card: ValueCard | null;
  label: string;
}

export interface ProfileExperience {
  id: string;
  title: string;
  kind: 'project' | 'work';
  role: string | null;
  challenge: string | null;
  outcome: ExperienceOutcome;
  learned: string | null;
  from: string | null;
  to: string | null;
  stretch: boolean;
}

export interface ProfileLearningGoal {
  id: string;
  title: string;
  skills: SkillRef[];
  targetDate: string | null;
  progress: number;
}

export interface ProfileGoals {
  direction: { text: string; skills: SkillRef[] } | null;
  learning: ProfileLearningGoal[];
}

/** The published parts of someone's profile (`GET /api/users/:id/career`); absent = not published. */
export interface PublicCareerProfile {
  userId: string;
  parts: {
    strengths?: ProfileStrength[];
    values?: ProfileValue[];
    skills?: ProfileSkill[];
    experiences?: ProfileExperience[];
    goals?: ProfileGoals;
  };
  publishedAt: Partial<Record<ProfilePart, string>>;
}

/** The owner's own, private profile (`GET /api/career/profile`). */
export interface CareerProfile {
  strengths: ProfileStrength[];
  values: ProfileValue[];
  skills: ProfileSkill[];
  experiences: ProfileExperience[];
  goals: ProfileGoals;
  /** Which parts are currently published (copied to the public profile). */
  published: Record<ProfilePart, boolean>;
  updatedAt: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface OpportunityItem {
  id: string;
  code: string | null;
  type: OpportunityType;
  title: string;
  description: string;
  skillsRequired: SkillRef[];
  skillsGained: SkillRef[];
  department: { id: string; name: string; nameEn: string | null } | null;
  startsOn: string | null;
  endsOn: string | null;
  applyBy: string | null;
  capacity: number | null;
  timeShare: number | null;
  status: OpportunityStatus;
  owner: PersonRef | null;
  createdAt: string;
  updatedAt: string;
  /** The caller's own state: interest (from their vault) and their application. */
  me: { interested: boolean; applied: boolean };
  abilities: { edit: boolean; apply: boolean; viewApplications: boolean };
}

/** `GET /api/opportunities`: one page of the catalog; `nextCursor` (opaque) continues it, with the same filters. */
export interface OpportunityPage {
  items: OpportunityItem[];
  nextCursor: string | null;
  /** How many opportunities the filters match across all pages. */
  total: number;
}

/** A reason in plain words: a catalog key (`career.reason.*`) and its parameters, already localised. */
export interface Reason {
  key: string;
  params: Record<string, string>;
}

export interface RecommendationItem {
  opportunity: OpportunityItem;
  score: number;
  reasons: Reason[];
  /** Required skills the person has not registered or rates below 3. */
  gaps: Array<{ skill: SkillRef; level: number | null }>;
}

export interface RecommendationList {
  items: RecommendationItem[];
  /** What the ranking had to go on, so the web can suggest adding skills or goals. */
  basis: { skills: number; goals: number; values: number };
}

/** The profile parts as an application (or the public profile) carries them. */
export type ProfileSnapshot = PublicCareerProfile['parts'];

/** `GET /api/opportunities/:id/apply-preview`: exactly what the recipients will receive. */
export interface ApplyPreview {
  opportunity: { id: string; title: string; type: OpportunityType };
  /** Who receives it: the opportunity owner (if any) and hr. */
  recipients: { owner: PersonRef | null; hr: true };
  applicant: { id: string; name: string; title: string | null; departmentName: string | null };
  parts: ProfilePart[];
  profile: ProfileSnapshot;
  message: string | null;
  /** Send back with the application: it proves the person saw exactly this. */
  snapshotHash: string;
}

export interface ApplicationItem {
  id: string;
  opportunity: { id: string; title: string; type: OpportunityType };
  applicant: { id: string; name: string; title: string | null; departmentName: string | null };
  status: 'submitted' | 'withdrawn';
  parts: ProfilePart[];
  /** Null once withdrawn: withdrawing deletes what was shared. */
  profile: ProfileSnapshot | null;
  message: string | null;
  submittedAt: string;
  withdrawnAt: string | null;
}

/** One opportunity in hr's (or the opportunity owner's) management list. */
export interface OpportunityStats {
  opportunity: OpportunityItem;
  applications: number;
  /** Distinct people who marked interest, from the daily snapshot; null when fewer than k. */
  interest: number | null;
  interestSuppressed: boolean;
  /** The day (Japan time) the interest figure was counted. */
  interestCountedOn: string | null;
}

/** `GET /api/opportunities/manage`: one page of the management list (same paging as the catalog). */
export interface OpportunityStatsPage {
  items: OpportunityStats[];
  nextCursor: string | null;
  /** How many opportunities the filters match across all pages. */
  total: number;
  /** The k below which interest counts are suppressed. */
  k: number;
}

/** An agenda item as the employee sees it (`GET /api/oneonone/agenda`). */
export interface AgendaItem {
  id: string;
  topic: string;
  want: OneOnOneWant;
  detail: string | null;
  source: 'manual' | 'companion';
  /** Null while private; otherwise who it is shared with and whether they are still the manager. */
  shared: { with: PersonRef; at: string; current: boolean } | null;
  createdAt: string;
  updatedAt: string;
}

/** A shared item exactly as the manager sees it. */
export interface SharedAgendaItem {
  id: string;
  topic: string;
  want: OneOnOneWant;
  detail: string | null;
  sharedAt: string;
}

export interface ManagerAgendaItem {
  id: string;
  topic: string;
  detail: string | null;
  author: PersonRef;
  createdAt: string;
  updatedAt: string;
  /** What the person viewing may do (the manager's view: its author edits and deletes it). */
  abilities: { edit: boolean };
}

export interface NextStep {
  id: string;
  text: string;
  dueOn: string | null;
  done: boolean;
  doneAt: string | null;
  createdBy: PersonRef;
  createdAt: string;
  /** Both sides tick a step done; only its author rewords or deletes it. */
  abilities: { edit: boolean; delete: boolean };
}

/** The manager's view of one member (`GET /api/oneonone/members/:userId`), and the employee's preview of it. */
export interface ManagerView {
  employee: PersonRef;
  manager: PersonRef;
  sharedItems: SharedAgendaItem[];
  managerItems: ManagerAgendaItem[];
  nextSteps: NextStep[];
}

/**
 * A kept career talk with a summary, to draft an agenda item from
 * (`GET /api/oneonone/companion-summaries`; the owner's own, never anyone else's).
 */
export interface CompanionSummaryChoice {
  conversationId: string;
  title: string;
  /** The start of the latest summary, plain text, for recognising it. */
  excerpt: string;
  summarizedAt: string;
}

/** The employee's own agenda (`GET /api/oneonone/agenda`). */
export interface EmployeeAgenda {
  manager: PersonRef | null;
  items: AgendaItem[];
  managerItems: ManagerAgendaItem[];
  nextSteps: NextStep[];
}
