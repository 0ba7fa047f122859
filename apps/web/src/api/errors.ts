import type { ApiErrorBody, ErrorCode, FieldIssue } from '@engawa/shared';

/**
 * An error answered by the Engawa API. The server already chose `message` in the user's language;
 * `code` is what the UI branches on, `fields` names the inputs that need attention.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    fields: FieldIssue[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (!body || typeof body !== 'object' || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    !!error &&
    typeof error === 'object' &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Builds the ApiError for a failed response. A body that is not the Engawa error shape (a proxy's
 * HTML page, an empty 502) still becomes a typed error, with `fallbackMessage` as its text.
 */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields, retryAfterSeconds } = body.error;
    return new ApiError(status, code, message, Array.isArray(fields) ? fields : [], retryAfterSeconds);
  }
  const code: ErrorCode =
    status === 401
      ? 'common.unauthenticated'
      : status === 403
        ? 'common.forbidden'
        : status === 404
          ? 'common.not_found'
          : status === 413
            ? 'common.payload_too_large'
            : status === 429
              ? 'common.rate_limited'
              : 'common.internal';
  return new ApiError(status, code, fallbackMessage);
}

/**
 * Field issues as `{ fieldName: message }` for a form, first issue per field wins. Nested paths
 * (`roles.0`) are reported on their top-level input (`roles`), which is where the user can fix them.
 * A specific error about one field (`identity.email_taken` on `email`) shows its own, fuller
 * message there instead of the generic field text ("already in use").
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const specific = error.code !== 'common.validation' && error.fields.length === 1 && !!error.message;
  for (const issue of error.fields) {
    const field = issue.field.split('.')[0] ?? issue.field;
    if (!field || field in out) continue;
    out[field] = specific ? error.message : (issue.message ?? issue.code);
  }
  return out;
}

/**
 * The text to show for any thrown value. Fields already shown next to their inputs are not
 * repeated; the server's message is used as is because it is already translated.
 */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message || fallback;
  return fallback;
}

/**
 * The message to show above a form: null when every field issue of the error is already shown
 * beside one of the form's inputs, else the server's message (e.g. "the last admin…").
 */
export function formError(error: unknown, inputs: readonly string[], fallback: string): string | null {
  if (!error) return null;
  if (error instanceof ApiError && error.fields.length > 0) {
    const placed = Object.keys(fieldErrors(error));
    if (placed.every((field) => inputs.includes(field))) return null;
  }
  return errorMessage(error, fallback);
}
