/**
 * The one way LTI code reaches a platform (its openid configuration, registration endpoint, JWKS, token and
 * AGS/NRPS endpoints): `ltiFetch`. In production it is the Worker's `fetch` with a timeout, no redirects
 * followed and only https (plain http only to a loopback host, for `npm start` next to a local LMS).
 *
 * Tests inside workerd install the platform emulator (test/lti-emulator) with `useLtiFetcher`, so the tool's
 * outbound requests are answered by the emulator's Hono app in the same isolate and the test reads what it
 * recorded; the browser test runs the emulator as a real HTTP server on 127.0.0.1 and installs nothing.
 */

/** A fetch-shaped function: what the emulator's `app.request` is too. */
export type LtiFetcher = (url: string, init?: RequestInit) => Promise<Response>;

let installed: LtiFetcher | null = null;

/** Tests only: answer every LTI outbound request with `fetcher` (null restores the network). */
export function useLtiFetcher(fetcher: LtiFetcher | null): void {
  installed = fetcher;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const TIMEOUT_MS = 10_000;

/** Why a URL is not one the tool calls: not a URL, not https (http only to loopback), or with credentials. */
export type UrlRefusal = 'not_url' | 'not_https' | 'credentials';

/** The reason `raw` is not a platform URL the tool calls, or null when it is one. */
export function urlRefusal(raw: string): UrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not_url';
  }
  const loopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback) return 'not_https';
  if (url.username || url.password) return 'credentials';
  return null;
}

/** The platform's URL, or an error naming why it is not one we call (not https, not a URL). */
export function platformUrl(raw: string): URL {
  switch (urlRefusal(raw)) {
    case 'not_url':
      throw new LtiFetchError(`not a URL: ${raw.slice(0, 200)}`);
    case 'not_https':
      throw new LtiFetchError(`only https URLs are called: ${new URL(raw).origin}`);
    case 'credentials':
      throw new LtiFetchError('URLs with credentials are not called');
    case null:
      return new URL(raw);
  }
}

/** A platform endpoint could not be used: unreachable, refused, or not a URL we call. */
export class LtiFetchError extends Error {
  override name = 'LtiFetchError';
}

/**
 * One request to a platform. Network failures and timeouts become LtiFetchError (the caller decides
 * whether that is the client's problem or a retry); any HTTP status is returned as is.
 */
export async function ltiFetch(_env: Env, url: string, init: RequestInit = {}): Promise<Response> {
  const target = platformUrl(url).toString();
  const request: RequestInit = { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), ...init };
  try {
    return await (installed ?? fetch)(target, request);
  } catch (err) {
    throw new LtiFetchError(`${new URL(target).origin} did not answer: ${(err as Error).message}`);
  }
}

/** The JSON body of a 2xx answer, or LtiFetchError naming the status; bodies over 256 KiB are refused. */
export async function ltiJson<T = unknown>(res: Response): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new LtiFetchError(`${res.url || 'the platform'} answered ${res.status}: ${text.slice(0, 200)}`);
  if (text.length > 256 * 1024) throw new LtiFetchError('the answer is larger than 256 KiB');
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new LtiFetchError('the answer is not JSON');
  }
}
