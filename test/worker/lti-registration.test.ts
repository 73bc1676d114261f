import { afterAll, describe, expect, it } from 'vitest';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import type { EmulatorState } from '../lti-emulator/state.ts';
import { request, visibleText } from './helpers.ts';
import { emulator, LEARNER, launch, loginThenAuth, postLaunch } from './lti-helpers.ts';

const TOKEN = 'test-instructor-token-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };
afterAll(() => useLtiFetcher(null));

/** The instructor API for platforms, through request(): every answer is checked against /api/openapi.json. */
const platformsApi = (init: RequestInit = {}, query = '') =>
  request(`/api/lti/platforms${query}`, {
    ...init,
    headers: { ...bearer, 'content-type': 'application/json', ...(init.headers as object) },
  });

describe('manual registration: /api/lti/platforms', () => {
  it('registers a platform, lists it with the tool URLs, lets it launch, and removes it', async () => {
    const { state, app } = await emulator('https://manual.test');
    const body = {
      issuer: state.issuer,
      clientId: state.tool.clientId,
      deploymentIds: [state.tool.deploymentId],
      authUrl: `${state.origin}/auth`,
      tokenUrl: `${state.origin}/token`,
      jwksUrl: `${state.origin}/jwks`,
    };
    const created = await platformsApi({ method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const list = (await (await platformsApi()).json()) as { platforms: { issuer: string }[]; tool: Record<string, string> };
    expect(list.platforms.map((p) => p.issuer)).toContain('https://manual.test');
    expect(list.tool).toMatchObject({
      login: 'http://127.0.0.1/lti/login',
      launch: 'http://127.0.0.1/lti/launch',
      jwks: 'http://127.0.0.1/lti/jwks',
    });
    expect(list.tool.register).toMatch(/^http:\/\/127\.0\.0\.1\/lti\/register\?invite=/);

    expect((await launch(state, app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' })).status).toBe(303);

    const removed = await platformsApi({ method: 'DELETE' }, `?issuer=${encodeURIComponent(state.issuer)}&clientId=${state.tool.clientId}`);
    expect(removed.status).toBe(200);
    await expect(launch(state, app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' })).rejects.toThrow(
      /login answered 403/,
    );
    expect(
      (await platformsApi({ method: 'DELETE' }, `?issuer=${encodeURIComponent(state.issuer)}&clientId=${state.tool.clientId}`)).status,
    ).toBe(404);
  });

  it('refuses without the instructor token, and a platform URL that is not https', async () => {
    expect((await request('/api/lti/platforms')).status).toBe(401);
    const bad = await platformsApi({
      method: 'POST',
      body: JSON.stringify({
        issuer: 'https://x.test',
        clientId: 'c',
        deploymentIds: ['1'],
        authUrl: 'http://x.test/auth',
        tokenUrl: 'https://x.test/t',
        jwksUrl: 'https://x.test/j',
      }),
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(['authUrl']);
    expect((await platformsApi({ method: 'POST', body: JSON.stringify({ issuer: 'https://x.test' }) })).status).toBe(422);
  });
});

/** A fresh registration invitation, as the instructor API lists it. */
async function invite() {
  const { tool } = (await (await platformsApi()).json()) as { tool: { register: string } };
  return new URL(tool.register).searchParams.get('invite')!;
}

/** The LMS opens the tool's registration URL with its openid configuration and a registration token it accepts. */
async function registerDynamically(state: EmulatorState) {
  const token = `reg-token-${crypto.randomUUID().slice(0, 8)}`;
  state.registrationTokens.add(token);
  const q = new URLSearchParams({
    invite: await invite(),
    openid_configuration: `${state.origin}/.well-known/openid-configuration`,
    registration_token: token,
  });
  return request(`/lti/register?${q}`);
}

describe('dynamic registration: GET /lti/register', () => {
  it('registers with the platform (our URLs, scopes, names in both languages) and stores it, so it can launch', async () => {
    const { state, app } = await emulator('https://dynamic.test');
    const res = await registerDynamically(state);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script src="/lti/close.js"></script>');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://dynamic.test');
    const sent = state.registrations[0] as Record<string, any>;
    expect(sent).toMatchObject({
      initiate_login_uri: 'http://127.0.0.1/lti/login',
      redirect_uris: ['http://127.0.0.1/lti/launch'],
      jwks_uri: 'http://127.0.0.1/lti/jwks',
      token_endpoint_auth_method: 'private_key_jwt',
      client_name: 'Rare earths, bilingual: German lessons and quizzes',
      'client_name#de': 'Seltene Erden, zweisprachig: Deutschlektionen und Quizze',
    });
    expect(sent.scope.split(' ')).toContain('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    expect(sent['https://purl.imsglobal.org/spec/lti-tool-configuration'].messages[0].type).toBe('LtiDeepLinkingRequest');
    expect(state.tool.clientId).toMatch(/^dyn-/);
    expect((await launch(state, app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'balance' })).headers.get('location')).toBe(
      '/de/lessons/balance/quiz',
    );
  });

  it('refuses without an invitation, and when the platform refuses the registration token, as pages', async () => {
    const { state } = await emulator('https://dynamic2.test');
    const config = `${state.origin}/.well-known/openid-configuration`;
    const none = await request(`/lti/register?openid_configuration=${encodeURIComponent(config)}&registration_token=x`);
    expect(none.status).toBe(403);
    expect(state.registrations).toEqual([]);
    const refused = await request(
      `/lti/register?${new URLSearchParams({ invite: await invite(), openid_configuration: config, registration_token: 'wrong' })}`,
    );
    expect(refused.status).toBe(422);
    expect(visibleText(await refused.text())).toContain('The registration with the learning platform did not succeed.');
  });
});

describe('deployments of a platform registered dynamically without one', () => {
  const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
  const listed = async (issuer: string) => {
    const { platforms } = (await (await platformsApi()).json()) as { platforms: { issuer: string; deploymentIds: string[] }[] };
    return platforms.find((p) => p.issuer === issuer)?.deploymentIds;
  };
  const launchIn = (
    state: Awaited<ReturnType<typeof emulator>>['state'],
    app: Awaited<ReturnType<typeof emulator>>['app'],
    deployment: string,
  ) =>
    launch(state, app, {
      user: LEARNER,
      message: 'LtiResourceLinkRequest',
      quiz: 'china',
      change: { [`${LTI}deployment_id`]: deployment },
    });

  it("records the deployment of a verified launch as the platform's, and refuses one whose signature fails", async () => {
    const { state, app } = await emulator('https://nodeployment.test');
    state.registerWithoutDeployment = true;
    expect((await registerDynamically(state)).status).toBe(200);
    expect(await listed(state.issuer)).toEqual([]);

    expect((await launchIn(state, app, 'deployment-1')).status).toBe(303);
    expect((await launchIn(state, app, 'deployment-2')).status).toBe(303);
    expect(await listed(state.issuer)).toEqual(['deployment-1', 'deployment-2']);

    // A token for another deployment with a signature that does not verify records nothing.
    const spec = {
      user: LEARNER,
      message: 'LtiResourceLinkRequest' as const,
      quiz: 'china',
      change: { [`${LTI}deployment_id`]: 'forged' },
    };
    const { form, cookies } = await loginThenAuth(state, app, spec);
    const [head, body] = form.id_token.split('.');
    const forged = await postLaunch({ ...form, id_token: `${head}.${body}.${'A'.repeat(342)}` }, cookies);
    expect(forged.status).toBe(401);
    expect(await listed(state.issuer)).toEqual(['deployment-1', 'deployment-2']);
  });

  it('keeps the strict list of a platform registered by hand, also after it had been registered dynamically', async () => {
    const { state, app } = await emulator('https://strict.test');
    state.registerWithoutDeployment = true;
    expect((await registerDynamically(state)).status).toBe(200);
    const byHand = {
      issuer: state.issuer,
      clientId: state.tool.clientId,
      deploymentIds: ['deployment-1'],
      authUrl: `${state.origin}/auth`,
      tokenUrl: `${state.origin}/token`,
      jwksUrl: `${state.origin}/jwks`,
    };
    expect((await platformsApi({ method: 'POST', body: JSON.stringify(byHand) })).status).toBe(201);
    expect((await launchIn(state, app, 'deployment-1')).status).toBe(303);
    const refused = await launchIn(state, app, 'deployment-9');
    expect(refused.status).toBe(403);
    expect(visibleText(await refused.text())).toContain(
      'Diese Installation des Werkzeugs auf Ihrer Lernplattform ist für den Kurs nicht registriert.',
    );
    expect(await listed(state.issuer)).toEqual(['deployment-1']);
  });
});
