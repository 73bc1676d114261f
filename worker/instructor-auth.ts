import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from './env.ts';
import { ApiError } from './errors.ts';

/** How long a web session lasts after signing in. */
export const SESSION_SECONDS = 2 * 3600;
export const SESSION_COOKIE = 'instructor';

function token(c: Context<AppEnv>): string {
  const t = c.env.INSTRUCTOR_TOKEN;
  if (!t || t.length < 16) throw new Error('INSTRUCTOR_TOKEN is not set (see README: Deploy)');
  return t;
}

/** Constant-time comparison with the instructor token (hono hashes both sides before comparing). */
export const isInstructorToken = (c: Context<AppEnv>, given: string) => timingSafeEqual(token(c), given);

/** Who a failed attempt is counted against: the client address as Cloudflare reports it (never stored). */
const clientKey = (c: Context<AppEnv>) => c.req.header('cf-connecting-ip') ?? c.req.header('x-real-ip') ?? 'local';

/** True while this client may still try; the Workers rate-limiting binding counts the failures. */
export async function allowAttempt(c: Context<AppEnv>): Promise<boolean> {
  const { success } = await c.env.SIGNIN_LIMITER.limit({ key: `signin:${clientKey(c)}` });
  return success;
}

/**
 * `Authorization: Bearer <INSTRUCTOR_TOKEN>` for the instructor API. A missing header is a 401; a wrong
 * token counts against the client's sign-in limit (429 once it is used up) and is a 401.
 */
export const requireBearer: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    c.header('WWW-Authenticate', 'Bearer realm="instructor"');
    throw new ApiError(401, 'unauthorized', 'This needs the instructor token: send "Authorization: Bearer <token>".');
  }
  if (!(await isInstructorToken(c, match[1]!))) {
    if (!(await allowAttempt(c))) throw new ApiError(429, 'too_many_attempts', 'Too many failed attempts. Wait a minute and try again.');
    c.header('WWW-Authenticate', 'Bearer realm="instructor", error="invalid_token"');
    throw new ApiError(401, 'unauthorized', 'The instructor token is not right.');
  }
  await next();
};

/** A web session: expiry and a random nonce, signed with the instructor token (a new token ends all sessions). */
export async function startSession(c: Context<AppEnv>) {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const exp = Math.floor(Date.now() / 1000) + SESSION_SECONDS;
  await setSignedCookie(c, SESSION_COOKIE, `${exp}.${nonce}`, token(c), {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: SESSION_SECONDS,
  });
  return nonce;
}

export const endSession = (c: Context<AppEnv>) =>
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: new URL(c.req.url).protocol === 'https:' });

/** The session nonce if the cookie is signed by us and not expired; null otherwise (forged, expired, none). */
export async function currentSession(c: Context<AppEnv>): Promise<string | null> {
  if (!c.req.header('cookie')?.includes(`${SESSION_COOKIE}=`)) return null;
  const value = await getSignedCookie(c, token(c), SESSION_COOKIE);
  if (typeof value !== 'string') return null;
  const [exp, nonce] = value.split('.');
  if (!nonce || !/^\d+$/.test(exp ?? '') || Number(exp) * 1000 < Date.now()) return null;
  return nonce;
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
