/**
 * Small HMAC-signed values for LTI: the login state cookie, the session cookie, the LTI learner id. One key
 * (`LEARNER_SECRET`), separated by purpose: a value signed for one purpose never verifies for another.
 */
type Purpose = 'lti-state' | 'lti-session' | 'lti-learner' | 'lti-deep-link' | 'lti-invite';

const keys = new Map<string, Promise<CryptoKey>>();

function secretOf(env: Env): string {
  const s = env.LEARNER_SECRET;
  if (!s || s.length < 16) throw new Error('LEARNER_SECRET is not set (see README: Deploy)');
  return s;
}

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

export const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

const message = (purpose: Purpose, data: string) => new TextEncoder().encode(`${purpose}\n${data}`);

/** base64url(HMAC-SHA-256(LEARNER_SECRET, purpose + "\n" + data)). */
export async function mac(env: Env, purpose: Purpose, data: string): Promise<string> {
  return base64url(await crypto.subtle.sign('HMAC', await hmacKey(secretOf(env)), message(purpose, data)));
}

/** `base64url(JSON).mac`: a value the browser carries and cannot change. */
export async function seal(env: Env, purpose: Purpose, payload: { exp: number }): Promise<string> {
  const data = base64url(new TextEncoder().encode(JSON.stringify(payload)));
  return `${data}.${await mac(env, purpose, data)}`;
}

/** The payload of a sealed value, or null when it was changed, signed for another purpose, or has expired. */
export async function unseal<T extends { exp: number }>(env: Env, purpose: Purpose, token: string | undefined): Promise<T | null> {
  if (!token || token.length > 4096) return null;
  const [data, signature, extra] = token.split('.');
  if (!data || !signature || extra !== undefined) return null;
  try {
    const bytes = fromBase64url(signature);
    // Only the one spelling of the MAC: base64url's last character carries unused bits, so a changed last
    // character could otherwise decode to the same bytes and pass.
    if (base64url(bytes) !== signature) return null;
    const ok = await crypto.subtle.verify('HMAC', await hmacKey(secretOf(env)), bytes, message(purpose, data));
    if (!ok) return null;
    const payload = JSON.parse(new TextDecoder().decode(fromBase64url(data))) as T;
    return typeof payload.exp === 'number' && payload.exp > Date.now() ? payload : null;
  } catch {
    return null;
  }
}

/** A random id of 128 bits, base64url. */
export const randomId = () => base64url(crypto.getRandomValues(new Uint8Array(16)));
