import { calculateJwkThumbprint, exportJWK } from 'jose';

/** The tool's public signing key as the JWKS at /lti/jwks publishes it. */
export type ToolPublicJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

export interface ToolKey {
  privateKey: CryptoKey;
  publicJwk: ToolPublicJwk;
  kid: string;
}

/**
 * The PKCS#8 DER bytes of a key given as PEM (real line breaks or `\n` escapes, as one .dev.vars line holds
 * it) or as bare base64 of the DER.
 */
export function pkcs8Der(secret: string): Uint8Array<ArrayBuffer> {
  const body = secret
    .replace(/\\n/g, '\n')
    .replace(/-----BEGIN PRIVATE KEY-----|-----END PRIVATE KEY-----/g, '')
    .replace(/\s+/g, '');
  if (/BEGIN RSA PRIVATE KEY/.test(secret) || !/^[A-Za-z0-9+/]+=*$/.test(body))
    throw new Error('LTI_PRIVATE_KEY is not a PKCS#8 PEM or base64 key (see README: LTI 1.3)');
  return Uint8Array.from(atob(body), (ch) => ch.charCodeAt(0));
}

async function publicJwkOf(der: Uint8Array<ArrayBuffer>): Promise<ToolPublicJwk> {
  const extractable = await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  const { kty, n, e } = await exportJWK(extractable);
  const kid = await calculateJwkThumbprint({ kty: kty!, n: n!, e: e! }, 'sha256');
  return { kty, n, e, kid, alg: 'RS256', use: 'sig' };
}

async function load(secret: string): Promise<ToolKey> {
  const der = pkcs8Der(secret);
  const publicJwk = await publicJwkOf(der);
  // The private key itself is not extractable: nothing in the worker can read it back.
  const privateKey = await crypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  return { privateKey, publicJwk, kid: publicJwk.kid };
}

const cache = new Map<string, Promise<ToolKey>>();

function cached(secret: string): Promise<ToolKey> {
  let key = cache.get(secret);
  if (!key) {
    key = load(secret);
    key.catch(() => cache.delete(secret));
    cache.set(secret, key);
  }
  return key;
}

/**
 * The tool's RSA signing key from the `LTI_PRIVATE_KEY` secret (PKCS#8), cached per isolate. The `kid` is the
 * key's RFC 7638 thumbprint, so a new key has a new kid by itself.
 * @example new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey)
 */
export async function toolKey(env: Env): Promise<ToolKey> {
  const secret = env.LTI_PRIVATE_KEY;
  // A deploy without the key is our fault (a 500), never a reason to sign with something else.
  if (!secret) throw new Error('LTI_PRIVATE_KEY is not set (see README: LTI 1.3)');
  return cached(secret);
}

/**
 * The public keys platforms may verify our messages with: the current key, and during a rotation the
 * previous one (`LTI_PREVIOUS_PRIVATE_KEY`, kept until every platform has refetched the JWKS).
 */
export async function toolJwks(env: Env): Promise<{ keys: ToolPublicJwk[] }> {
  const keys = [(await toolKey(env)).publicJwk];
  const previous = (env as { LTI_PREVIOUS_PRIVATE_KEY?: string }).LTI_PREVIOUS_PRIVATE_KEY;
  if (previous) keys.push((await cached(previous)).publicJwk);
  return { keys };
}
