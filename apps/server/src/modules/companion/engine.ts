import type { Locale } from '@engawa/shared';

/** Guided modes of the companion; `free` is "just talk". */
export const COMPANION_MODES = [
  'free',
  'moyamoya',
  'strengths',
  'oneonone',
  'direction',
  'learning',
] as const;
export type CompanionMode = (typeof COMPANION_MODES)[number];

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** The owner's career profile, condensed for the engine (names in the owner's language). */
export interface CareerDigest {
  strengths: string[];
  values: string[];
  skills: Array<{ name: string; level: number }>;
  experiences: Array<{
    title: string;
    role: string | null;
    challenge: string | null;
    outcome: string;
    learned: string | null;
    when: string | null;
  }>;
  direction: string | null;
  learningGoals: Array<{ title: string; targetDate: string | null; progress: number }>;
}

/** An open opportunity ranked for the owner, with its reasons rendered in the owner's language. */
export interface OpportunitySuggestion {
  id: string;
  title: string;
  type: string;
  typeLabel: string;
  reasons: string[];
}

/**
 * Tools the engine may call on the owner's behalf. They run inside the owner's own request, so
 * they may read and write the owner's vault; nothing else. The optional ones come from later
 * modules (career) and are offered only when the route provides them.
 */
export interface CompanionTools {
  /** Saves a private note (encrypted in the vault) and returns its id. */
  savePrivateNote(input: { title: string; body: string }): Promise<{ id: string }>;
  /** Drafts a 1on1 agenda (returned to the user; saving is their choice). */
  draftOneOnOneAgenda(input: { items: Array<{ topic: string; ask: string }> }): Promise<{ markdown: string }>;
  /** The owner's own career profile (decrypted in this request only). */
  readMyProfile?(): Promise<CareerDigest>;
  /**
   * Open opportunities ranked for the owner by the same matching as their recommendations;
   * `talk` (what they said in this conversation) counts as a goal, `query` filters by words.
   */
  searchOpportunities?(input: {
    query?: string | undefined;
    type?: string | undefined;
    types?: readonly string[] | undefined;
    talk?: string | undefined;
    limit?: number | undefined;
  }): Promise<OpportunitySuggestion[]>;
}

/** What an engine streams back while answering. */
export type EngineEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool'; name: string; ok: boolean; summary: string }
  | { type: 'error'; code: 'companion.model_failed' | 'companion.model_timeout' };

export interface EngineInput {
  mode: CompanionMode;
  locale: Locale;
  /** Earlier turns of this conversation, oldest first (user and assistant). */
  history: ChatMessage[];
  message: string;
  /** The company's AI role-and-limits text, set by hr (included in the system prompt). */
  companyAiPolicy: string | null;
  tools: CompanionTools;
  signal: AbortSignal;
}

/**
 * A companion engine: the offline guided-reflection engine (no model) or an OpenAI-compatible LLM.
 * `respond` yields text deltas as they are produced; it never throws for model failures, it yields
 * an `error` event instead, so the route can keep the user's message and tell them plainly.
 */
export interface CompanionEngine {
  readonly kind: 'offline' | 'llm';
  respond(input: EngineInput): AsyncIterable<EngineEvent>;
  /** A summary in the user's own words (Will/Can/Must table, 1on1 agenda draft, …) as Markdown. */
  summarize(input: {
    mode: CompanionMode;
    locale: Locale;
    history: ChatMessage[];
    signal: AbortSignal;
  }): Promise<string>;
}
