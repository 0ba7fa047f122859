/**
 * Where to go after signing in. Only same-origin paths are accepted ("/settings"), never
 * "//evil.example" or "https://…", so a crafted login link cannot send people elsewhere.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/api/')) return '/';
  return next;
}
