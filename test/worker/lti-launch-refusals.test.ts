import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { forgetIsolateKeySets } from '../../worker/services/lti/jwks.ts';
import { launchClaims, signIdToken } from '../lti-emulator/platform.ts';
import { rotateKey, type LaunchSpec } from '../lti-emulator/state.ts';
import { request, visibleText } from './helpers.ts';
import { cookiesOf, LEARNER, loginThenAuth, postLaunch, registeredPlatform } from './lti-helpers.ts';
import de from '../../locales/de.json';

const emu = registeredPlatform();

const SPEC: LaunchSpec = { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'alliance' };
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

/** A login, then a launch whose id_token the test makes itself (claims changed, other key). */
async function launchWith(change: (claims: Record<string, unknown>) => void, opts: { key?: CryptoKey; kid?: string } = {}) {
  const { form, cookies, nonce } = await loginThenAuth(emu.state, emu.app, SPEC);
  const claims = launchClaims(emu.state, SPEC, nonce) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  Object.assign(claims, { iss: emu.state.issuer, aud: emu.state.tool.clientId, iat: now, exp: now + 300 });
  change(claims);
  return postLaunch({ ...form, id_token: await signIdToken(emu.state, claims, opts) }, cookies);
}

/** A refusal: its status, a page in the launch's language (German here) saying why, and no cookie at all. */
async function expectRefused(res: Response, status: number, reason: keyof typeof de.lti.errors) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(res.headers.getSetCookie()).toEqual([]);
  const html = await res.text();
  expect(html).toMatch(/<html lang="de">/);
  expect(visibleText(html)).toContain(de.lti.errors[reason]);
}

describe('POST /lti/launch refuses, with a page in the UI language and no cookie', () => {
  it('a token signed with another key (same kid)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRefused(await launchWith(() => {}, { key: privateKey as CryptoKey }), 401, 'bad_signature');
  });

  it('an expired token, and one issued in the future beyond the skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await launchWith((c) => Object.assign(c, { iat: now - 900, exp: now - 600 })), 401, 'expired');
    await expectRefused(await launchWith((c) => Object.assign(c, { iat: now + 600, exp: now + 900 })), 401, 'expired');
  });

  it('the same launch posted twice at the same moment: one session, the other refused as replayed', async () => {
    const { form, cookies } = await loginThenAuth(emu.state, emu.app, SPEC);
    const answers = await Promise.all([postLaunch(form, cookies), postLaunch(form, cookies)]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 403]);
    await expectRefused(
      answers.find((r) => r.status === 403)!,
      403,
      'replayed',
    );
  });

  it('a replayed launch (the same form posted twice)', async () => {
    const { form, cookies } = await loginThenAuth(emu.state, emu.app, SPEC);
    expect((await postLaunch(form, cookies)).status).toBe(303);
    await expectRefused(await postLaunch(form, cookies), 403, 'replayed');
  });

  it('a token for another login (nonce)', async () => {
    await expectRefused(await launchWith((c) => (c.nonce = 'someone-elses-nonce')), 403, 'replayed');
  });

  it('an unknown deployment', async () => {
    await expectRefused(await launchWith((c) => (c[`${LTI}deployment_id`] = 'deployment-9')), 403, 'unknown_deployment');
  });

  it('a token for another tool (aud), and one for several audiences without azp', async () => {
    await expectRefused(await launchWith((c) => (c.aud = 'another-client')), 401, 'bad_token');
    await expectRefused(await launchWith((c) => (c.aud = [emu.state.tool.clientId, 'another-client'])), 401, 'bad_token');
  });

  it('another LTI version, and a message type the tool does not take', async () => {
    await expectRefused(await launchWith((c) => (c[`${LTI}version`] = '1.1')), 400, 'wrong_version');
    await expectRefused(await launchWith((c) => (c[`${LTI}message_type`] = 'LtiSubmissionReviewRequest')), 400, 'wrong_message');
  });

  it('a state this browser did not start, and a state nobody started', async () => {
    const a = await loginThenAuth(emu.state, emu.app, SPEC);
    const b = await loginThenAuth(emu.state, emu.app, SPEC);
    // b's state with a's cookie only: no cookie for b's state, so the registry's copy decides; a's form with b's state mismatches the token.
    const other = await postLaunch({ ...a.form, state: 'never-issued-state' }, a.cookies);
    await expectRefused(other, 403, 'state_mismatch');
    const swapped = await postLaunch({ id_token: a.form.id_token, state: b.form.state }, [...a.cookies, ...b.cookies]);
    await expectRefused(swapped, 403, 'replayed');
  });

  it('a link to a quiz the course does not have', async () => {
    await expectRefused(await launchWith((c) => (c[`${LTI}custom`] = { quiz: 'no-such-lesson' })), 404, 'unknown_quiz');
  });

  it('a login from an unregistered platform', async () => {
    const res = await request('/lti/login?iss=https%3A%2F%2Fevil.test&login_hint=x&target_link_uri=http%3A%2F%2F127.0.0.1%2Flti%2Flaunch', {
      headers: { 'accept-language': 'de-DE,de;q=0.9' },
    });
    await expectRefused(res, 403, 'unknown_platform');
  });
});

describe('POST /lti/launch accepts', () => {
  it('a launch whose state cookie the browser refused, once, from the registry copy', async () => {
    const { form } = await loginThenAuth(emu.state, emu.app, SPEC);
    const first = await postLaunch(form, []);
    expect(first.status).toBe(303);
    expect(cookiesOf(first).some((c) => c.startsWith('learner=lti_'))).toBe(true);
    await expectRefused(await postLaunch(form, []), 403, 'state_mismatch');
  });

  it('a token signed with the platform’s new key after a rotation (unknown kid: the key set is fetched again)', async () => {
    await rotateKey(emu.state);
    // A new isolate: the old key set comes from the registry's copy (still fresh by its max-age), has no key
    // with the new kid, and is fetched again. (Within one isolate a refetch waits 30 s after the last one.)
    forgetIsolateKeySets();
    const { form, cookies } = await loginThenAuth(emu.state, emu.app, SPEC);
    expect((await postLaunch(form, cookies)).status).toBe(303);
  });
});
