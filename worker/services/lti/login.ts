import { LtiError } from './errors.ts';
import { registry } from './platforms.ts';
import type { Platform } from './platform-types.ts';
import { randomId, seal, unseal } from './signed.ts';

/** A login in flight: what the launch that answers it must match. */
export interface LoginState {
  state: string;
  nonce: string;
  iss: string;
  clientId: string;
  exp: number;
}

/** A login is answered within five minutes, or not at all. */
export const LOGIN_TTL_MS = 5 * 60_000;

/** The third-party initiated login's parameters (LTI Core 1.3, 5.1.1), from the query or the form. */
export interface LoginParams {
  iss?: string | undefined;
  login_hint?: string | undefined;
  target_link_uri?: string | undefined;
  lti_message_hint?: string | undefined;
  client_id?: string | undefined;
  lti_deployment_id?: string | undefined;
}

async function platformFor(env: Env, iss: string, clientId: string | undefined): Promise<Platform> {
  const reg = registry(env);
  if (clientId) {
    const p = await reg.platform(iss, clientId);
    if (p) return p;
  } else {
    // Without client_id the issuer must name exactly one registration.
    const all = await reg.platformsOf(iss);
    if (all.length === 1) return all[0]!;
  }
  throw new LtiError('unknown_platform', `No platform is registered as ${iss}${clientId ? ` with client id ${clientId}` : ''}.`);
}

/**
 * Starts a login: checks the parameters, makes a state and a single-use nonce (kept in the registry, with a
 * copy of the state for browsers that refuse the cookie), and gives the platform's auth URL to redirect to
 * and the sealed state for the cookie.
 */
export async function startLogin(
  env: Env,
  toolOrigin: string,
  params: LoginParams,
): Promise<{ redirect: string; login: LoginState; sealed: string }> {
  const { iss, login_hint: loginHint, target_link_uri: target } = params;
  if (!iss || !loginHint || !target) throw new LtiError('bad_request', 'A login needs iss, login_hint and target_link_uri.');
  let targetUrl: URL;
  try {
    targetUrl = new URL(target);
  } catch {
    throw new LtiError('bad_request', 'target_link_uri is not a URL.');
  }
  if (targetUrl.origin !== toolOrigin) throw new LtiError('bad_request', 'target_link_uri is not a URL of this tool.');
  const platform = await platformFor(env, iss, params.client_id);
  // The hint is unsigned: the launch checks the signed claim. Refusing here spares the trip to the platform;
  // a platform that learns its deployments (registry) is asked only for a deployment it has not launched yet.
  const deployment = params.lti_deployment_id;
  if (deployment && !platform.deploymentIds.includes(deployment) && !(await registry(env).learnsDeployments(iss, platform.clientId)))
    throw new LtiError('unknown_deployment', `Deployment ${deployment} is not registered for ${iss}.`);
  const login: LoginState = { state: randomId(), nonce: randomId(), iss, clientId: platform.clientId, exp: Date.now() + LOGIN_TTL_MS };
  const sealed = await seal(env, 'lti-state', login);
  await registry(env).startLogin(login.nonce, login.state, sealed, login.exp);
  const auth = new URL(platform.authUrl);
  const query = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: `${toolOrigin}/lti/launch`,
    login_hint: loginHint,
    state: login.state,
    nonce: login.nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [k, v] of Object.entries(query)) auth.searchParams.set(k, v);
  return { redirect: auth.toString(), login, sealed };
}

/**
 * The login a launch answers: the state cookie's when the browser kept it (it must be this very state),
 * else the registry's copy, taken once. Neither: the launch is refused.
 */
export async function loginOf(env: Env, state: string | undefined, cookie: string | undefined): Promise<LoginState> {
  if (!state || state.length > 64) throw new LtiError('state_mismatch', 'The launch carries no state.');
  const fromCookie = await unseal<LoginState>(env, 'lti-state', cookie);
  if (fromCookie) {
    if (fromCookie.state !== state) throw new LtiError('state_mismatch', 'The launch answers another login than this browser started.');
    return fromCookie;
  }
  const stored = await unseal<LoginState>(env, 'lti-state', (await registry(env).takeState(state)) ?? undefined);
  if (!stored || stored.state !== state) throw new LtiError('state_mismatch', 'The launch answers no login of this tool (or it expired).');
  return stored;
}
