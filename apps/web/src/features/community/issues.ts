import { ApiError } from '../../api/errors.ts';

/**
 * Field issues by their full path (`fields.goal`, `title`), first one per path: the composer has
 * one input per structured field, so the top-level grouping of fieldErrors() is too coarse.
 * A specific one-field error shows its own, fuller message.
 */
export function issuesByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const specific = error.code !== 'common.validation' && error.fields.length === 1 && !!error.message;
  const out: Record<string, string> = {};
  for (const issue of error.fields) {
    if (issue.field in out) continue;
    out[issue.field] = specific ? error.message : (issue.message ?? issue.code);
  }
  return out;
}

/** The message for the top of the form when some issue has no input of its own (or there are no fields). */
export function unplacedError(error: unknown, placed: readonly string[], fallback: string): string | null {
  if (!error) return null;
  if (error instanceof ApiError) {
    if (error.fields.length && error.fields.every((f) => placed.includes(f.field))) return null;
    return error.message || fallback;
  }
  return fallback;
}
