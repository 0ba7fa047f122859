import { z } from 'zod';
import { COMPANION_LIMITS as L, COMPANION_MODE_IDS, COMPANION_RETENTIONS } from '@engawa/shared';
import { COMPANION_MODES, type CompanionMode } from './engine.ts';

// The shared list (web) and the engine contract's list (server) must be the same modes.
const _sameModes: readonly CompanionMode[] = COMPANION_MODE_IDS;
const _sameModesBack: readonly (typeof COMPANION_MODE_IDS)[number][] = COMPANION_MODES;
void _sameModes;
void _sameModesBack;

export const Mode = z.enum(COMPANION_MODES);
export const Retention = z.enum(COMPANION_RETENTIONS);
export const KeptRetention = z.enum(['30', '90', '365', 'forever']);

/** One earlier turn sent back by the client (ephemeral mode, or when it starts keeping). */
export const HistoryMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().min(1).max(L.historyMessageMax),
});

/** POST /api/companion/chat */
export const ChatBody = z.object({
  /** Continue a kept conversation; its stored turns are the history. */
  conversationId: z.uuid().optional(),
  /** For a new conversation: `ephemeral` (default) keeps nothing; anything else creates a kept one. */
  retention: Retention.optional(),
  mode: Mode.optional(),
  message: z.string().trim().min(1).max(L.messageMax),
  /** Earlier turns, oldest first; only for a conversation that is not (yet) kept. */
  history: z.array(HistoryMessage).max(L.historyMaxMessages).optional(),
});
export type ChatBody = z.infer<typeof ChatBody>;

/** POST /api/companion/summary (an ephemeral conversation: nothing is stored). */
export const EphemeralSummaryBody = z.object({
  mode: Mode,
  history: z.array(HistoryMessage).min(1).max(L.historyMaxMessages),
});

export const IdParams = z.object({ id: z.uuid() });

export const ListQuery = z.object({ q: z.string().trim().max(L.searchQueryMax).optional() });

export const ExportQuery = z.object({ format: z.enum(['md', 'json']).default('md') });

export const ConversationPatch = z
  .object({
    title: z.string().trim().min(1).max(L.titleMax).optional(),
    retention: KeptRetention.optional(),
  })
  .refine((v) => v.title !== undefined || v.retention !== undefined, { message: 'nothing to change' });

export const NoteBody = z.object({
  title: z.string().trim().max(L.noteTitleMax).optional(),
  body: z.string().trim().min(1).max(L.noteBodyMax),
  /** The kept conversation a saved summary came from (shown to the owner only). */
  conversationId: z.uuid().optional(),
});

export const NotePatch = z
  .object({
    title: z.string().trim().max(L.noteTitleMax).optional(),
    body: z.string().trim().min(1).max(L.noteBodyMax).optional(),
  })
  .refine((v) => v.title !== undefined || v.body !== undefined, { message: 'nothing to change' });

export const CrisisContact = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(''),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()\-\s]*$/)
    .optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  hours: z.string().trim().max(100).optional(),
});
export type CrisisContact = z.infer<typeof CrisisContact>;

/** PUT /api/companion/settings (hr) */
export const SettingsBody = z.object({
  aiPolicyJa: z.string().trim().max(L.aiPolicyMax).nullable(),
  aiPolicyEn: z.string().trim().max(L.aiPolicyMax).nullable(),
  crisisContacts: z.array(CrisisContact).max(L.crisisContactsMax),
});
export type CompanionSettings = z.infer<typeof SettingsBody>;

/* Stored (encrypted) record shapes. Validated on every decrypt. */

export const StoredMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  at: z.string(),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const ConversationMeta = z.object({
  title: z.string(),
  mode: Mode,
  retention: KeptRetention,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConversationMeta = z.infer<typeof ConversationMeta>;

export const ConversationMessages = z.object({ messages: z.array(StoredMessage) });

export const StoredSummary = z.object({ mode: Mode, markdown: z.string(), createdAt: z.string() });
export type StoredSummary = z.infer<typeof StoredSummary>;

export const StoredNote = z.object({
  title: z.string(),
  body: z.string(),
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredNote = z.infer<typeof StoredNote>;

/** Record kinds bound into each ciphertext's AAD. */
export const KIND = {
  meta: 'companion.conversation-meta',
  messages: 'companion.conversation-messages',
  summary: 'companion.summary',
  note: 'companion.note',
} as const;
