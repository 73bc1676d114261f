import { describe, expect, it } from 'vitest';
import { cookiesOf, launch, LEARNER, registeredPlatform, TEACHER } from './lti-helpers.ts';
import { request } from './helpers.ts';

const emu = registeredPlatform();

describe('POST /lti/launch: a verified resource-link launch', () => {
  it('takes a learner to the linked quiz in the launch locale, as an lti_ learner with a partitioned cookie', async () => {
    const res = await launch(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'alliance' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/de/lessons/alliance/quiz');
    const setCookies = res.headers.getSetCookie();
    const learner = setCookies.find((c) => c.startsWith('learner='))!;
    expect(learner).toMatch(/^learner=lti_[A-Za-z0-9_-]{22,}\./);
    expect(learner).toMatch(/SameSite=None/);
    expect(learner).toMatch(/Secure/);
    expect(learner).toMatch(/Partitioned/);
    expect(setCookies.find((c) => c.startsWith('lti_session='))).toMatch(/Partitioned/);
  });

  it('gives the same person the same learner id on every launch (another device, another link)', async () => {
    const id = async (quiz: string) =>
      decodeURIComponent(
        cookiesOf(await launch(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz })).find((c) =>
          c.startsWith('learner='),
        )!,
      ).split('.')[0];
    const [a, b] = [await id('alliance'), await id('final')];
    expect(a).toBe(b);
    const other = decodeURIComponent(
      cookiesOf(
        await launch(emu.state, emu.app, {
          user: { ...LEARNER, sub: 'someone-else' },
          message: 'LtiResourceLinkRequest',
          quiz: 'alliance',
        }),
      ).find((c) => c.startsWith('learner='))!,
    ).split('.')[0];
    expect(other).not.toBe(a);
  });

  it('opens the final test and a set at their pages', async () => {
    const final = await launch(emu.state, emu.app, {
      user: { ...LEARNER, locale: 'en' },
      message: 'LtiResourceLinkRequest',
      quiz: 'final',
    });
    expect(final.headers.get('location')).toBe('/en/test');
    const set = await launch(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'set:s-abcd1234' });
    expect(set.headers.get('location')).toBe('/de/sets/s-abcd1234');
  });

  it('takes an instructor to the class results with an LTI session, and sets no learner cookie', async () => {
    const res = await launch(emu.state, emu.app, { user: TEACHER, message: 'LtiResourceLinkRequest', quiz: 'alliance' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/lti\/results\?lti_session=/);
    const cookies = cookiesOf(res);
    expect(cookies.some((c) => c.startsWith('lti_session='))).toBe(true);
    expect(cookies.some((c) => c.startsWith('learner='))).toBe(false);
  });

  it('lets the launch page be framed by the platform only, and the quiz page only with the launch session', async () => {
    const res = await launch(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'alliance' });
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://lms.test');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const session = cookiesOf(res).find((c) => c.startsWith('lti_session='))!;
    const framed = await request('/de/lessons/alliance/quiz', { headers: { cookie: session } });
    expect(framed.headers.get('content-security-policy')).toContain('frame-ancestors https://lms.test');
    const plain = await request('/de/lessons/alliance/quiz');
    expect(plain.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(plain.headers.get('x-frame-options')).toBe('DENY');
    const forged = await request('/de/lessons/alliance/quiz', {
      headers: { cookie: session.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) },
    });
    expect(forged.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
}, 60_000);

describe('GET /lti/jwks', () => {
  it("publishes the tool's public key with a kid and no private part", async () => {
    const res = await request('/lti/jwks');
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(keys[0]!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys[0]!.d).toBeUndefined();
  });
}, 60_000);
