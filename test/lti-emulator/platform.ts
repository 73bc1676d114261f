// The emulated LMS's platform side, written from LTI Core 1.3, Deep Linking 2.0 and Dynamic Registration
// 1.0: its key set, the OIDC auth endpoint (answers a login with an auto-submitted form post of an id_token),
// the openid configuration and registration endpoint, and the check of a deep-linking response.
import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet, type JWTPayload } from 'jose';
import { GRANTED_SCOPES, servicesState, servicesUrls } from './services.ts';
import type { EmulatorState, LaunchSpec } from './state.ts';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const ROLES = {
  learner: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  instructor: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
};

/** The platform's public keys (what the tool fetches at jwks_uri). */
export const platformJwks = (state: EmulatorState): JSONWebKeySet => ({ keys: [state.key.publicJwk] });

/** The platform's openid configuration (Dynamic Registration 1.0 §3.5). */
export function openidConfiguration(state: EmulatorState) {
  return {
    issuer: state.issuer,
    authorization_endpoint: `${state.origin}/auth`,
    token_endpoint: servicesUrls(state.origin, state.context.id).tokenUrl,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: `${state.origin}/jwks`,
    registration_endpoint: `${state.origin}/register`,
    scopes_supported: ['openid', ...GRANTED_SCOPES],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'aud', 'sub', 'name', 'locale'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'lti-emulator',
      version: '1.0',
      messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  };
}

/** The URL an LMS page frames (or opens) to start a launch: the tool's login initiation, with a prepared launch. */
export function loginUrl(state: EmulatorState, spec: LaunchSpec): string {
  const hint = `launch-${state.launches.size + 1}-${crypto.randomUUID().slice(0, 6)}`;
  state.launches.set(hint, spec);
  const q = new URLSearchParams({
    iss: state.issuer,
    login_hint: spec.user.sub,
    target_link_uri: state.tool.launchUrl,
    lti_message_hint: hint,
    client_id: state.tool.clientId,
    lti_deployment_id: state.tool.deploymentId,
  });
  return `${state.tool.loginUrl}?${q}`;
}

/** The claims of the id_token for `spec`, answering the login whose nonce is `nonce`. */
export function launchClaims(state: EmulatorState, spec: LaunchSpec, nonce: string): JWTPayload {
  const link = spec.resourceLinkId ?? `link-${spec.quiz ?? 'none'}`;
  const urls = servicesUrls(state.origin, state.context.id);
  const claims: Record<string, unknown> = {
    nonce,
    sub: spec.user.sub,
    name: spec.user.name,
    locale: spec.user.locale ?? 'en-US',
    [`${LTI}message_type`]: spec.message,
    [`${LTI}version`]: '1.3.0',
    [`${LTI}deployment_id`]: state.tool.deploymentId,
    [`${LTI}target_link_uri`]: state.tool.launchUrl,
    [`${LTI}roles`]: spec.user.roles,
    [`${LTI}context`]: {
      id: state.context.id,
      title: state.context.title,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
    },
  };
  if (spec.message === 'LtiResourceLinkRequest') {
    claims[`${LTI}resource_link`] = { id: link, title: spec.quiz };
    if (spec.quiz) claims[`${LTI}custom`] = { quiz: spec.quiz };
    claims['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'] = {
      scope: GRANTED_SCOPES.filter((s) => s.includes('lti-ags')),
      lineitems: urls.lineitems,
      ...(spec.lineitem ? { lineitem: spec.lineitem } : {}),
    };
    claims['https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice'] = {
      context_memberships_url: urls.memberships,
      service_versions: ['2.0'],
    };
  } else {
    claims['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'] = {
      deep_link_return_url: `${state.origin}/deep-link-return`,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      auto_create: true,
      data: 'emulator-data-1',
    };
  }
  for (const [k, v] of Object.entries(spec.change ?? {})) {
    if (v === undefined) delete claims[k];
    else claims[k] = v;
  }
  return claims;
}

/** Signs claims as this platform's id_token (iss, aud, iat, exp set unless the claims say otherwise). */
export async function signIdToken(state: EmulatorState, claims: JWTPayload, opts: { kid?: string; key?: CryptoKey } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: state.issuer, aud: state.tool.clientId, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? state.key.kid, typ: 'JWT' })
    .sign(opts.key ?? state.key.privateKey);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The form post an OIDC form_post response is: the browser submits it to the tool's launch URL at once. */
export const formPost = (action: string, fields: Record<string, string>) =>
  `<!doctype html><html lang="en"><head><title>Launching</title></head><body><form method="post" action="${esc(action)}">${Object.entries(
    fields,
  )
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('')}<noscript><button>Continue</button></noscript></form><script>document.forms[0].submit()</script></body></html>`;

/**
 * The OIDC auth endpoint (LTI Core 1.3 §5.1.1.2–3): checks the tool's authentication request and answers with
 * the id_token of the prepared launch, or an error text naming the problem.
 */
export async function authorize(state: EmulatorState, q: Record<string, string | undefined>): Promise<{ status: number; html: string }> {
  const problems = [
    q.scope === 'openid' ? '' : 'scope',
    q.response_type === 'id_token' ? '' : 'response_type',
    q.response_mode === 'form_post' ? '' : 'response_mode',
    q.prompt === 'none' ? '' : 'prompt',
    q.client_id === state.tool.clientId ? '' : 'client_id',
    q.redirect_uri === state.tool.launchUrl ? '' : 'redirect_uri',
    q.nonce ? '' : 'nonce',
    q.state ? '' : 'state',
  ].filter(Boolean);
  const spec = state.launches.get(q.lti_message_hint ?? '');
  if (!spec || spec.user.sub !== q.login_hint) problems.push('login_hint');
  state.authRequests.push(Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined)));
  if (problems.length || !spec) return { status: 400, html: `invalid_request: ${problems.join(', ')}` };
  const token = await signIdToken(state, launchClaims(state, spec, q.nonce!));
  return { status: 200, html: formPost(q.redirect_uri!, { id_token: token, state: q.state! }) };
}

/** Dynamic registration's endpoint: a valid registration token gets a client id (and the deployment, unless told not to), once. */
export function registerTool(
  state: EmulatorState,
  auth: string | undefined,
  body: Record<string, unknown>,
): { status: number; json: Record<string, unknown> } {
  const token = auth?.replace(/^Bearer /, '') ?? '';
  if (!state.registrationTokens.delete(token)) return { status: 401, json: { error: 'invalid_token' } };
  state.registrations.push(body);
  const toolConfig = (body['https://purl.imsglobal.org/spec/lti-tool-configuration'] ?? {}) as Record<string, unknown>;
  state.tool.clientId = `dyn-${crypto.randomUUID().slice(0, 8)}`;
  state.tool.loginUrl = String(body.initiate_login_uri);
  state.tool.launchUrl = String(toolConfig.target_link_uri);
  state.tool.jwksUrl = String(body.jwks_uri);
  return {
    status: 200,
    json: {
      ...body,
      client_id: state.tool.clientId,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': state.registerWithoutDeployment
        ? toolConfig
        : { ...toolConfig, deployment_id: state.tool.deploymentId },
    },
  };
}

/** Verifies a deep-linking response with the tool's JWKS (Deep Linking 2.0 §4.2) and records its claims. */
export async function receiveDeepLink(state: EmulatorState, jwt: string): Promise<Record<string, unknown>> {
  const res = await servicesState(state).toolFetch(state.tool.jwksUrl);
  const keys = createLocalJWKSet((await res.json()) as JSONWebKeySet);
  const { payload } = await jwtVerify(jwt, keys, {
    issuer: state.tool.clientId,
    audience: state.issuer,
    algorithms: ['RS256'],
    maxTokenAge: '5m',
  });
  if (payload[`${LTI}message_type`] !== 'LtiDeepLinkingResponse') throw new Error('not a deep-linking response');
  if (payload[`${LTI}deployment_id`] !== state.tool.deploymentId) throw new Error('wrong deployment');
  state.deepLinks.push(payload);
  return payload;
}
