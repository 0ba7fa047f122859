/**
 * Routes whose mere use is private: the companion, the private career profile and interest marks,
 * and the 1on1 bridge. For these, no per-route figure may exist (principle 3: whether someone uses
 * them is invisible) and unexpected errors are logged by class only, never by message.
 */
const PRIVATE_ROUTE =
  /^\/api\/(companion|career|oneonone)(\/|$)|^\/api\/opportunities\/[^/]+\/(interest|apply)/;

export function isPrivateRoute(routePattern: string | undefined): boolean {
  return !!routePattern && PRIVATE_ROUTE.test(routePattern);
}
