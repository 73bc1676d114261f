// The idempotency key of a submit: a client that sends a submit again (a network retry, a reload that
// re-posts the form, a double click) sends the same key, and the attempt is stored once, in KV and in the
// results ledger, and answered like the first (docs/decisions/0008-durable-attempts.md).
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { ApiError } from './errors.ts';
import { hex128 } from '../stores/hmac.ts';

/** The API's header (as Stripe and the IETF httpapi draft name it) and the quiz forms' hidden field. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_FIELD = 'idempotency-key';

/** A UUID fits (the pages make one), and so do other clients' keys; shorter keys would collide too easily. */
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The key a client sent, or undefined if it sent none; a malformed one is a 400 naming where it was. The
 * IETF draft sends the key as a structured-field string (`"…"`), other clients bare: both are accepted.
 */
export function parseIdempotencyKey(raw: string | undefined, where: string): string | undefined {
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!KEY.test(key))
    throw new ApiError(400, 'invalid_request', `${where} must be 16–64 letters, digits, "-" or "_".`, [
      { path: where, message: 'malformed' },
    ]);
  return key;
}

/**
 * A fresh key for a form being rendered: a random UUID (122 random bits), one native call. (Base64url of 16
 * random bytes, as before, took 0.05 ms of the final test page: the typed array, the spread and three regexes.)
 */
export const newIdempotencyKey = (): string => crypto.randomUUID();

// The key of each request, set by the route that read it and used where the attempt is stored, as the
// learner of a request is (worker/auth/learner.ts): the attempt service in between need not pass it along.
const keys = new WeakMap<Context<AppEnv>, string>();

/** Remembers the key the route read from this request (nothing for a submit without one). */
export function useIdempotencyKey(c: Context<AppEnv>, key: string | undefined): void {
  if (key) keys.set(c, key);
}

/** The idempotency key of this request's submit, if the client sent one. */
export const idempotencyKeyOf = (c: Context<AppEnv>): string | undefined => keys.get(c);

/** JSON with object keys sorted, so the same request gives the same digest whatever order its keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** A digest of what a submit asks for: a retry under the same key must ask for exactly the same. */
export async function requestDigest(request: { version: string; lang: string; seed: string | null; responses: unknown }): Promise<string> {
  return hex128(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(request))));
}
