import type { JSONWebKeySet } from 'jose';
import { LtiError } from './errors.ts';
import { LtiFetchError, ltiFetch, ltiJson } from './http.ts';
import { registry } from './platforms.ts';

/**
 * Platform key sets, cached as long as the platform's `Cache-Control: max-age` allows (5 minutes without
 * one, a day at most, not at all with no-store/no-cache): per isolate first, then in the registry object,
 * then fetched through ltiFetch. Why not jose's createRemoteJWKSet: it fetches with the global fetch (tests
 * answer through ltiFetch), keeps its own fixed cooldown and ignores Cache-Control, and its cache lives in
 * one isolate only, so every new isolate would refetch. See docs/decisions/0012-lti.md.
 */
const DEFAULT_MS = 5 * 60_000;
const MAX_MS = 24 * 3600_000;
/** An unknown kid refetches at most this often per URL and isolate: a forged kid cannot make us flood the platform. */
const REFETCH_GAP_MS = 30_000;

interface Cached {
  jwks: JSONWebKeySet;
  expiresAt: number;
  fetchedAt: number;
}

const isolate = new Map<string, Cached>();

/** How long a key set may be kept, from its Cache-Control. */
export function lifetimeMs(cacheControl: string | null): number {
  if (!cacheControl) return DEFAULT_MS;
  if (/\b(no-store|no-cache)\b/i.test(cacheControl)) return 0;
  const maxAge = /\bmax-age=(\d+)/i.exec(cacheControl);
  return maxAge ? Math.min(Number(maxAge[1]) * 1000, MAX_MS) : DEFAULT_MS;
}

async function fetchKeySet(env: Env, url: string): Promise<Cached> {
  let res: Response;
  let jwks: JSONWebKeySet;
  try {
    res = await ltiFetch(env, url, { headers: { accept: 'application/json' } });
    jwks = await ltiJson<JSONWebKeySet>(res);
  } catch (err) {
    if (err instanceof LtiFetchError)
      throw new LtiError('platform_unreachable', `The platform's key set could not be read: ${err.message}`);
    throw err;
  }
  if (!jwks || !Array.isArray(jwks.keys)) throw new LtiError('platform_unreachable', "The platform's key set has no keys.");
  const now = Date.now();
  const cached = { jwks, fetchedAt: now, expiresAt: now + lifetimeMs(res.headers.get('cache-control')) };
  isolate.set(url, cached);
  if (cached.expiresAt > now) await registry(env).saveJwks(url, JSON.stringify(jwks), cached.expiresAt);
  return cached;
}

/**
 * The platform's key set. With `unknownKid`, the caller found no key for the token's kid in what it got:
 * the set is refetched (the platform rotated its key), unless it was fetched moments ago.
 */
export async function platformKeySet(env: Env, url: string, unknownKid = false): Promise<JSONWebKeySet> {
  const now = Date.now();
  const mine = isolate.get(url);
  if (unknownKid) return mine && now - mine.fetchedAt < REFETCH_GAP_MS ? mine.jwks : (await fetchKeySet(env, url)).jwks;
  if (mine && mine.expiresAt > now) return mine.jwks;
  const stored = await registry(env).jwks(url);
  if (stored && stored.expiresAt > now) {
    const jwks = JSON.parse(stored.body) as JSONWebKeySet;
    isolate.set(url, { jwks, expiresAt: stored.expiresAt, fetchedAt: now - REFETCH_GAP_MS });
    return jwks;
  }
  return (await fetchKeySet(env, url)).jwks;
}

/** Tests only: forget the per-isolate copies (a new isolate). */
export const forgetIsolateKeySets = () => isolate.clear();
