import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings in both dialects (they sort
 * correctly as text); booleans are 0/1 integers. Only repositories use these types.
 */
export interface DepartmentTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  parent_id: string | null;
  manager_id: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  name_kana: string | null;
  name_en: string | null;
  title: string | null;
  bio: string | null;
  password_hash: string | null;
  department_id: string | null;
  locale: ColumnType<string, string | undefined, string>;
  time_zone: ColumnType<string, string | undefined, string>;
  work_start: ColumnType<string, string | undefined, string>;
  work_end: ColumnType<string, string | undefined, string>;
  /** 'daily' | 'weekly' | 'off' (EMAIL_DIGESTS in @engawa/shared): how often the e-mail digest comes. */
  email_digest: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<number, number | undefined, number>;
  disabled_at: string | null;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  oidc_subject: string | null;
  /** Names folded for the people directory (NFKC, lower case; see identity/userSearch.ts). */
  name_search: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  detail: string | null;
  created_at: string;
}

export interface AppSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/* Communities (modules/community). */
export interface CommunityTable {
  id: string;
  name: string;
  name_key: string;
  purpose: string;
  rules: string;
  rules_version: ColumnType<number, number | undefined, number>;
  visibility: string;
  private_reason: string | null;
  created_by: string | null;
  last_post_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommunityTopicTable {
  community_id: string;
  topic: string;
}

export interface CommunityMemberTable {
  community_id: string;
  user_id: string;
  role: string;
  joined_at: string;
}

export interface CommunityRulesAckTable {
  community_id: string;
  user_id: string;
  rules_version: number;
  acknowledged_at: string;
}

export interface ConductAckTable {
  user_id: string;
  version: number;
  acknowledged_at: string;
}

export interface CommunityReadTable {
  user_id: string;
  community_id: string;
  last_read_at: string;
  last_read_post_id: string;
}

export interface CommunityWebhookTable {
  id: string;
  community_id: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface PostTable {
  id: string;
  community_id: string;
  author_id: string | null;
  webhook_id: string | null;
  kind: string;
  title: string | null;
  body_md: string;
  body_html: string;
  /** JSON object of structured know-how fields (source text). */
  fields: string | null;
  /** JSON object of the same fields rendered to sanitised HTML. */
  fields_html: string | null;
  company_wide: ColumnType<number, number | undefined, number>;
  requires_confirmation: ColumnType<number, number | undefined, number>;
  urgent: ColumnType<number, number | undefined, number>;
  pinned_at: string | null;
  accepted_comment_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  comment_count: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface PostRevisionTable {
  id: string;
  post_id: string;
  editor_id: string | null;
  title: string | null;
  body_md: string;
  fields: string | null;
  created_at: string;
}

export interface CommentTable {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_id: string | null;
  body_md: string;
  body_html: string;
  status: ColumnType<string, string | undefined, string>;
  created_at: string;
  updated_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface ReactionTable {
  subject_type: string;
  subject_id: string;
  reaction: string;
  user_id: string;
  created_at: string;
}

export interface PostSignalTable {
  post_id: string;
  signal: string;
  user_id: string;
  created_at: string;
}

export interface AnnouncementConfirmationTable {
  post_id: string;
  user_id: string;
  confirmed_at: string;
}

export interface MentionTable {
  source_type: string;
  source_id: string;
  user_id: string;
  created_at: string;
}

export interface AttachmentTable {
  id: string;
  uploader_id: string;
  post_id: string | null;
  original_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  thumb_key: string | null;
  width: number | null;
  height: number | null;
  created_at: string;
  deleted_at: string | null;
}

export interface ReportTable {
  id: string;
  subject_type: string;
  subject_id: string;
  community_id: string;
  reporter_id: string;
  reason: string;
  status: string;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  created_at: string;
}

/* Vault (platform/vault): wrapped per-user data keys and wrapped system secrets. */
export interface VaultKeyTable {
  user_id: string;
  master_key_id: string;
  wrapped_key: string;
}

export interface VaultSecretTable {
  purpose: string;
  name: string;
  master_key_id: string;
  wrapped_secret: string;
}

/* Companion (modules/companion): content columns hold vault ciphertext; rows are found by owner_tag. */
export interface CompanionConversationTable {
  id: string;
  owner_tag: string;
  meta: string;
  messages: string;
  expires_at: string | null;
}

export interface CompanionSummaryTable {
  id: string;
  owner_tag: string;
  conversation_id: string;
  body: string;
}

export interface CompanionNoteTable {
  id: string;
  owner_tag: string;
  body: string;
}

export interface CompanionMonthlyUserTable {
  month: string;
  user_hash: string;
}

export interface CompanionMonthlyCountTable {
  month: string;
  users: number;
}

/* Live events (platform/realtime). */
export interface RealtimeStreamTable {
  stream: string;
  last_seq: number;
  updated_at: string;
}

export interface RealtimeEventTable {
  stream: string;
  seq: number;
  type: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

/* Notifications (modules/notifications). */
export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  /** Groups notifications of one thread (e.g. `post:<id>`): one unread row per user, kind and thread. */
  thread_key: string;
  /** How many events this (grouped) notification stands for. */
  count: number;
  last_actor_id: string | null;
  /** What the notification is about (e.g. a post title), plain text, shown escaped. */
  subject: string;
  /** Where it happened (e.g. the community name), plain text; may be null. */
  context: string | null;
  /** In-app path, e.g. `/communities/<id>/posts/<id>`. */
  link: string;
  urgent: number;
  created_at: string;
  updated_at: string;
  /** Earliest moment to push it live / mail it: the start of the recipient's next working window. */
  deliver_at: string;
  pushed_at: string | null;
  emailed_at: string | null;
  read_at: string | null;
}

/** Recipient lists too long to expand inside the request; a job expands them after commit. */
export interface NotificationBatchTable {
  id: string;
  /** JSON: the notify input without the user ids. */
  input: string;
  /** JSON array of user ids still to notify. */
  user_ids: string;
  created_at: string;
}

export interface NotificationDigestTable {
  user_id: string;
  /** Start (ISO) of the working window the last digest was sent in. */
  last_window_start: string;
  last_sent_at: string;
}

/* Career (modules/career): the private profile is vault ciphertext found by owner_tag. */
export interface CareerProfileTable {
  owner_tag: string;
  body: string;
}

/** A published part's plaintext projection (JSON). */
export interface CareerPublicPartTable {
  user_id: string;
  part: string;
  body: string;
  published_at: string;
  updated_at: string;
}

export interface CareerOpportunityTable {
  id: string;
  code: string | null;
  type: string;
  title: string;
  description: string;
  /** JSON array of { id: catalog id | null, name }. */
  skills_required: string;
  skills_gained: string;
  department_id: string | null;
  starts_on: string | null;
  ends_on: string | null;
  apply_by: string | null;
  capacity: number | null;
  time_share: number | null;
  status: string;
  owner_id: string | null;
  /** NFKC + lower-cased title, description and skill names (substring search). */
  norm: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CareerApplicationTable {
  id: string;
  opportunity_id: string;
  applicant_id: string;
  status: string;
  /** JSON array of the profile parts chosen. */
  parts: string;
  /** JSON of the confirmed snapshot; null once withdrawn. */
  snapshot: string | null;
  message: string | null;
  submitted_at: string;
  withdrawn_at: string | null;
  /** The opportunity owner shown on the consent screen: the only owner who may read this application. */
  recipient_owner_id: string | null;
}

export interface CareerInterestMarkTable {
  opportunity_id: string;
  mark: string;
}

export interface CareerInterestCountTable {
  opportunity_id: string;
  interested: number;
  counted_on: string;
}

/* 1on1 bridge (modules/oneonone). Drafts are vault ciphertext; items and next steps are shared. */
export interface OneOnOneDraftTable {
  id: string;
  owner_tag: string;
  body: string;
}

export interface OneOnOneItemTable {
  id: string;
  employee_id: string;
  manager_id: string;
  author: string;
  topic: string;
  want: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
}

export interface OneOnOneNextStepTable {
  id: string;
  employee_id: string;
  manager_id: string;
  text: string;
  due_on: string | null;
  done_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/* Search index (modules/search). */
export interface SearchDocTable {
  id: Generated<number>;
  doc_type: string;
  doc_id: string;
  community_id: string;
  post_id: string | null;
  author_id: string | null;
  /** Post kind for posts; null for comments and communities. */
  post_kind: string | null;
  title: string;
  body: string;
  /** NFKC + lower-cased title and body (what substring checks run on). */
  norm: string;
  created_at: string;
  updated_at: string;
}

export interface DB {
  departments: DepartmentTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  app_settings: AppSettingTable;
  realtime_streams: RealtimeStreamTable;
  realtime_events: RealtimeEventTable;
  notifications: NotificationTable;
  notification_batches: NotificationBatchTable;
  notification_digests: NotificationDigestTable;
  search_docs: SearchDocTable;
  communities: CommunityTable;
  community_topics: CommunityTopicTable;
  community_members: CommunityMemberTable;
  community_rules_acks: CommunityRulesAckTable;
  conduct_acks: ConductAckTable;
  community_reads: CommunityReadTable;
  community_webhooks: CommunityWebhookTable;
  posts: PostTable;
  post_revisions: PostRevisionTable;
  comments: CommentTable;
  reactions: ReactionTable;
  post_signals: PostSignalTable;
  announcement_confirmations: AnnouncementConfirmationTable;
  mentions: MentionTable;
  attachments: AttachmentTable;
  reports: ReportTable;
  vault_keys: VaultKeyTable;
  vault_secrets: VaultSecretTable;
  companion_conversations: CompanionConversationTable;
  companion_summaries: CompanionSummaryTable;
  companion_notes: CompanionNoteTable;
  companion_monthly_users: CompanionMonthlyUserTable;
  companion_monthly_counts: CompanionMonthlyCountTable;
  career_profiles: CareerProfileTable;
  career_public_parts: CareerPublicPartTable;
  career_opportunities: CareerOpportunityTable;
  career_applications: CareerApplicationTable;
  career_interest_marks: CareerInterestMarkTable;
  career_interest_counts: CareerInterestCountTable;
  oneonone_drafts: OneOnOneDraftTable;
  oneonone_items: OneOnOneItemTable;
  oneonone_next_steps: OneOnOneNextStepTable;
}
