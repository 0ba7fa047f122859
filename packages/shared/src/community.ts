/**
 * Community vocabulary shared by the server and the web: post kinds and their structured fields,
 * the fixed reaction set, know-how signals, attachment types and input limits. The server validates
 * with these; the web builds its forms and pickers from them, so both sides always agree.
 */

/** Every post is one of these; know-how kinds carry structured fields (KNOWHOW_FIELDS). */
export const POST_KINDS = [
  'post',
  'question',
  'announcement',
  'prompt_recipe',
  'success_case',
  'small_failure',
] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Kinds that form the know-how library (and take "I used this" / "this helped" signals). */
export const KNOWHOW_KINDS = ['prompt_recipe', 'success_case', 'small_failure'] as const;
export type KnowhowKind = (typeof KNOWHOW_KINDS)[number];

export function isKnowhowKind(kind: string): kind is KnowhowKind {
  return (KNOWHOW_KINDS as readonly string[]).includes(kind);
}

/**
 * Structured fields per know-how kind, in display order. `required` fields must be non-blank;
 * `preformatted` fields (a prompt, an example output) are shown verbatim, not as Markdown.
 */
export const KNOWHOW_FIELDS: Record<
  KnowhowKind,
  ReadonlyArray<{ name: string; required: boolean; preformatted: boolean }>
> = {
  prompt_recipe: [
    { name: 'goal', required: true, preformatted: false },
    { name: 'prompt', required: true, preformatted: true },
    { name: 'exampleOutput', required: false, preformatted: true },
    { name: 'tips', required: false, preformatted: false },
    { name: 'tool', required: false, preformatted: false },
  ],
  success_case: [
    { name: 'challenge', required: true, preformatted: false },
    { name: 'approach', required: true, preformatted: false },
    { name: 'result', required: true, preformatted: false },
    { name: 'tool', required: false, preformatted: false },
  ],
  small_failure: [
    { name: 'tried', required: true, preformatted: false },
    { name: 'happened', required: true, preformatted: false },
    { name: 'learned', required: true, preformatted: false },
  ],
};

/** Kinds whose title is required (a plain post may go without one). */
export const TITLE_REQUIRED_KINDS: readonly PostKind[] = [
  'question',
  'announcement',
  'prompt_recipe',
  'success_case',
  'small_failure',
];

/** The fixed reaction set: URL-safe keys and the emoji they show. */
export const REACTIONS = {
  thumbsup: '👍',
  heart: '❤️',
  laugh: '😄',
  tada: '🎉',
  pray: '🙏',
  eyes: '👀',
  bulb: '💡',
  clap: '👏',
} as const;
export type ReactionKey = keyof typeof REACTIONS;
export const REACTION_KEYS = Object.keys(REACTIONS) as ReactionKey[];

/** Signals on know-how posts: "I used this" and "this helped". */
export const KNOWHOW_SIGNALS = ['used', 'helped'] as const;
export type KnowhowSignal = (typeof KNOWHOW_SIGNALS)[number];

/** Where an announcement shows up: the community only, or everyone's home feed (admins and HR). */
export const ANNOUNCEMENT_AUDIENCES = ['community', 'company'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

export const COMMUNITY_VISIBILITIES = ['open', 'private'] as const;
export type CommunityVisibility = (typeof COMMUNITY_VISIBILITIES)[number];

/** What can be reported to the moderation queue. */
export const REPORT_SUBJECTS = ['post', 'comment'] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];

/** Attachment types accepted after checking the bytes (never the name or the declared type). */
export const ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/markdown',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Input limits for communities, posts, comments and attachments (characters unless named otherwise). */
export const COMMUNITY_LIMITS = {
  nameMax: 80,
  purposeMax: 2000,
  rulesMax: 5000,
  privateReasonMax: 1000,
  topicMax: 40,
  topicsMax: 10,
  /** Organizers besides the creator that can be named when a community is created. */
  coOrganizersMax: 20,
  titleMax: 200,
  bodyMax: 40_000,
  fieldMax: 10_000,
  commentMax: 10_000,
  reportReasonMax: 1000,
  webhookNameMax: 80,
  /** Attachments one post may carry. */
  attachmentsPerPost: 10,
  /** Images (png, jpeg, gif, webp). */
  imageMaxBytes: 10 * 1024 * 1024,
  /** Documents (pdf, text, csv, Office). */
  documentMaxBytes: 20 * 1024 * 1024,
  /** Longest side of a generated thumbnail, in pixels. */
  thumbnailMaxPx: 480,
  feedPageDefault: 20,
  feedPageMax: 50,
  webhooksPerCommunity: 10,
  /** Incoming webhook calls per token per minute. */
  webhookPerMinute: 30,
  /**
   * Urgent announcements bypass everyone's working hours, so they must stay rare: at most one per
   * community in this many hours (whoever posts it, admins and HR included; deleting it does not
   * give the slot back, the notifications already went out).
   */
  urgentAnnouncementWindowHours: 24,
} as const;

/**
 * Version of the company code of conduct (text in the `community.codeOfConduct` catalogs). Raising
 * it asks everyone to acknowledge the new text before their next post.
 */
export const CODE_OF_CONDUCT_VERSION = 1;

/** The code-of-conduct catalog keys, in display order (`community.codeOfConduct.<key>`). */
export const CODE_OF_CONDUCT_ITEMS = ['respect', 'openness', 'safety', 'privacy', 'ai', 'report'] as const;
