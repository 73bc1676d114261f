import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { signinGuard } from '../../worker/auth/instructor-token.ts';
import { SIGNIN_LIMITS, type SigninGuard } from '../../worker/objects/signin-guard/signin-guard.ts';
import { visibleText } from './helpers.ts';
import { bearer, guardSql, resetLimits, retryAfter, signIn, TOKEN, WRONG } from './signin-helpers.ts';

const { perClient, global } = SIGNIN_LIMITS;

/** `n` failed API attempts from one address, each a 401. */
async function fail(n: number, ip?: string, extra?: (i: number) => Record<string, string>) {
  for (let i = 0; i < n; i++) expect((await bearer(WRONG, ip, extra?.(i))).status, `failure ${i + 1} from ${ip}`).toBe(401);
}

// Each test attacks on purpose; the next one starts with no counts (the file shares one guard).
afterEach(resetLimits);

describe('instructor sign-in: the limit comes before the token', () => {
  it('counts twenty failures sent at the same moment exactly: as many 401s as the limit allows, the rest 429', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => bearer(WRONG, '198.51.100.77')));
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(perClient);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - perClient);
  });

  it('refuses even the right API token with 429 and Retry-After once a client has used its failures', async () => {
    await fail(perClient, '198.51.100.1');
    const limited = await bearer(TOKEN, '198.51.100.1');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as any).error.code).toBe('too_many_attempts');
    retryAfter(limited);
    // A wrong token while limited is refused the same way and is not told apart.
    const wrong = await bearer(WRONG, '198.51.100.1');
    expect(wrong.status).toBe(429);
    // Another client is not held by this one's count.
    expect((await bearer(TOKEN, '198.51.100.2')).status).toBe(200);
  });

  it('refuses even the right token in the sign-in form, as a page in the UI language, and starts no session', async () => {
    for (let i = 0; i < perClient; i++) expect((await signIn(WRONG, '198.51.100.3', {}, 'de')).status).toBe(401);
    const limited = await signIn(TOKEN, '198.51.100.3', {}, 'de');
    expect(limited.status).toBe(429);
    retryAfter(limited);
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
    expect(limited.headers.get('set-cookie') ?? '').not.toContain('instructor=');
    const html = await limited.text();
    expect(html).toContain('<html lang="de"');
    expect(visibleText(html)).toContain('Zu viele');
  });

  it('counts form and API failures of one client together', async () => {
    for (let i = 0; i < perClient - 1; i++) expect((await signIn(WRONG, '198.51.100.4')).status).toBe(401);
    await fail(1, '198.51.100.4');
    expect((await signIn(TOKEN, '198.51.100.4')).status).toBe(429);
  });

  it('resets nothing on a success: failures before and after a right token add up', async () => {
    await fail(perClient - 1, '198.51.100.5');
    expect((await bearer(TOKEN, '198.51.100.5')).status).toBe(200);
    await fail(1, '198.51.100.5');
    expect((await bearer(TOKEN, '198.51.100.5')).status).toBe(429);
  });
});

describe('instructor sign-in: whom failures are counted against', () => {
  it('never trusts X-Real-IP or X-Forwarded-For: without CF-Connecting-IP all clients share one count', async () => {
    const spoofed = (i: number) => ({ 'x-real-ip': `203.0.113.${i + 1}`, 'x-forwarded-for': `203.0.113.${i + 101}` });
    await fail(perClient, undefined, spoofed);
    const limited = await bearer(TOKEN, undefined, spoofed(50));
    expect(limited.status).toBe(429);
    retryAfter(limited);
    expect((await signIn(TOKEN, undefined, spoofed(60))).status).toBe(429);
  });

  it('counts each CF-Connecting-IP apart (the platform sets it), and IPv6 clients per /64', async () => {
    await fail(perClient, '2001:db8:1:2::1', undefined);
    for (let i = 0; i < perClient; i++) expect((await bearer(WRONG, `2001:db8:2:0:${i}::1`)).status).toBe(401);
    // Another address in the same /64 is the same client; the next /64 is another.
    expect((await bearer(TOKEN, '2001:db8:1:2:ffff:ffff:ffff:ffff')).status).toBe(429);
    expect((await bearer(TOKEN, '2001:db8:1:3::1')).status).toBe(200);
    // An IPv4 client has its own count, whatever it sends in other headers.
    expect((await bearer(TOKEN, '192.0.2.77', { 'x-real-ip': '2001:db8:1:2::1' })).status).toBe(200);
  });
});

describe('instructor sign-in: the global limit', () => {
  it(`refuses everyone new after ${global} failures in a window from many addresses, but not a client known to hold the token`, async () => {
    expect((await bearer(TOKEN, '192.0.2.10')).status).toBe(200); // the instructor, earlier today
    const attackers = Math.ceil(global / perClient);
    for (let a = 0; a < attackers; a++) await fail(Math.min(perClient, global - a * perClient), `203.0.113.${a + 1}`);
    // Every new address is held now, even with the right token, in the API and in the form.
    const api = await bearer(TOKEN, '203.0.113.200');
    expect(api.status).toBe(429);
    retryAfter(api);
    expect((await signIn(TOKEN, '203.0.113.201')).status).toBe(429);
    expect((await bearer(WRONG, '203.0.113.202')).status).toBe(429);
    // The instructor's address still gets in (it is held by its own count only).
    expect((await bearer(TOKEN, '192.0.2.10')).status).toBe(200);
    const rows = await guardSql<{ n: number }>('SELECT count(*) AS n FROM failures');
    expect(rows[0]!.n).toBe(global); // refused attempts are not counted again
  });
});

describe('instructor sign-in: counts are durable, anonymous and age out', () => {
  it('keeps the counts in a new instance of the guard (a restart forgets nothing)', async () => {
    await fail(perClient, '198.51.100.20');
    const stub = signinGuard(env);
    await runInDurableObject(stub, (guard: SigninGuard) => void ((guard as unknown as { marker: number }).marker = 1));
    await evictDurableObject(stub);
    // A new instance: the in-memory marker is gone, the counts are not.
    expect(await runInDurableObject(stub, (guard: SigninGuard) => (guard as unknown as { marker?: number }).marker)).toBeUndefined();
    expect((await bearer(TOKEN, '198.51.100.20')).status).toBe(429);
  });

  it('lets a client in again once its failures are older than the window, and prunes them', async () => {
    await fail(perClient, '198.51.100.21');
    // Thirty seconds on: still limited, and told to wait at most the rest of the window.
    await guardSql('UPDATE failures SET at = at - 30000');
    const limited = await bearer(TOKEN, '198.51.100.21');
    expect(limited.status).toBe(429);
    expect(retryAfter(limited)).toBeLessThanOrEqual(31);
    // A whole window on: the right token works, and the next failure prunes the old ones.
    await guardSql('UPDATE failures SET at = at - ?', SIGNIN_LIMITS.windowMs);
    expect((await bearer(TOKEN, '198.51.100.21')).status).toBe(200);
    await fail(1, '198.51.100.21');
    expect(await guardSql('SELECT at FROM failures')).toHaveLength(1);
  });

  it('stores no client address, only a keyed name for each client', async () => {
    await fail(2, '198.51.100.22');
    await fail(2, '2001:db8:5:6::1');
    expect((await bearer(TOKEN, '198.51.100.23')).status).toBe(200);
    const stored = JSON.stringify([await guardSql('SELECT * FROM failures'), await guardSql('SELECT * FROM known')]);
    for (const address of ['198.51.100.2', '2001:db8:5:6', '2001:0db8', 'ip4:', 'ip6:']) expect(stored).not.toContain(address);
    expect(new Set((await guardSql<{ bucket: string }>('SELECT bucket FROM failures')).map((r) => r.bucket)).size).toBe(2);
  });
});
