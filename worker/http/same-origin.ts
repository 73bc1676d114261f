import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import { routeKey } from './route-key.ts';

/**
 * Routes that must take a state-changing request from another site, as `"METHOD /route/path"` exactly as
 * registered. Exactly LTI 1.3's two: an LMS posts `POST /lti/login` and `POST /lti/launch` from its own
 * origin by design, and they prove themselves instead (the login only starts a sign-in at a registered
 * platform; the launch carries the platform's signed id_token, bound to this browser's login state). Any
 * route added here must not rely on the learner cookie (SameSite=Lax withholds it on such posts).
 */
export const CROSS_SITE_ROUTES: ReadonlySet<string> = new Set<string>(['POST /lti/login', 'POST /lti/launch']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the browser says this request was started by another site. Fetch metadata first:
 * `same-origin` passes, and so does `none` (the user's own action: typed address, bookmark, which no other
 * site can cause); `cross-site`, `same-site` (a sibling subdomain is another party) and anything unknown do
 * not. Only where a browser sends no `Sec-Fetch-Site` (older ones) does `Origin` decide, against this
 * request's own origin (`null` from sandboxed frames does not match). A request with neither header is no
 * browser's cross-site post: curl, or an API client with its bearer token, so it passes.
 */
export function isFromAnotherSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin !== new URL(c.req.url).origin;
  return false;
}

/**
 * One same-origin check for every state-changing request (any method but GET, HEAD, OPTIONS), learner and
 * instructor, pages and API. It refuses before any route runs, so a refused request changes nothing and sets
 * no cookie; the 403 is answered by the one error handler in the form the client asked for.
 *
 * Why not `hono/csrf` (4.13): it checks only form and text/plain content types (a JSON or unlabelled body
 * passes), and it refuses a request with neither `Sec-Fetch-Site` nor `Origin`, which would lock out curl
 * and server-to-server API clients; and it answers a plain-text 403 instead of our JSON or HTML page.
 */
export const sameOrigin = (): MiddlewareHandler => async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || !isFromAnotherSite(c)) return next();
  const key = routeKey(c);
  if (key && CROSS_SITE_ROUTES.has(key)) return next();
  throw new ApiError(403, 'cross_site', 'This request was sent from another site; changes are accepted only from pages of this site.');
};
