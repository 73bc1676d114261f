// Shared by the sign-in and sign-out tests: the instructor's form and API as a client at a given address
// sees them, and the guard's own storage for the checks that need to look behind the routes.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { signinGuard } from '../../worker/auth/instructor-token.ts';
import { request } from './helpers.ts';
import { TOKEN } from './instructor-helpers.ts';

export { TOKEN };
export const WRONG = 'wrong-token-wrong-token';

/** Headers of a client: its address as Cloudflare reports it (none: the platform did not say), plus extras. */
const from = (ip: string | undefined, extra: Record<string, string> = {}) => ({ ...(ip ? { 'cf-connecting-ip': ip } : {}), ...extra });

/** The sign-in form, posted same-origin. */
export const signIn = (token: string, ip?: string, extra: Record<string, string> = {}, lang = 'en') =>
  request(`/${lang}/instructor/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1', ...from(ip, extra) },
    body: `token=${encodeURIComponent(token)}`,
    redirect: 'manual',
  });

/** One instructor API request with a bearer token. */
export const bearer = (token: string, ip?: string, extra: Record<string, string> = {}) =>
  request('/api/question-sets', { headers: { authorization: `Bearer ${token}`, ...from(ip, extra) } });

/** Signs in with the right token and returns the session cookie and the CSRF token of its pages. */
export async function session(ip = '192.0.2.200') {
  const res = await signIn(TOKEN, ip);
  expect(res.status).toBe(303);
  const cookie = /instructor=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
  const html = await (await request('/en/instructor', { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(html)![1]!;
  return { cookie, csrf };
}

/** A same-origin form post with a cookie. */
export const form = (path: string, cookie: string, body: string, origin = 'http://127.0.0.1') =>
  request(path, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });

/** Runs SQL inside the guard (to age its rows or read them), as if time had passed. */
export const guardSql = <T extends Record<string, SqlStorageValue>>(query: string, ...args: SqlStorageValue[]) =>
  runInDurableObject(signinGuard(env), (_guard, state) => state.storage.sql.exec<T>(query, ...args).toArray());

/** Forgets every counted failure and known client, so one test's attack does not lock out the next test. */
export const resetLimits = async () => {
  await guardSql('DELETE FROM failures');
  await guardSql('DELETE FROM known');
};

/** The seconds of a 429's `Retry-After`, checked to be a whole number within the window. */
export function retryAfter(res: Response): number {
  const value = res.headers.get('retry-after');
  expect(value, 'Retry-After').toMatch(/^\d+$/);
  const seconds = Number(value);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  return seconds;
}
