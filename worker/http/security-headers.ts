import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { ltiSessionRef } from '../auth/lti-session.ts';
import { registry } from '../services/lti/platforms.ts';
import type { AppEnv } from '../env.ts';

const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    // Imported sets' pictures and recordings are served by this app (/media/{sha256}) and from nowhere else.
    mediaSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'strict-origin-when-cross-origin',
  xFrameOptions: 'DENY',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

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
async function framers(c: Context<AppEnv>): Promise<string[]> {
  const granted = framedBy.get(c);
  if (granted) return granted;
  if (new URL(c.req.url).pathname.startsWith('/lti/')) return registeredOrigins(c.env);
  if (!c.req.header('cookie')?.includes('lti_session=')) return [];
  return (await ltiSessionRef(c))?.origins ?? [];
}

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
 * so the CSP needs no nonce. Framing is `'none'` but where an LMS launched us (above).
 */
export const security = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await headers(c, next);
  // A stored file is data, never a document: opened on its own it may run nothing and load nothing.
  if (new URL(c.req.url).pathname.startsWith('/media/')) {
    c.res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    return;
  }
  const target = formTargets.get(c);
  const policy = c.res.headers.get('Content-Security-Policy');
  if (target && policy && ORIGIN.test(target))
    c.res.headers.set('Content-Security-Policy', policy.replace("form-action 'self'", `form-action 'self' ${target}`));
  const origins = (await framers(c)).filter((o) => ORIGIN.test(o));
  if (!origins.length) return;
  const csp = c.res.headers.get('Content-Security-Policy');
  if (csp) c.res.headers.set('Content-Security-Policy', csp.replace("frame-ancestors 'none'", `frame-ancestors ${origins.join(' ')}`));
  // X-Frame-Options cannot name an origin; CSP frame-ancestors governs where it is allowed.
  c.res.headers.delete('X-Frame-Options');
};
