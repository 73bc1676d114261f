import { tFor } from '../../render/i18n.ts';
import { uiLanguages } from '../content.ts';
import { LtiError } from './errors.ts';
import { LtiFetchError, ltiFetch, ltiJson, platformUrl } from './http.ts';
import { registry } from './platforms.ts';
import type { Platform } from './platform-types.ts';
import { seal, unseal } from './signed.ts';

/** The scopes the tool asks for: AGS line items, results and scores; NRPS memberships. */
export const TOOL_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];

/** The tool's URLs, as the instructor pages show them and registration sends them. */
export const toolUrls = (origin: string) => ({
  login: `${origin}/lti/login`,
  launch: `${origin}/lti/launch`,
  jwks: `${origin}/lti/jwks`,
  deepLink: `${origin}/lti/launch`,
  register: `${origin}/lti/register`,
});

const INVITE_TTL_MS = 7 * 24 * 3600_000;

/**
 * An invitation to register: the registration URL an instructor pastes into an LMS carries it, so only a
 * platform an instructor invited can register (dynamic registration is otherwise open to anyone who finds
 * the URL). Valid for a week, any number of registrations.
 */
export const newInvitation = (env: Env) => seal(env, 'lti-invite', { exp: Date.now() + INVITE_TTL_MS });

/** The tool's registration request (Dynamic Registration 1.0 §3.3, LTI tool configuration), names in every UI language. */
export function toolConfiguration(origin: string) {
  const urls = toolUrls(origin);
  const names: Record<string, string> = {};
  for (const lang of uiLanguages) {
    const key = lang === 'en' ? '' : `#${lang}`;
    names[`client_name${key}`] = tFor(lang)('lti.toolName');
  }
  const labels = Object.fromEntries(uiLanguages.map((lang) => [lang === 'en' ? 'label' : `label#${lang}`, tFor(lang)('lti.picker.title')]));
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch],
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: TOOL_SCOPES.join(' '),
    ...names,
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: new URL(origin).host,
      target_link_uri: urls.launch,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'locale'],
      messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: urls.deepLink, ...labels }],
    },
  };
}

interface OpenIdConfiguration {
  issuer?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  jwks_uri?: string;
  registration_endpoint?: string;
  'https://purl.imsglobal.org/spec/lti-platform-configuration'?: { product_family_code?: string };
}

const need = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || !v) throw new LtiError('registration_failed', `The platform's configuration has no ${what}.`);
  return v;
};

async function platformConfiguration(env: Env, url: string): Promise<OpenIdConfiguration> {
  const config = await ltiJson<OpenIdConfiguration>(await ltiFetch(env, url, { headers: { accept: 'application/json' } }));
  const issuer = need(config.issuer, 'issuer');
  // Dynamic Registration 1.0 §3.5.1: the configuration must come from the issuer's own address.
  if (!url.startsWith(issuer.replace(/\/$/, '')))
    throw new LtiError('registration_failed', 'The configuration does not come from its issuer.');
  return config;
}

/**
 * Dynamic registration (LTI Dynamic Registration 1.0): reads the platform's openid configuration, posts the
 * tool's configuration to its registration endpoint with the registration token, and stores the platform
 * with the client id (and deployment) it gave.
 */
export async function registerDynamically(
  env: Env,
  toolOrigin: string,
  q: { invite?: string; configUrl?: string; token?: string },
): Promise<Platform> {
  if (!(await unseal(env, 'lti-invite', q.invite)))
    throw new LtiError('no_invitation', 'This registration link is not (or no longer) valid.');
  if (!q.configUrl) throw new LtiError('bad_request', 'openid_configuration is missing.');
  try {
    const configUrl = platformUrl(q.configUrl).toString();
    const config = await platformConfiguration(env, configUrl);
    const endpoint = need(config.registration_endpoint, 'registration endpoint');
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (q.token) headers.authorization = `Bearer ${q.token}`;
    const res = await ltiFetch(env, endpoint, { method: 'POST', headers, body: JSON.stringify(toolConfiguration(toolOrigin)) });
    const answer = await ltiJson<Record<string, unknown>>(res);
    const toolConfig = (answer['https://purl.imsglobal.org/spec/lti-tool-configuration'] ?? {}) as { deployment_id?: unknown };
    const platform: Platform = {
      issuer: need(config.issuer, 'issuer'),
      clientId: need(answer.client_id, 'client id in its answer'),
      authUrl: platformUrl(need(config.authorization_endpoint, 'authorization endpoint')).toString(),
      tokenUrl: platformUrl(need(config.token_endpoint, 'token endpoint')).toString(),
      jwksUrl: platformUrl(need(config.jwks_uri, 'key set URL')).toString(),
      deploymentIds: typeof toolConfig.deployment_id === 'string' ? [toolConfig.deployment_id] : [],
      // Never empty: an empty name marks a manual registration on the instructor page.
      name: config['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code || need(config.issuer, 'issuer'),
    };
    // Dynamic Registration 1.0: the deployment id is optional in the registration response. Without one, the platform
    // vouches for its deployments by signing them: a fully verified launch records its deployment (verify.ts).
    await registry(env).savePlatform(platform, platform.deploymentIds.length === 0);
    return platform;
  } catch (err) {
    if (err instanceof LtiFetchError) throw new LtiError('registration_failed', err.message);
    throw err;
  }
}
