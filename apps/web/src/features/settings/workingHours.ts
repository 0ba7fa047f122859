import { HHMM } from '@engawa/shared';

/**
 * Tidies a typed time into the "HH:MM" the API stores: full-width digits and colon from a Japanese
 * IME ("０９：３０"), a missing leading zero ("9:30") and no colon ("0930", "930") are accepted.
 * Anything else is returned trimmed but unchanged, so the server names the field as invalid.
 */
export function normalizeHhmm(input: string): string {
  const text = input.normalize('NFKC').trim().replace(/[.．]/g, ':');
  let m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) m = /^(\d{1,2})(\d{2})$/.exec(text);
  if (!m) return text;
  const value = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return HHMM.test(value) ? value : text;
}
