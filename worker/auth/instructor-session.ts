// The instructor's web session: a signed cookie whose session the sign-in guard holds (so signing out
// revokes a kept copy too), and the CSRF token bound to it.
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env.ts';
import type { Verdict } from '../objects/signin-guard/signin-guard.ts';
import { hmacHex } from '../stores/hmac.ts';
import { attempt, signinGuard, token } from './instructor-token.ts';

/** How long a web session lasts after signing in. */
export const SESSION_SECONDS = 2 * 3600;
export const SESSION_COOKIE = 'instructor';

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

/** The CSRF token of a session: bound to its nonce, so a token from another session never passes. */
export const csrfToken = (c: Context<AppEnv>, nonce: string) => hmacHex(token(c), `csrf:${nonce}`);

export async function validCsrf(c: Context<AppEnv>, nonce: string, given: string | undefined): Promise<boolean> {
  return !!given && timingSafeEqual(await csrfToken(c, nonce), given);
}
