// The instructor page for LTI platforms (/{lang}/instructor/lti): the tool's URLs, the registered platforms,
// manual registration and removal, behind the instructor session and its CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import { request, visibleText } from './helpers.ts';
import { auth } from './instructor-helpers.ts';
import { emulator, LEARNER, launch } from './lti-helpers.ts';
import { form, resetLimits, session } from './signin-helpers.ts';

afterAll(() => useLtiFetcher(null));

let signedIn: { cookie: string; csrf: string };
beforeAll(async () => {
  await resetLimits();
  signedIn = await session('192.0.2.77');
});

const page = async (lang = 'en', cookie = signedIn.cookie) => request(`/${lang}/instructor/lti`, { headers: { cookie } });
const listed = async () =>
  ((await (await request('/api/lti/platforms', { headers: auth })).json()) as { platforms: { issuer: string; clientId: string }[] })
    .platforms;

/** The text of every `<code class="url">` on the page (the `<wbr>` breaks removed, as a copy gives it). */
const urlsOn = (html: string) => [...html.matchAll(/<code class="url">([\s\S]*?)<\/code>/g)].map((m) => visibleText(m[1]!).trim());

const fields = (origin: string, clientId: string, extra: Record<string, string> = {}) => ({
  issuer: origin,
  clientId,
  deploymentIds: 'deployment-1\n  deployment-2 ',
  authUrl: `${origin}/auth`,
  tokenUrl: `${origin}/token`,
  jwksUrl: `${origin}/jwks`,
  ...extra,
});
const body = (values: Record<string, string>, csrf = signedIn.csrf) => new URLSearchParams({ ...values, csrf }).toString();

describe('/{lang}/instructor/lti', () => {
  it('shows the tool URLs, the scopes and a working registration invitation, in code blocks', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const html = await res.text();
    const urls = urlsOn(html);
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1/lti/login',
        'http://127.0.0.1/lti/launch',
        'http://127.0.0.1/lti/jwks',
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
      ]),
    );
    expect(html).toContain('<wbr/>'); // long URLs may wrap at 360 px
    const register = urls.find((u) => u.startsWith('http://127.0.0.1/lti/register?invite='))!;
    expect(register).toBeDefined();

    // The invitation on the page is one a platform can register with, and it is then listed as dynamic.
    const { state } = await emulator('https://page-dynamic.test');
    state.registrationTokens.add('page-token');
    const q = new URLSearchParams({
      openid_configuration: `${state.origin}/.well-known/openid-configuration`,
      registration_token: 'page-token',
    });
    expect((await request(`${new URL(register).pathname}${new URL(register).search}&${q}`)).status).toBe(200);
    const after = visibleText(await (await page()).text());
    expect(after).toContain('https://page-dynamic.test');
    expect(after).toContain('dynamic registration (lti-emulator)');
  });

  it('registers a platform from the form (303 back with a notice), lists it as registered by hand, and it can launch', async () => {
    const { state, app } = await emulator('https://page-manual.test');
    const res = await form('/en/instructor/lti/platforms', signedIn.cookie, body(fields(state.origin, state.tool.clientId)));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/en\/instructor\/lti\?notice=/);
    const html = await (await request(location, { headers: { cookie: signedIn.cookie } })).text();
    const text = visibleText(html);
    expect(text).toContain(`Registered: https://page-manual.test (client ID ${state.tool.clientId}).`);
    // One row: issuer, client id, deployment ids, how registered, the remove button (cells have no spaces between them).
    expect(text).toContain(`https://page-manual.test${state.tool.clientId}deployment-1, deployment-2by handRemove`);
    expect(await listed()).toContainEqual(expect.objectContaining({ issuer: 'https://page-manual.test', clientId: state.tool.clientId }));
    expect((await launch(state, app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' })).status).toBe(303);
  });

  it('refuses an invalid form with 422, each problem at its field in the UI language, keeping what was typed and storing nothing', async () => {
    const before = (await listed()).length;
    const bad = fields('https://invalid.test', '', { authUrl: 'http://invalid.test/auth', jwksUrl: 'no url', deploymentIds: ' \n ' });
    const en = await form('/en/instructor/lti/platforms', signedIn.cookie, body(bad));
    expect(en.status).toBe(422);
    const html = await en.text();
    const text = visibleText(html);
    expect(text).toContain('The platform was not registered: 4 fields need a change.');
    expect(text).toContain('Client ID: this is required.');
    expect(text).toContain('Deployment IDs: this is required.');
    expect(text).toContain('Authentication request URL: the address must start with https:// (http:// only on this computer).');
    expect(text).toContain('Public keyset URL: this is not a web address (it starts with https://).');
    expect(html).toMatch(/id="lti-authUrl"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="lti-authUrl"/);
    expect(html).toContain('aria-describedby="lti-authUrl-help lti-authUrl-problem"');
    expect(html).toContain('value="http://invalid.test/auth"');
    expect(html).not.toMatch(/id="lti-tokenUrl"[^>]*aria-invalid/);

    const de = await form('/de/instructor/lti/platforms', signedIn.cookie, body(bad));
    expect(de.status).toBe(422);
    const deText = visibleText(await de.text());
    expect(deText).toContain('Die Plattform wurde nicht registriert: 4 Felder müssen geändert werden.');
    expect(deText).toContain('Client-ID: Diese Angabe fehlt.');
    expect(deText).toContain('Adresse für Authentifizierungsanfragen: Die Adresse muss mit https:// beginnen');
    expect((await listed()).length).toBe(before);
  });

  it('removes a platform (303 back, launches refused from then on), and an unknown one is a 404 page', async () => {
    const { state, app } = await emulator('https://page-remove.test');
    expect((await form('/en/instructor/lti/platforms', signedIn.cookie, body(fields(state.origin, state.tool.clientId)))).status).toBe(303);
    const html = await (await page()).text();
    expect(html).toContain('<input type="hidden" name="issuer" value="https://page-remove.test"/>');
    const removal = body({ issuer: state.issuer, clientId: state.tool.clientId });
    const res = await form('/en/instructor/lti/platforms/remove', signedIn.cookie, removal);
    expect(res.status).toBe(303);
    const after = visibleText(await (await request(res.headers.get('location')!, { headers: { cookie: signedIn.cookie } })).text());
    expect(after).toContain(`Removed: https://page-remove.test (client ID ${state.tool.clientId}).`);
    expect((await listed()).map((p) => p.issuer)).not.toContain('https://page-remove.test');
    await expect(launch(state, app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' })).rejects.toThrow(
      /login answered 403/,
    );

    const again = await form('/de/instructor/lti/platforms/remove', signedIn.cookie, removal);
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toContain('text/html');
  });

  it('is in German under /de, with lang on the page', async () => {
    const html = await (await page('de')).text();
    expect(html).toContain('<html lang="de"');
    const text = visibleText(html);
    expect(text).toContain('LTI-1.3-Plattformen');
    expect(text).toContain('Die Adressen des Tools für Ihre Lernplattform');
    expect(text).toContain('Eine Plattform von Hand registrieren');
  });

  it('is linked from the instructor dashboard', async () => {
    const html = await (await request('/en/instructor', { headers: { cookie: signedIn.cookie } })).text();
    expect(html).toContain('href="/en/instructor/lti"');
  });
});

describe('/{lang}/instructor/lti without a session or its CSRF token', () => {
  it('shows the sign-in page (401) and nothing of the page, and refuses its forms', async () => {
    for (const cookie of ['', 'instructor=9999999999.abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D']) {
      const res = await page('en', cookie);
      expect(res.status).toBe(401);
      const text = visibleText(await res.text());
      expect(text).not.toContain('/lti/register?invite=');
      expect(text).not.toContain('Registered platforms');
      const post = await form('/en/instructor/lti/platforms', cookie, body(fields('https://nosession.test', 'c1'), 'x'));
      expect(post.status).toBe(401);
      expect((await form('/en/instructor/lti/platforms/remove', cookie, body({ issuer: 'a', clientId: 'b' }, 'x'))).status).toBe(401);
    }
    expect((await listed()).map((p) => p.issuer)).not.toContain('https://nosession.test');
  });

  it('refuses a form without the CSRF token, with a wrong one, or from another origin (403), storing and removing nothing', async () => {
    const { state } = await emulator('https://page-csrf.test');
    const values = fields(state.origin, state.tool.clientId);
    const path = '/en/instructor/lti/platforms';
    expect((await form(path, signedIn.cookie, new URLSearchParams(values).toString())).status).toBe(403);
    expect((await form(path, signedIn.cookie, body(values, '0'.repeat(64)))).status).toBe(403);
    expect((await form(path, signedIn.cookie, body(values), 'https://evil.example')).status).toBe(403);
    expect((await listed()).map((p) => p.issuer)).not.toContain('https://page-csrf.test');

    expect((await form(path, signedIn.cookie, body(values))).status).toBe(303);
    const removal = { issuer: state.issuer, clientId: state.tool.clientId };
    expect((await form(`${path}/remove`, signedIn.cookie, new URLSearchParams(removal).toString())).status).toBe(403);
    expect((await form(`${path}/remove`, signedIn.cookie, body(removal), 'https://evil.example')).status).toBe(403);
    expect((await listed()).map((p) => p.issuer)).toContain('https://page-csrf.test');
  });
});
