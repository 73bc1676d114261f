// OAuth 2.0 client credentials with a signed JWT assertion (RFC 7523, as LTI 1.3's security framework asks):
// the access token the tool sends with its AGS and NRPS calls, cached per isolate until shortly before expiry.
import { SignJWT } from 'jose';
import { ltiFetch, ltiJson, LtiFetchError } from './http.ts';
import { toolKey } from './keys.ts';

export const SCOPES = {
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  lineitem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineitemRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

/** What the token endpoint needs to know about a platform. */
export interface TokenPlatform {
  clientId: string;
  tokenUrl: string;
}

/** A token is used until this long before it expires, so a slow request never carries an expired one. */
const MARGIN_MS = 60_000;
const cache = new Map<string, Promise<{ token: string; expiresAt: number }>>();
const cacheKey = (p: TokenPlatform, scopes: readonly string[]) => `${p.tokenUrl}\n${p.clientId}\n${[...scopes].sort().join(' ')}`;

/** The client assertion: iss = sub = our client id, aud = the token URL, a fresh jti, valid five minutes. */
async function assertion(env: Env, p: TokenPlatform): Promise<string> {
  const { privateKey, kid } = await toolKey(env);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(p.clientId)
    .setSubject(p.clientId)
    .setAudience(p.tokenUrl)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

async function requestToken(env: Env, p: TokenPlatform, scopes: readonly string[]) {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await assertion(env, p),
    scope: scopes.join(' '),
  });
  const res = await ltiFetch(env, p.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  const json = await ltiJson<{ access_token?: unknown; expires_in?: unknown }>(res);
  if (typeof json.access_token !== 'string' || !json.access_token) throw new LtiFetchError('the token endpoint sent no access_token');
  const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
  return { token: json.access_token, expiresAt: Date.now() + seconds * 1000 };
}

/**
 * An access token for `scopes` at the platform's token URL: one request per platform, client and scope set
 * until the token is about to expire (concurrent callers share the request); a failure is not cached.
 */
export async function accessToken(env: Env, p: TokenPlatform, scopes: readonly string[]): Promise<string> {
  const key = cacheKey(p, scopes);
  const hit = cache.get(key);
  if (hit) {
    const t = await hit.catch(() => null);
    if (t && t.expiresAt - MARGIN_MS > Date.now()) return t.token;
    if (cache.get(key) !== hit) return accessToken(env, p, scopes); // another caller renewed it meanwhile
  }
  const pending = requestToken(env, p, scopes);
  cache.set(key, pending);
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return (await pending).token;
}

/**
 * A new access token when the platform refused `stale` (401: expired early or revoked): the cached one is
 * dropped unless another caller has renewed it already, then asked for as usual.
 */
export async function renewedToken(env: Env, p: TokenPlatform, scopes: readonly string[], stale: string): Promise<string> {
  const key = cacheKey(p, scopes);
  const hit = cache.get(key);
  if (hit && (await hit.catch(() => null))?.token === stale && cache.get(key) === hit) cache.delete(key);
  return accessToken(env, p, scopes);
}

/** Tests only: forget every cached token. */
export const forgetTokens = () => cache.clear();
