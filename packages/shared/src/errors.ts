/**
 * Stable error codes. The server answers `{ error: { code, message, fields? } }`; clients key
 * behaviour on `code`, never on `message`. Every code has ja and en text under `errors.<code>`
 * in the catalogs (a test enforces that).
 */
export const ERROR_CODES = [
  'common.validation',
  'common.not_found',
  'common.unauthenticated',
  'common.forbidden',
  'common.csrf',
  'common.rate_limited',
  'common.conflict',
  'common.internal',
  'common.payload_too_large',
  'common.not_ready',
  'auth.invalid_credentials',
  'auth.locked',
  'auth.sso_not_configured',
  'auth.sso_failed',
  'auth.account_disabled',
  'auth.password_login_disabled',
  'auth.sso_no_account',
  'auth.sso_email_unverified',
  'auth.sso_account_conflict',
  'identity.email_taken',
  'identity.department_code_taken',
  'identity.department_cycle',
  'identity.department_not_empty',
  'identity.unknown_department',
  'identity.unknown_user',
  'identity.last_admin',
  'identity.invalid_time_zone',
  'identity.invalid_working_hours',
  'csv.invalid',
  'csv.too_large',
  'community.private_reason_required',
  'community.rules_ack_required',
  'community.code_of_conduct_ack_required',
  'community.membership_required',
  'community.last_organizer',
  'community.name_taken',
  'community.company_wide_not_allowed',
  'community.announcement_organizers_only',
  'community.not_a_question',
  'community.comment_not_in_post',
  'community.reply_too_deep',
  'community.signal_not_applicable',
  'community.confirmation_not_requested',
  'community.attachment_type_refused',
  'community.attachment_too_large',
  'community.attachment_missing',
  'community.attachment_unavailable',
  'community.too_many_webhooks',
  'community.webhook_invalid_payload',
  'community.urgent_announcement_limit',
  'vault.unavailable',
  'companion.model_failed',
  'companion.model_timeout',
  'companion.conversation_full',
  'companion.history_too_large',
  'realtime.origin_forbidden',
  'realtime.upgrade_required',
  'notifications.invalid_cursor',
  'search.query_required',
  'search.invalid_cursor',
  'career.opportunity_closed',
  'career.own_opportunity',
  'career.preview_outdated',
  'career.opportunity_has_applications',
  'career.recipient_changed',
  'career.profile_outdated',
  'oneonone.no_manager',
  'oneonone.no_summary',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes for a single field problem (validation error details and CSV row reports). */
export const FIELD_ISSUE_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_email',
  'invalid_format',
  'invalid_value',
  'duplicate',
  'unknown_reference',
  'taken',
  'cycle',
  'invalid_encoding',
  'unknown_column',
  'missing_column',
  'last_admin',
  'too_many_issues',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export interface FieldIssue {
  /** Field name (dot path for nested input, CSV column name for imports). */
  field: string;
  code: FieldIssueCode;
  /** 1-based line number in an uploaded CSV file, when the issue comes from one. */
  line?: number;
  /** Which uploaded file the line is in (e.g. `departments`, `users`), for multi-file imports. */
  file?: string;
  message?: string;
}

export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldIssue[];
    retryAfterSeconds?: number;
  };
}
