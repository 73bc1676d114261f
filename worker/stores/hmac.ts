// HMAC-SHA-256 with the server secret, for pseudonyms and derived ids that nobody without the secret can
// compute or reverse (the ledger's learner key, an idempotent submit's attempt id).

// One imported key per secret and isolate: importing it again for every submit costs CPU for nothing.
const imported = new Map<string, Promise<CryptoKey>>();

function keyOf(secret: string): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    imported.set(secret, key);
  }
  return key;
}

/** The first 128 bits of a digest as hex: enough to tell values apart, and short in every row and key. */
export const hex128 = (digest: ArrayBuffer) =>
  [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** HMAC-SHA-256 of `data` under `secret`, truncated to 128 bits, as 32 hex digits. */
export async function hmacHex(secret: string, data: string): Promise<string> {
  return hex128(await crypto.subtle.sign('HMAC', await keyOf(secret), new TextEncoder().encode(data)));
}
