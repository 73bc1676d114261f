import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import { clientBucket } from './auth/client-bucket.ts';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';
import type { NewSession, Verdict } from './objects/signin-guard.ts';

/** How long a web session lasts after signing in. */
export const SESSION_SECONDS = 2 * 3600;
export const SESSION_COOKIE = 'instructor';

function token(c: Context<AppEnv>): string {
  const t = c.env.INSTRUCTOR_TOKEN;
  if (!t || t.length < 16) throw new Error('INSTRUCTOR_TOKEN is not set (see README: Deploy)');
  return t;
}

/** The deployment's one SigninGuard: limits, known clients and sessions (docs/decisions/0009-instructor-sign-in.md). */
export const signinGuard = (env: Env) => env.SIGNIN_GUARD.getByName('instructor');

/**
 * The guard's name for the client: a keyed hash of its bucket, so that no address is ever stored (an
 * unkeyed hash of an IPv4 address is undone by trying all four billion).
 */
const bucketOf = async (c: Context<AppEnv>) =>
  (await hmac(token(c), `signin-client:${clientBucket(c.req.header('cf-connecting-ip'))}`)).slice(0, 32);

/**
 * One attempt with a token: one guard call, which applies the limits before it looks at the verdict. The
 * comparison runs first only so that the guard can decide atomically in that one call; it is constant-time
 * (hono hashes both sides) and its result is thrown away while the client is limited.
 */
async function attempt(c: Context<AppEnv>, given: string, session?: NewSession): Promise<Verdict> {
  const right = await timingSafeEqual(token(c), given);
  const verdict = await signinGuard(c.env).attempt(await bucketOf(c), right, session);
  if (verdict.outcome === 'limited') c.header('Retry-After', String(verdict.retryAfterSeconds));
  return verdict;
}

/**
 * `Authorization: Bearer <INSTRUCTOR_TOKEN>` for the instructor API, one guard call per request. A missing
 * header is a 401 (nothing was tried); while the client is limited every token, the right one too, is a
 * 429 with `Retry-After`; a wrong token is counted and is a 401.
 */
export const requireBearer: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    c.header('WWW-Authenticate', 'Bearer realm="instructor"');
    throw new ApiError(401, 'unauthorized', 'This needs the instructor token: send "Authorization: Bearer <token>".');
  }
  const verdict = await attempt(c, match[1]!);
  if (verdict.outcome === 'limited')
    throw new ApiError(429, 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${verdict.retryAfterSeconds} seconds.`);
  if (verdict.outcome === 'wrong') {
    c.header('WWW-Authenticate', 'Bearer realm="instructor", error="invalid_token"');
    throw new ApiError(401, 'unauthorized', 'The instructor token is not right.');
  }
  await next();
};

const secure = (c: Context<AppEnv>) => new URL(c.req.url).protocol === 'https:';

/**
 * The sign-in form's token: if the guard admits it, a web session starts (kept by the guard, and as a
 * cookie with expiry and a random nonce, signed with the instructor token so a new token ends all
 * sessions). A limited verdict has already set `Retry-After`.
 */
export async function signIn(c: Context<AppEnv>, given: string): Promise<Verdict['outcome']> {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const exp = Math.floor(Date.now() / 1000) + SESSION_SECONDS;
  const verdict = await attempt(c, given, { nonce, expiresAt: exp * 1000 });
  if (verdict.outcome === 'admitted')
    await setSignedCookie(c, SESSION_COOKIE, `${exp}.${nonce}`, token(c), {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c),
      maxAge: SESSION_SECONDS,
    });
  return verdict.outcome;
}

/**
 * The nonce of a cookie signed by us and not expired, without asking the guard; null otherwise (forged,
 * expired, none). Enough to check a CSRF token; whether the session is still live is `currentSession`.
 */
export async function signedSession(c: Context<AppEnv>): Promise<string | null> {
  if (!c.req.header('cookie')?.includes(`${SESSION_COOKIE}=`)) return null;
  const value = await getSignedCookie(c, token(c), SESSION_COOKIE);
  if (typeof value !== 'string') return null;
  const [exp, nonce] = value.split('.');
  if (!nonce || !/^\d+$/.test(exp ?? '') || Number(exp) * 1000 < Date.now()) return null;
  return nonce;
}

/** The session nonce if the cookie is ours and the guard still holds the session (one call); null otherwise. */
export async function currentSession(c: Context<AppEnv>): Promise<string | null> {
  const nonce = await signedSession(c);
  if (!nonce) return null;
  return (await signinGuard(c.env).isSessionActive(nonce)) ? nonce : null;
}

/** Signs out: the guard forgets the session (a kept copy of the cookie is signed out too) and the cookie goes. */
export async function endSession(c: Context<AppEnv>, nonce: string) {
  await signinGuard(c.env).endSession(nonce);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
}

async function hmac(key: string, data: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(data));
  return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The CSRF token of a session: bound to its nonce, so a token from another session never passes. */
export const csrfToken = (c: Context<AppEnv>, nonce: string) => hmac(token(c), `csrf:${nonce}`);

export async function validCsrf(c: Context<AppEnv>, nonce: string, given: string | undefined): Promise<boolean> {
  return !!given && timingSafeEqual(await csrfToken(c, nonce), given);
}
