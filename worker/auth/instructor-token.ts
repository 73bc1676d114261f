// The instructor token: the API's bearer check and every attempt with the token, counted by the sign-in
// guard before the token is looked at (docs/decisions/0009-instructor-sign-in.md).
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import type { NewSession, Verdict } from '../objects/signin-guard/signin-guard.ts';
import { hmacHex } from '../stores/hmac.ts';
import { clientBucket } from './client-bucket.ts';

/** The deployment's instructor token; a deploy without it is our fault (a 500), never an open door. */
export function token(c: Context<AppEnv>): string {
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
const bucketOf = (c: Context<AppEnv>) => hmacHex(token(c), `signin-client:${clientBucket(c.req.header('cf-connecting-ip'))}`);

/**
 * One attempt with a token: one guard call, which applies the limits before it looks at the verdict. The
 * comparison runs first only so that the guard can decide atomically in that one call; it is constant-time
 * (hono hashes both sides) and its result is thrown away while the client is limited.
 */
export async function attempt(c: Context<AppEnv>, given: string, session?: NewSession): Promise<Verdict> {
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
