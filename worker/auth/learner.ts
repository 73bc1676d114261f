import type { Context } from 'hono';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import { isFromAnotherSite } from '../http/same-origin.ts';

/**
 * The anonymous learner: a random id in a signed, HttpOnly cookie. No name, e-mail or IP is ever stored.
 * A learner launched by LTI has the id `lti_…` bound to the platform's (iss, sub) instead (setLtiLearner);
 * an anonymous id is a UUID and never starts with `lti_`.
 */
export const LEARNER_COOKIE = 'learner';
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|lti_[A-Za-z0-9_-]{22,64})$/;
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

const keys = new Map<string, Promise<CryptoKey>>();
const hmacKey = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
};

/**
 * Cookie values that verified, with their id, per isolate: a returning learner's next requests skip the HMAC
 * (0.1 ms each). Safe because verification is a pure function of the value and the secret, and the secret is
 * part of the key. Bounded: the oldest go first.
 */
const MAX_VERIFIED = 2_000;
const verified = new Map<string, string>();

/** The id in one `learner` cookie value, verified once per isolate (see `verified`), or null. */
async function verifiedValue(raw: string, secret: string): Promise<string | null> {
  const slot = `${secret}\u0000${raw}`;
  const known = verified.get(slot);
  if (known) return known;
  const id = await verifyValue(raw, secret);
  if (id) {
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
    verified.set(slot, id);
  }
  return id;
}

/** The id in one `learner` cookie value (`<id>.<base64 HMAC-SHA256>`, as hono's setSignedCookie writes it), or null. */
async function verifyValue(raw: string, secret: string): Promise<string | null> {
  let value: string;
  try {
    value = decodeURIComponent(raw.trim().replace(/^"(.*)"$/, '$1'));
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  const id = value.slice(0, dot);
  if (dot < 0 || !ID.test(id)) return null;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = Uint8Array.from(atob(value.slice(dot + 1)), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
  // Only the one spelling of the MAC (base64's last character before `=` carries unused bits).
  if (btoa(String.fromCharCode(...signature)) !== value.slice(dot + 1)) return null;
  const ok = await crypto.subtle.verify('HMAC', await hmacKey(secret), signature, new TextEncoder().encode(id));
  return ok ? id : null;
}

/**
 * The first `learner` cookie that verifies. hono's getSignedCookie reads only the first cookie of the name,
 * but a browser may send several: a sibling subdomain can plant `learner=<forged>` with a narrower path,
 * which the browser sends first. Reading only that one, the learner would look new, get a new id and lose
 * the valid cookie; so every one is checked and a valid one always wins.
 */
async function verifiedLearner(c: Context<AppEnv>): Promise<string | null> {
  const header = c.req.header('cookie');
  if (!header?.includes(`${LEARNER_COOKIE}=`)) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== LEARNER_COOKIE) continue;
    const id = await verifiedValue(pair.slice(eq + 1), secret(c));
    if (id) return id;
  }
  return null;
}

/** The learner of this request, or null: no cookie, or one whose signature does not verify (it reads nothing). */
export function currentLearner(c: Context<AppEnv>): Promise<string | null> {
  let learner = known.get(c);
  if (!learner) known.set(c, (learner = verifiedLearner(c)));
  return learner;
}

/**
 * The learner of this request, created on the first write; a forged cookie is replaced, never written under.
 * A valid cookie is never replaced: a new id is made only when no valid one came with the request, and never
 * for a request from another site, where SameSite=Lax withholds the cookie the browser has. The global
 * same-origin check refuses those first; this holds even on a route exempted from it.
 */
export async function ensureLearner(c: Context<AppEnv>): Promise<string> {
  const existing = await currentLearner(c);
  if (existing) return existing;
  if (isFromAnotherSite(c)) throw new ApiError(403, 'cross_site', 'A learner is only created by a request from a page of this site.');
  const id = crypto.randomUUID();
  await setSignedCookie(c, LEARNER_COOKIE, id, secret(c), options(c));
  known.set(c, Promise.resolve(id));
  return id;
}

/**
 * Makes `id` (an `lti_…` id from a verified launch) the learner of this browser. The cookie is
 * `SameSite=None; Secure; Partitioned`: it is set and read inside the LMS's iframe, where a Lax cookie is
 * withheld, and partitioning keeps it to that LMS (CHIPS), so it never follows the learner to other sites.
 */
export async function setLtiLearner(c: Context<AppEnv>, id: string): Promise<void> {
  if (!id.startsWith('lti_') || !ID.test(id)) throw new Error('setLtiLearner takes only lti_ ids');
  await setSignedCookie(c, LEARNER_COOKIE, id, secret(c), { ...options(c), sameSite: 'None', secure: true, partitioned: true });
  known.set(c, Promise.resolve(id));
}

export function forgetLearner(c: Context<AppEnv>) {
  const secure = new URL(c.req.url).protocol === 'https:';
  deleteCookie(c, LEARNER_COOKIE, { path: '/', secure });
  // A launched learner's cookie is partitioned: only a deletion with the same attribute reaches it.
  if (secure) deleteCookie(c, LEARNER_COOKIE, { path: '/', secure, sameSite: 'None', partitioned: true });
}
