import type { JWTPayload } from 'jose';
import type { LtiLaunch } from './types.ts';

/** The LTI 1.3 claim names this tool reads (LTI Core 1.3, Deep Linking 2.0, AGS 2.0, NRPS 2.0). */
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  dlContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dlData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const MESSAGE = {
  resourceLink: 'LtiResourceLinkRequest',
  deepLinking: 'LtiDeepLinkingRequest',
  deepLinkingResponse: 'LtiDeepLinkingResponse',
} as const;

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
/** Roles that make a launch an instructor's: they see the class's results instead of the quiz. */
const TEACHING = new Set([`${MEMBERSHIP}Instructor`, `${MEMBERSHIP}ContentDeveloper`, 'Instructor', 'ContentDeveloper']);

export const isInstructor = (roles: readonly string[]) => roles.some((r) => TEACHING.has(r));

export type Claims = JWTPayload & Record<string, unknown>;

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 2048 ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').slice(0, 50) : []);

/** The UI language of a launch's `locale` ("de-DE" → de), or the fallback when the tool has no such UI. */
export function launchLanguage(claims: Claims, uiLanguages: readonly string[], fallback: string): string {
  const locale = str(claims.locale) ?? str(obj(claims[CLAIM.launchPresentation]).locale);
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return primary && uiLanguages.includes(primary) ? primary : fallback;
}

/** The custom `quiz` parameter of the link (lesson id, `final`, or `set:{id}`), if any. */
export const customQuiz = (claims: Claims): string | undefined => str(obj(claims[CLAIM.custom]).quiz);

/** What the tool keeps of a verified resource-link launch (types.ts: the contract with the gradebook). */
export function toLaunch(claims: Claims, clientId: string, quiz: string, lang: string): LtiLaunch {
  const context = obj(claims[CLAIM.context]);
  const ags = obj(claims[CLAIM.ags]);
  const nrps = obj(claims[CLAIM.nrps]);
  const launch: LtiLaunch = {
    iss: claims.iss!,
    clientId,
    deploymentId: String(claims[CLAIM.deploymentId]),
    contextId: str(context.id) ?? `link:${str(obj(claims[CLAIM.resourceLink]).id) ?? ''}`,
    resourceLinkId: str(obj(claims[CLAIM.resourceLink]).id) ?? '',
    sub: claims.sub!,
    roles: strings(claims[CLAIM.roles]),
    quiz,
    lang,
  };
  const contextTitle = str(context.title) ?? str(context.label);
  if (contextTitle) launch.contextTitle = contextTitle;
  const name = str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ') || undefined);
  if (name) launch.name = name;
  if (Object.keys(ags).length) {
    launch.ags = { scope: strings(ags.scope) };
    const lineitem = str(ags.lineitem);
    const lineitems = str(ags.lineitems);
    if (lineitem) launch.ags.lineitem = lineitem;
    if (lineitems) launch.ags.lineitems = lineitems;
  }
  const memberships = str(nrps.context_memberships_url);
  if (memberships) launch.nrps = { contextMembershipsUrl: memberships };
  return launch;
}
