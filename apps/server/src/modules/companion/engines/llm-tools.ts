import { tool, zodSchema, type Schema, type ToolSet } from 'ai';
import { z } from 'zod';
import { CAREER_LIMITS, COMPANION_LIMITS, OPPORTUNITY_TYPES, translate, type Locale } from '@engawa/shared';
import type { CompanionTools } from '../engine.ts';
import { suggestionLines } from '../format.ts';

/**
 * The tools the model may call, as a list of specs so a later issue adds one entry per tool
 * (read my profile, search the opportunities catalog) without touching the engine. Each spec
 * says what the model sees (name, description, zod input), what runs (always one of the
 * owner's own CompanionTools, inside the owner's request), what the model is told back, and
 * the line the user sees.
 */

/** What one tool run produced: the result for the model and the user-facing event. */
export interface ToolOutcome {
  ok: boolean;
  /** Markdown shown to the user (a short line, or the drafted agenda itself). */
  summary: string;
  /** What goes back to the model as the tool result (never an error message or stack). */
  forModel: Record<string, string | number | boolean>;
}

interface CompanionToolSpec<I> {
  name: string;
  description: Record<Locale, string>;
  input: z.ZodType<I>;
  /** Tools that depend on a later module are offered only when the route provides them. */
  available(tools: CompanionTools): boolean;
  run(tools: CompanionTools, input: I, locale: Locale): Promise<ToolOutcome>;
  /** The outcome when `run` threw (the error itself is never shown to the model or the user). */
  failed(locale: Locale): ToolOutcome;
}

/** A spec plus its input schema wrapped once for the AI SDK (which caches the JSON Schema on it). */
type RegisteredTool = CompanionToolSpec<unknown> & { schema: Schema<unknown> };

/**
 * Keeps each spec's input type tied to its `run` while the list holds specs of different inputs,
 * and converts the zod schema once: converting it on every request cost more than the rest of
 * the tool setup.
 */
function defineTool<I>(spec: CompanionToolSpec<I>): RegisteredTool {
  return { ...(spec as CompanionToolSpec<unknown>), schema: zodSchema(spec.input) as Schema<unknown> };
}

/** User-facing lines for tool outcomes, from the companion catalog. */
const text = (locale: Locale, key: 'noteFailed' | 'agendaFailed') =>
  translate(locale, `companion.tools.${key}`);

/** Bounds on what the model may pass: a note obeys the same limits as one the user writes. */
export const TOOL_LIMITS = {
  noteTitleMax: COMPANION_LIMITS.noteTitleMax,
  noteBodyMax: COMPANION_LIMITS.noteBodyMax,
  agendaItemsMax: 20,
  agendaTopicMax: 500,
  agendaAskMax: 1000,
} as const;

const savePrivateNote = defineTool({
  name: 'save_private_note',
  description: {
    ja: '本人の非公開メモに保存する。本人が保存を望んだときだけ使う。メモは本人だけが読める。',
    en: "Saves a note to the person's private notes. Use only when they ask to keep something. Only they can read it.",
  },
  input: z.object({
    title: z.string().trim().min(1).max(TOOL_LIMITS.noteTitleMax).describe('A short title in their words'),
    body: z
      .string()
      .trim()
      .min(1)
      .max(TOOL_LIMITS.noteBodyMax)
      .describe('The note in Markdown, in their words'),
  }),
  available: () => true,
  async run(tools, input, locale) {
    await tools.savePrivateNote(input);
    return {
      ok: true,
      summary: translate(locale, 'companion.tools.noteSaved', { title: input.title }),
      forModel: { saved: true },
    };
  },
  failed: (locale) => ({ ok: false, summary: text(locale, 'noteFailed'), forModel: { saved: false } }),
});

const draftOneOnOneAgenda = defineTool({
  name: 'draft_one_on_one_agenda',
  description: {
    ja: '次の1on1のアジェンダの下書きを作って本人に返す。上司には共有されない（共有するかは本人が選ぶ）。',
    en: 'Drafts an agenda for the next 1on1 and returns it to the person. Nothing is shared with the manager (they choose what to share).',
  },
  input: z.object({
    items: z
      .array(
        z.object({
          topic: z
            .string()
            .trim()
            .min(1)
            .max(TOOL_LIMITS.agendaTopicMax)
            .describe('What they want to talk about'),
          ask: z
            .string()
            .trim()
            .max(TOOL_LIMITS.agendaAskMax)
            .describe('What they want to ask of or request from their manager (may be empty)'),
        }),
      )
      .min(1)
      .max(TOOL_LIMITS.agendaItemsMax)
      .describe('Agenda items in priority order'),
  }),
  available: () => true,
  async run(tools, input) {
    const { markdown } = await tools.draftOneOnOneAgenda(input);
    return { ok: true, summary: markdown, forModel: { drafted: true, agenda: markdown } };
  },
  failed: (locale) => ({ ok: false, summary: text(locale, 'agendaFailed'), forModel: { drafted: false } }),
});

const readMyProfile = defineTool({
  name: 'read_my_profile',
  description: {
    ja: '本人のキャリアプロフィール（強み・価値観・スキルと自己評価・経験・目標）を読む。本人が自分のプロフィールを踏まえた相談や提案を望んだときに使う。本人以外のプロフィールは読めない。',
    en: "Reads the person's own career profile (strengths, values, skills with self-assessed levels, experience, goals). Use when they want advice or suggestions that build on their profile. No one else's profile can be read.",
  },
  input: z.object({}),
  available: (tools) => !!tools.readMyProfile,
  async run(tools, _input, locale) {
    const profile = await tools.readMyProfile!();
    return {
      ok: true,
      summary: translate(locale, 'career.companion.profileRead'),
      forModel: { profile: JSON.stringify(profile) },
    };
  },
  failed: (locale) => ({
    ok: false,
    summary: translate(locale, 'career.companion.profileFailed'),
    forModel: { read: false },
  }),
});

const searchOpportunities = defineTool({
  name: 'search_opportunities',
  description: {
    ja: '社内の募集中の機会（研修・社内公募・ジョブシャドウイング・社内副業・メンタリング）を、本人のプロフィールに合う順に、理由つきで探す。具体的な次の一歩を提案するときに使う。',
    en: 'Searches the open internal opportunities (trainings, internal postings, job shadowing, internal gigs, mentoring), ranked for the person by their profile, each with reasons. Use to suggest concrete next steps.',
  },
  input: z.object({
    query: z
      .string()
      .trim()
      .max(CAREER_LIMITS.searchQueryMax)
      .optional()
      .describe('Words to look for (a skill, a department, a theme); leave out to rank everything'),
    type: z.enum(OPPORTUNITY_TYPES).optional().describe('Only this kind of opportunity'),
  }),
  available: (tools) => !!tools.searchOpportunities,
  async run(tools, input, locale) {
    const results = await tools.searchOpportunities!({ query: input.query, type: input.type, limit: 5 });
    return {
      ok: true,
      summary: results.length
        ? [
            translate(locale, 'career.companion.suggestionsIntro'),
            '',
            ...suggestionLines(locale, results),
          ].join('\n')
        : translate(locale, 'career.companion.searchNone'),
      forModel: { count: results.length, results: JSON.stringify(results) },
    };
  },
  failed: (locale) => ({
    ok: false,
    summary: translate(locale, 'career.companion.searchFailed'),
    forModel: { searched: false },
  }),
});

/** Every tool, in the order the model sees them. Later issues append here. */
export const COMPANION_TOOL_SPECS: ReadonlyArray<RegisteredTool> = [
  savePrivateNote,
  draftOneOnOneAgenda,
  readMyProfile,
  searchOpportunities,
];

/**
 * The AI SDK tool set for one answer. `execute` never throws: a failed run becomes an `ok: false`
 * outcome (reported through `onToolError` as an error class only), so the model is told plainly
 * and the user sees a line, never an error message that could carry private text.
 */
export function buildToolSet(
  tools: CompanionTools,
  locale: Locale,
  onToolError: (name: string, error: unknown) => void,
): ToolSet {
  const set: ToolSet = {};
  for (const spec of COMPANION_TOOL_SPECS) {
    if (!spec.available(tools)) continue;
    set[spec.name] = tool({
      description: spec.description[locale],
      inputSchema: spec.schema,
      execute: async (input: unknown): Promise<ToolOutcome> => {
        try {
          return await spec.run(tools, input, locale);
        } catch (error) {
          onToolError(spec.name, error);
          return spec.failed(locale);
        }
      },
      toModelOutput: ({ output }) => ({ type: 'json', value: output.forModel }),
    });
  }
  return set;
}

/** Narrows a tool-result output back to the outcome our `execute` returned. */
export function isToolOutcome(value: unknown): value is ToolOutcome {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as ToolOutcome).ok === 'boolean' &&
    typeof (value as ToolOutcome).summary === 'string'
  );
}

/** The user-facing line when the model's call could not even be run (bad arguments). */
export function invalidCallOutcome(name: string, locale: Locale): ToolOutcome | undefined {
  return COMPANION_TOOL_SPECS.find((s) => s.name === name)?.failed(locale);
}
