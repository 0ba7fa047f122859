/**
 * Companion (キャリア相談) vocabulary shared by the server and the web: guided modes, retention
 * choices and input limits. The server validates with these; the web builds its controls from them.
 */

/** Guided modes; `free` is "just talk". Same list as the server's engine contract. */
export const COMPANION_MODE_IDS = [
  'free',
  'moyamoya',
  'strengths',
  'oneonone',
  'direction',
  'learning',
] as const;
export type CompanionModeId = (typeof COMPANION_MODE_IDS)[number];

/**
 * How long a conversation is kept. `ephemeral` (the default) stores nothing; the number choices
 * keep it that many days after the last message; `forever` keeps it until the owner deletes it.
 */
export const COMPANION_RETENTIONS = ['ephemeral', '30', '90', '365', 'forever'] as const;
export type CompanionRetention = (typeof COMPANION_RETENTIONS)[number];
export const DEFAULT_COMPANION_RETENTION: CompanionRetention = 'ephemeral';

/** Retention choices that store something (every choice but `ephemeral`). */
export type KeptRetention = Exclude<CompanionRetention, 'ephemeral'>;

/** Days a kept retention choice lasts after the last message; null = until deleted. */
export function retentionDays(retention: KeptRetention): number | null {
  return retention === 'forever' ? null : Number(retention);
}

/** Input limits for the companion (characters unless named otherwise). */
export const COMPANION_LIMITS = {
  /** One message typed by the user. */
  messageMax: 4000,
  /** Earlier turns the client sends back in ephemeral mode (or when it starts keeping a conversation). */
  historyMaxMessages: 40,
  /** Total characters of those earlier turns. */
  historyMaxChars: 60_000,
  /** One assistant turn in the history the client sends back. */
  historyMessageMax: 12_000,
  /** Messages one kept conversation may hold; then the owner starts a new one. */
  conversationMaxMessages: 200,
  /** Earlier turns handed to the engine for one answer (the newest ones). */
  engineContextMessages: 40,
  titleMax: 120,
  noteTitleMax: 200,
  noteBodyMax: 20_000,
  searchQueryMax: 100,
  /** Request body of the chat route, in bytes. */
  chatBodyBytes: 256 * 1024,
  crisisContactsMax: 10,
  aiPolicyMax: 4000,
} as const;
