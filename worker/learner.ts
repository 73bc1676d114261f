import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** The anonymous learner: a random id in a signed, HttpOnly cookie. No name, e-mail or IP is ever stored. */
export const LEARNER_COOKIE = 'learner';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const YEAR = 365 * 24 * 3600;

function secret(c: Context<AppEnv>): string {
  const s = c.env.LEARNER_SECRET;
  // A deploy without the secret is our fault (a 500), never a reason to accept unsigned ids.
  if (!s || s.length < 16) throw new Error('LEARNER_SECRET is not set (see README: Deploy)');
  return s;
}

const options = (c: Context<AppEnv>) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'Lax' as const,
  secure: new URL(c.req.url).protocol === 'https:',
  maxAge: YEAR,
});

// The learner of each request, verified once: the overview, the review and the export all ask for it.
const known = new WeakMap<Context<AppEnv>, Promise<string | null>>();

async function verifiedLearner(c: Context<AppEnv>): Promise<string | null> {
  if (!c.req.header('cookie')?.includes(`${LEARNER_COOKIE}=`)) return null;
  const value = await getSignedCookie(c, secret(c), LEARNER_COOKIE);
  return typeof value === 'string' && ID.test(value) ? value : null;
}

/** The learner of this request, or null: no cookie, or one whose signature does not verify (it reads nothing). */
export function currentLearner(c: Context<AppEnv>): Promise<string | null> {
  let learner = known.get(c);
  if (!learner) known.set(c, (learner = verifiedLearner(c)));
  return learner;
}

/** The learner of this request, created on the first write; a forged cookie is replaced, never written under. */
export async function ensureLearner(c: Context<AppEnv>): Promise<string> {
  const existing = await currentLearner(c);
  if (existing) return existing;
  const id = crypto.randomUUID();
  await setSignedCookie(c, LEARNER_COOKIE, id, secret(c), options(c));
  known.set(c, Promise.resolve(id));
  return id;
}

export function forgetLearner(c: Context<AppEnv>) {
  deleteCookie(c, LEARNER_COOKIE, { path: '/', secure: new URL(c.req.url).protocol === 'https:' });
}
