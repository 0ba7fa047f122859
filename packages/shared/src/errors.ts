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
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export interface FieldIssue {
  /** Field name (dot path for nested input, CSV column name for imports). */
  field: string;
  code: FieldIssueCode;
  /** 1-based line number in an uploaded CSV file, when the issue comes from one. */
  line?: number;
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
