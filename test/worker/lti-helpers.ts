// Drives LTI launches inside workerd: the emulated platform (test/lti-emulator) answers the tool's outbound
// requests in this isolate, and these helpers play the browser between the two (cookies, redirects, form posts).
import { env } from 'cloudflare:workers';
import { exports } from 'cloudflare:workers';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { emulatorApp } from '../lti-emulator/index.ts';
import { loginUrl } from '../lti-emulator/platform.ts';
import { servicesState } from '../lti-emulator/services.ts';
import { createEmulatorState, type EmulatorState, type LaunchSpec } from '../lti-emulator/state.ts';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import { forgetTokens } from '../../worker/services/lti/token.ts';
import { registry } from '../../worker/services/lti/platforms.ts';
import { forgetFramingOrigins } from '../../worker/http/security-headers.ts';
import { request } from './helpers.ts';

export const TOOL = 'http://127.0.0.1';
export const LEARNER = {
  sub: 'learner-7',
  name: 'Lena Lernt',
  roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  locale: 'de-DE',
};
export const TEACHER = {
  sub: 'teacher-1',
  name: 'Tom Teach',
  roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
  locale: 'en-GB',
};

/** A platform at `origin` whose endpoints answer the tool's requests (only one emulator is installed at a time). */
export async function emulator(origin = 'https://lms.test'): Promise<{ state: EmulatorState; app: ReturnType<typeof emulatorApp> }> {
  const state = await createEmulatorState(origin, TOOL);
  const app = emulatorApp(state);
  servicesState(state).toolFetch = (url) => exports.default.fetch(new Request(url));
  useLtiFetcher(async (url, init) => {
    if (!url.startsWith(origin)) throw new Error(`the test network has no ${url}`);
    const { signal: _signal, ...rest } = init ?? {};
    return app.request(url, rest as RequestInit);
  });
  return { state, app };
}

/** Registers the emulated platform with the tool as an administrator would by hand. */
export async function registerManually(state: EmulatorState): Promise<void> {
  await registry(env).savePlatform({
    issuer: state.issuer,
    clientId: state.tool.clientId,
    authUrl: `${state.origin}/auth`,
    tokenUrl: `${state.origin}/token`,
    jwksUrl: `${state.origin}/jwks`,
    deploymentIds: [state.tool.deploymentId],
    name: '',
  });
  forgetFramingOrigins();
}

/**
 * A test file's emulated platform, registered by hand: one for the whole file, or with `fresh` a new one for
 * every test at `https://{fresh}{n}.test` (its own issuer and course, no cached tokens). Sets the vitest hooks
 * (the network is restored after); read the platform through the returned getters inside tests.
 */
export function registeredPlatform(fresh?: string) {
  let current: Awaited<ReturnType<typeof emulator>> | undefined;
  let n = 0;
  const start = async () => {
    forgetTokens();
    current = await emulator(fresh ? `https://${fresh}${++n}.test` : undefined);
    await registerManually(current.state);
  };
  if (fresh) beforeEach(start);
  else beforeAll(start, 60_000);
  (fresh ? afterEach : afterAll)(() => useLtiFetcher(null));
  return {
    get state() {
      return current!.state;
    },
    get app() {
      return current!.app;
    },
  };
}

/** `name=value` pairs of a response's Set-Cookie headers (the browser's jar, without attributes). */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`)
    .exec(html)?.[1]
    ?.replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');

/** Login at the tool, then the platform's auth endpoint: the form the browser would post to /lti/launch, and the state cookie. */
export async function loginThenAuth(state: EmulatorState, app: ReturnType<typeof emulatorApp>, spec: LaunchSpec) {
  const url = new URL(loginUrl(state, spec));
  const login = await request(url.pathname + url.search, { headers: { 'sec-fetch-site': 'cross-site' }, redirect: 'manual' });
  if (login.status !== 302) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookies = cookiesOf(login);
  const auth = await app.request(login.headers.get('location')!);
  const html = await auth.text();
  if (auth.status !== 200) throw new Error(`auth answered ${auth.status}: ${html}`);
  const form = { id_token: field(html, 'id_token')!, state: field(html, 'state')! };
  const nonce = new URL(login.headers.get('location')!).searchParams.get('nonce')!;
  return { form, cookies, nonce, login };
}

/** Posts a launch form as the platform's page does (cross-site, with the browser's cookies). */
export function postLaunch(form: Record<string, string>, cookies: string[], headers: Record<string, string> = {}) {
  return request('/lti/launch', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'cross-site',
      origin: 'https://lms.test',
      cookie: cookies.join('; '),
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

/** A whole launch: login, auth, launch post. */
export async function launch(state: EmulatorState, app: ReturnType<typeof emulatorApp>, spec: LaunchSpec) {
  const { form, cookies } = await loginThenAuth(state, app, spec);
  return postLaunch(form, cookies);
}
