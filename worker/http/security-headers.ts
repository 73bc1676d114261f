import type { Context, MiddlewareHandler } from 'hono';
import { ltiSessionRef } from '../auth/lti-session.ts';
import { registry } from '../services/lti/platforms.ts';
import type { AppEnv } from '../env.ts';

/**
 * The policy of every page and JSON answer. Written out once rather than built by `hono/secure-headers` on
 * each request: that middleware walked its option table, read the policy back from the response and parsed
 * the URL again, about 0.05 ms a request on every route (test/worker/security-headers.test.ts pins the set).
 * `media-src 'self'`: imported sets' pictures and recordings are served by this app (/media/{sha256}) and
 * from nowhere else. (hono's middleware also deleted `X-Powered-By`, which nothing here sets.)
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** A stored file is data, never a document: opened on its own it may run nothing and load nothing. */
const MEDIA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const FRAME_OPTIONS = 'X-Frame-Options';

/** The headers besides the CSP, as `hono/secure-headers` set them with our options (its defaults otherwise). */
const HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

// The registered platforms' origins, read from the registry at most once a minute per isolate.
const ORIGINS_TTL_MS = 60_000;
let platformOrigins: { at: number; origins: Promise<string[]> } | null = null;

function registeredOrigins(env: Env): Promise<string[]> {
  if (!platformOrigins || Date.now() - platformOrigins.at > ORIGINS_TTL_MS) {
    const origins = registry(env).origins();
    origins.catch(() => (platformOrigins = null));
    platformOrigins = { at: Date.now(), origins };
  }
  return platformOrigins.origins;
}

/** Tests only: forget the cached list (a platform was registered or removed). */
export const forgetFramingOrigins = () => (platformOrigins = null);

/**
 * Who may frame this response (docs/decisions/0012-lti.md): the LTI routes (`/lti/…`: launch, picker,
 * results, their error pages) by every registered platform; a page reached from a launch by the platform of
 * that launch, known from the LTI session cookie (partitioned, so it exists only inside that LMS's iframe);
 * everything else by nobody.
 */
function framers(c: Context<AppEnv>): string[] | Promise<string[]> {
  const granted = framedBy.get(c);
  if (granted) return granted;
  if (c.req.path.startsWith('/lti/')) return registeredOrigins(c.env);
  // Answered without a promise when no LMS is involved: nearly every request, which then waits for nothing.
  if (!c.req.header('cookie')?.includes('lti_session=')) return NOBODY;
  return ltiSessionRef(c).then((ref) => ref?.origins ?? NOBODY);
}

const NOBODY: string[] = [];

const formTargets = new WeakMap<Context, string>();
const framedBy = new WeakMap<Context, string[]>();

/** Lets exactly `origins` frame this response (dynamic registration: the platform registering is not registered yet). */
export const allowFraming = (c: Context, origins: string[]) => framedBy.set(c, origins);

/** Lets this response's form post to `origin` (the deep-linking answer goes to the platform's return URL). */
export const allowFormTarget = (c: Context, origin: string) => formTargets.set(c, origin);

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

/**
 * Security headers on every worker response (static assets get theirs from build/client/_headers).
 * No inline script anywhere: islands read their props from data attributes and the client bundle is a file,
 * so the CSP needs no nonce. Framing is `'none'` but where an LMS launched us (above). The path is the one the
 * router matched (`c.req.path`, percent-decoded), so the policy follows the route that answered.
 */
export const security = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of HEADERS) headers.set(name, value);
  if (c.req.path.startsWith('/media/')) {
    headers.set('Content-Security-Policy', MEDIA_CSP);
    headers.set(FRAME_OPTIONS, 'DENY');
    return;
  }
  let csp = CSP;
  const target = formTargets.get(c);
  if (target && ORIGIN.test(target)) csp = csp.replace("form-action 'self'", `form-action 'self' ${target}`);
  const found = framers(c);
  const origins = found === NOBODY ? NOBODY : (Array.isArray(found) ? found : await found).filter((o) => ORIGIN.test(o));
  if (origins.length) {
    headers.set('Content-Security-Policy', csp.replace("frame-ancestors 'none'", `frame-ancestors ${origins.join(' ')}`));
    // X-Frame-Options cannot name an origin; CSP frame-ancestors governs where it is allowed.
    headers.delete(FRAME_OPTIONS);
    return;
  }
  headers.set('Content-Security-Policy', csp);
  headers.set(FRAME_OPTIONS, 'DENY');
};
