import { SignJWT } from 'jose';
import { CLAIM, MESSAGE, type Claims } from './claims.ts';
import { LtiError } from './errors.ts';
import { toolKey } from './keys.ts';
import type { Platform } from './platform-types.ts';
import type { LinkableQuiz } from './quiz-links.ts';
import { randomId, seal, unseal } from './signed.ts';

/** A verified LtiDeepLinkingRequest, sealed into the picker's form so its answer needs no storage. */
export interface DeepLinkRequest {
  iss: string;
  clientId: string;
  deploymentId: string;
  returnUrl: string;
  multiple: boolean;
  /** The picker's UI language (the launch's locale). */
  lang: string;
  data?: string;
  exp: number;
}

/** The points a linked quiz is worth in the gradebook (its line item's scoreMaximum). */
export const SCORE_MAXIMUM = 100;
const PICK_TTL_MS = 3600_000;

/** The picker's request from a verified deep-linking launch; a platform that takes no resource links is refused. */
export async function openDeepLink(
  env: Env,
  claims: Claims,
  platform: Platform,
  lang: string,
): Promise<{ request: DeepLinkRequest; sealed: string }> {
  const settings = (claims[CLAIM.deepLinking] ?? {}) as Record<string, unknown>;
  const returnUrl = settings.deep_link_return_url;
  const types = Array.isArray(settings.accept_types) ? settings.accept_types : [];
  if (typeof returnUrl !== 'string' || !/^https?:\/\//.test(returnUrl))
    throw new LtiError('bad_token', 'The deep-linking request has no return URL.');
  if (!types.includes('ltiResourceLink')) throw new LtiError('wrong_message', 'The platform accepts no resource links here.');
  const request: DeepLinkRequest = {
    iss: platform.issuer,
    clientId: platform.clientId,
    deploymentId: String(claims[CLAIM.deploymentId]),
    returnUrl,
    multiple: settings.accept_multiple !== false,
    lang,
    exp: Date.now() + PICK_TTL_MS,
  };
  if (typeof settings.data === 'string') request.data = settings.data;
  return { request, sealed: await seal(env, 'lti-deep-link', request) };
}

/** The picker's sealed request posted back, or a refusal when it was changed or is over an hour old. */
export async function pickedRequest(env: Env, sealed: string | undefined): Promise<DeepLinkRequest> {
  const request = await unseal<DeepLinkRequest>(env, 'lti-deep-link', sealed);
  if (!request) throw new LtiError('state_mismatch', 'The picker form has expired or was changed; start again from the course.');
  return request;
}

/** One `ltiResourceLink` content item (Deep Linking 2.0 §3.2) with its line item, so the platform makes a grade column. */
function contentItem(toolOrigin: string, quiz: LinkableQuiz, title: string) {
  return {
    type: 'ltiResourceLink',
    title,
    url: `${toolOrigin}/lti/launch`,
    custom: { quiz: quiz.quiz },
    lineItem: { scoreMaximum: SCORE_MAXIMUM, label: title, resourceId: quiz.quiz },
  };
}

/** The signed LtiDeepLinkingResponse for the chosen quizzes (titles in the UI language of the picker). */
export async function deepLinkResponse(
  env: Env,
  toolOrigin: string,
  request: DeepLinkRequest,
  chosen: { quiz: LinkableQuiz; title: string }[],
): Promise<string> {
  const { privateKey, kid } = await toolKey(env);
  const claims: Record<string, unknown> = {
    nonce: randomId(),
    [CLAIM.messageType]: MESSAGE.deepLinkingResponse,
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: request.deploymentId,
    [CLAIM.dlContentItems]: chosen.map((c) => contentItem(toolOrigin, c.quiz, c.title)),
  };
  if (request.data !== undefined) claims[CLAIM.dlData] = request.data;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(request.clientId)
    .setAudience(request.iss)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}
