// Manual LTI registration (issue 19, item 1), one function per job, used by the instructor API
// (worker/routes/api/lti.ts) and the instructor page (worker/routes/pages/instructor-lti.tsx) alike.
import { ApiError, notFound } from '../../http/errors.ts';
import { forgetFramingOrigins } from '../../http/security-headers.ts';
import { urlRefusal, type UrlRefusal } from './http.ts';
import { registry } from './platforms.ts';
import type { Platform } from './platform-types.ts';
import { newInvitation, TOOL_SCOPES, toolUrls } from './registration.ts';

/** What an instructor gives the tool about a platform (the API's LtiPlatformInput). */
export type PlatformInput = Omit<Platform, 'name'>;

/** The platform URLs the tool calls: each must be https (http only on loopback). */
export const PLATFORM_URL_FIELDS = ['authUrl', 'tokenUrl', 'jwksUrl'] as const;

const REFUSAL_TEXT: Record<UrlRefusal, string> = {
  not_url: 'is not a URL',
  not_https: 'must be https (http only on this machine)',
  credentials: 'must not carry a user name or password',
};

/** Each platform URL the tool would not call, with why (empty when all are fine). */
export function platformUrlProblems(p: Pick<PlatformInput, (typeof PLATFORM_URL_FIELDS)[number]>) {
  return PLATFORM_URL_FIELDS.flatMap((path) => {
    const reason = urlRefusal(p[path]);
    return reason ? [{ path, reason }] : [];
  });
}

/** The tool's URLs for this origin, the registration one with a fresh invitation (a week long), and the scopes. */
export async function toolUrlsWithInvite(env: Env, origin: string) {
  const urls = toolUrls(origin);
  return { ...urls, register: `${urls.register}?invite=${encodeURIComponent(await newInvitation(env))}`, scopes: [...TOOL_SCOPES] };
}

/** Every registered platform, oldest first (one Durable Object call). */
export const listPlatforms = (env: Env): Promise<Platform[]> => registry(env).platforms();

/**
 * Registers (or re-registers) a platform by hand; its deployments become exactly the ones given. A URL the
 * tool would not call is a 422 naming each field; framing origins are read again at once.
 */
export async function registerPlatform(env: Env, input: PlatformInput): Promise<Platform> {
  const problems = platformUrlProblems(input);
  if (problems.length)
    throw new ApiError(
      422,
      'invalid_request',
      'Every platform URL must be https (http only on this machine).',
      problems.map(({ path, reason }) => ({ path, message: `${path} ${REFUSAL_TEXT[reason]}` })),
    );
  const platform: Platform = { ...input, name: '' };
  await registry(env).savePlatform(platform);
  forgetFramingOrigins();
  return (await registry(env).platform(platform.issuer, platform.clientId)) ?? platform;
}

/** Removes a registration (its launches are refused from then on); an unknown one is a 404. */
export async function removePlatform(env: Env, issuer: string, clientId: string): Promise<void> {
  if (!(await registry(env).removePlatform(issuer, clientId))) throw notFound('platform', `${issuer} ${clientId}`);
  forgetFramingOrigins();
}
