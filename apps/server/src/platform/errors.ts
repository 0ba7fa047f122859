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
  'csv.invalid': 422,
  'csv.too_large': 413,
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
