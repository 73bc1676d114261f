import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { registry } from '../services/lti/platforms.ts';
import { randomId, seal, unseal } from '../services/lti/signed.ts';
import type { LtiLaunch } from '../services/lti/types.ts';

/**
 * The session of a verified LTI launch: the launch itself is kept in the registry under a random id, and the
 * browser holds a sealed (HMAC) reference with the origins the platform frames us from. The cookie is
 * `SameSite=None; Secure; Partitioned` (it lives in the LMS's iframe) and lasts two hours. Where a browser
 * refuses it, the same sealed value travels in the `lti_session` query parameter of the page the launch
 * redirects to (the server-side fallback): readLtiSession takes the cookie first, then that parameter.
 */
export const LTI_SESSION_COOKIE = 'lti_session';
export const LTI_SESSION_PARAM = 'lti_session';
export const LTI_SESSION_TTL_MS = 2 * 3600_000;

/** What the sealed value carries: the session id, the platform's framing origins, the expiry. */
export interface LtiSessionRef {
  sid: string;
  origins: string[];
  exp: number;
}

const issued = new WeakMap<Context<AppEnv>, string>();
const read = new WeakMap<Context<AppEnv>, Promise<LtiLaunch | null>>();

/** Starts the session of a verified launch (one registry write) and sets its cookie. */
export async function issueLtiSession(c: Context<AppEnv>, launch: LtiLaunch, origins: string[] = []): Promise<void> {
  const ref: LtiSessionRef = { sid: randomId(), origins, exp: Date.now() + LTI_SESSION_TTL_MS };
  await registry(c.env).saveSession(ref.sid, JSON.stringify(launch), ref.exp);
  const sealed = await seal(c.env, 'lti-session', ref);
  setCookie(c, LTI_SESSION_COOKIE, sealed, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    maxAge: LTI_SESSION_TTL_MS / 1000,
  });
  issued.set(c, sealed);
  read.set(c, Promise.resolve(launch));
}

/** The sealed session value issued in this request, for the fallback query parameter of the redirect. */
export const issuedLtiSession = (c: Context<AppEnv>): string | undefined => issued.get(c);

/** The session's reference (no storage read): the cookie's, else the fallback parameter's, if it verifies. */
export async function ltiSessionRef(c: Context<AppEnv>): Promise<LtiSessionRef | null> {
  const fromCookie = await unseal<LtiSessionRef>(c.env, 'lti-session', getCookie(c, LTI_SESSION_COOKIE));
  return fromCookie ?? unseal<LtiSessionRef>(c.env, 'lti-session', c.req.query(LTI_SESSION_PARAM));
}

async function load(c: Context<AppEnv>): Promise<LtiLaunch | null> {
  const ref = await ltiSessionRef(c);
  if (!ref) return null;
  const stored = await registry(c.env).session(ref.sid);
  return stored ? (JSON.parse(stored) as LtiLaunch) : null;
}

/** The launch behind this request's LTI session, or null (no session, a forged or expired one). */
export function readLtiSession(c: Context<AppEnv>): Promise<LtiLaunch | null> {
  let launch = read.get(c);
  if (!launch) read.set(c, (launch = load(c)));
  return launch;
}
