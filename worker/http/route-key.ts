import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/**
 * The route that answers this request, as registered in the app (`"POST /api/question-sets/:setId"`, base
 * path included), or undefined when only middleware and catch-alls match. Global middleware keys its
 * per-route tables by this, so a table entry reads exactly like the route it names and a test can check
 * every entry against `app.routes`.
 */
export function routeKey(c: Context): string | undefined {
  // Hono matches every handler of the request before the first one runs; the first one registered for this
  // very method (not ALL, which is middleware or a catch-all) is the route.
  const route = matchedRoutes(c).find((r) => r.method === c.req.method);
  return route && `${route.method} ${route.path}`;
}
