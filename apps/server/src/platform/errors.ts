import type { ErrorCode, FieldIssue } from '@engawa/shared';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'common.validation': 400,
  'common.not_found': 404,
  'common.unauthenticated': 401,
  'common.forbidden': 403,
  'common.csrf': 403,
  'common.rate_limited': 429,
  'common.conflict': 409,
  'common.payload_too_large': 413,
  'common.not_ready': 503,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.sso_not_configured': 404,
  'auth.sso_failed': 400,
  'auth.account_disabled': 403,
  'auth.password_login_disabled': 400,
  'auth.sso_no_account': 403,
  'auth.sso_email_unverified': 403,
  'auth.sso_account_conflict': 409,
  'identity.last_admin': 409,
  'identity.department_not_empty': 409,
  'csv.invalid': 422,
  'csv.too_large': 413,
  'realtime.origin_forbidden': 403,
  'realtime.upgrade_required': 426,
  'vault.unavailable': 503,
  'companion.model_failed': 502,
  'companion.model_timeout': 504,
  'companion.conversation_full': 409,
  'companion.history_too_large': 413,
  'community.private_reason_required': 400,
  'community.rules_ack_required': 403,
  'community.code_of_conduct_ack_required': 403,
  'community.membership_required': 403,
  'community.last_organizer': 409,
  'community.name_taken': 409,
  'community.company_wide_not_allowed': 403,
  'community.announcement_organizers_only': 403,
  'community.not_a_question': 400,
  'community.comment_not_in_post': 400,
  'community.reply_too_deep': 400,
  'community.signal_not_applicable': 400,
  'community.confirmation_not_requested': 400,
  'community.attachment_type_refused': 415,
  'community.attachment_too_large': 413,
  'community.attachment_missing': 400,
  'community.attachment_unavailable': 400,
  'community.too_many_webhooks': 409,
  'community.webhook_invalid_payload': 400,
  'community.urgent_announcement_limit': 409,
  'career.opportunity_closed': 409,
  'career.own_opportunity': 400,
  'career.preview_outdated': 409,
  'career.opportunity_has_applications': 409,
  'career.recipient_changed': 409,
  'career.profile_outdated': 409,
  'oneonone.no_manager': 409,
  'oneonone.no_summary': 409,
};

/**
 * An error the client is meant to see: a stable code, an HTTP status, optional field issues.
 * The message text is chosen from the catalogs by the error handler, in the caller's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldIssue[] | undefined;
  readonly vars: Record<string, string | number> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    opts: {
      status?: number;
      fields?: FieldIssue[];
      vars?: Record<string, string | number>;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? STATUS[code] ?? (code.endsWith('_taken') ? 409 : 400);
    this.fields = opts.fields;
    this.vars = opts.vars;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** 404 for objects the actor may not see: never reveal that they exist. */
export function notFound(): AppError {
  return new AppError('common.not_found');
}

export function validationError(fields: FieldIssue[]): AppError {
  return new AppError('common.validation', { fields });
}
