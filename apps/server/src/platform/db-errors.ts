/**
 * True for a unique-constraint violation on either database (SQLite SQLITE_CONSTRAINT_UNIQUE,
 * PostgreSQL 23505). Commands check uniqueness first for a friendly error; this catches the race
 * where two requests insert the same key at once, so the loser gets a 409 instead of a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object' || !('code' in err)) return false;
  const code = (err as { code: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
