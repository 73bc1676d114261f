import { evictDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signinGuard } from '../../worker/auth/instructor-token.ts';
import { request } from './helpers.ts';
import { validSet } from './instructor-helpers.ts';
import { form, guardSql, session } from './signin-helpers.ts';

const signOut = (cookie: string, csrf?: string, origin?: string) =>
  form('/en/instructor/sign-out', cookie, csrf === undefined ? '' : `csrf=${csrf}`, origin);

/** True if the cookie gets the instructor's pages; false if it gets the sign-in page. */
async function signedIn(cookie: string): Promise<boolean> {
  const list = await request('/en/instructor', { headers: { cookie } });
  const html = await list.text();
  const signInForm = html.includes('action="/en/instructor/sign-in"');
  expect(signInForm).toBe(!html.includes('New question set'));
  return !signInForm;
}

describe('instructor sign-out', () => {
  it('revokes the session: the old cookie is signed out on every page and form of the area', async () => {
    const { cookie, csrf } = await session();
    const out = await signOut(cookie, csrf);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/en/instructor');
    expect(out.headers.get('set-cookie')).toMatch(/instructor=;.*Max-Age=0/i);

    // Someone kept a copy of the cookie: it is worth nothing now.
    expect(await signedIn(cookie)).toBe(false);
    for (const path of ['/en/instructor/sets/new', '/en/instructor/results/china']) {
      const res = await request(path, { headers: { cookie } });
      expect(res.status, path).toBe(401);
      expect(await res.text()).not.toContain('name="csrf"');
    }
    const body = `format=json&csrf=${csrf}&text=${encodeURIComponent(JSON.stringify(validSet()))}`;
    expect((await form('/en/instructor/sets', cookie, body)).status).toBe(401);
  });

  it('ends only its own session: another browser stays signed in', async () => {
    const first = await session('192.0.2.31');
    const second = await session('192.0.2.32');
    expect((await signOut(first.cookie, first.csrf)).status).toBe(303);
    expect(await signedIn(first.cookie)).toBe(false);
    expect(await signedIn(second.cookie)).toBe(true);
  });

  it('needs the CSRF token of the session and a same-origin post; a refused sign-out ends nothing', async () => {
    const { cookie, csrf } = await session();
    const other = await session('192.0.2.33');
    expect((await signOut(cookie)).status).toBe(403);
    expect((await signOut(cookie, '0'.repeat(64))).status).toBe(403);
    expect((await signOut(cookie, other.csrf)).status).toBe(403);
    expect((await signOut(cookie, csrf, 'https://evil.example')).status).toBe(403);
    expect(await signedIn(cookie)).toBe(true);
    expect(await signedIn(other.cookie)).toBe(true);
    expect((await signOut(cookie, csrf)).status).toBe(303);
    expect(await signedIn(cookie)).toBe(false);
  });

  it('keeps sessions and revocations in a new instance of the guard (a restart signs nobody in or out)', async () => {
    const kept = await session('192.0.2.34');
    const ended = await session('192.0.2.35');
    expect((await signOut(ended.cookie, ended.csrf)).status).toBe(303);
    await evictDurableObject(signinGuard(env));
    expect(await signedIn(kept.cookie)).toBe(true);
    expect(await signedIn(ended.cookie)).toBe(false);
  });

  it('treats a session the guard holds as expired as signed out, and prunes it at the next sign-in', async () => {
    const old = await session('192.0.2.36');
    const nonce = decodeURIComponent(old.cookie.split('=')[1]!).split('.')[1]!;
    // The guard's copy ran out (the cookie's own expiry is still in the future).
    await guardSql('UPDATE sessions SET expires_at = ? WHERE nonce = ?', Date.now() - 1000, nonce);
    expect(await signedIn(old.cookie)).toBe(false);
    expect(await guardSql('SELECT nonce FROM sessions WHERE nonce = ?', nonce)).toHaveLength(1);
    await session('192.0.2.37');
    expect(await guardSql('SELECT nonce FROM sessions WHERE nonce = ?', nonce)).toHaveLength(0);
  });
});
