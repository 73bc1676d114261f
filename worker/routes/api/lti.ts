import { $ } from '@hono/zod-openapi';
import { requireBearer } from '../../auth/instructor-token.ts';
import { forgetFramingOrigins } from '../../http/security-headers.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { platformUrl } from '../../services/lti/http.ts';
import { registry } from '../../services/lti/platforms.ts';
import type { Platform } from '../../services/lti/platform-types.ts';
import { newInvitation, TOOL_SCOPES, toolUrls } from '../../services/lti/registration.ts';
import { JsonApi } from './json-api.ts';
import { ltiRoutes } from './schemas/lti.ts';

/** Each of the platform's URLs must be one the tool will call (https; http only on loopback). */
function checkUrls(p: Platform) {
  const details = (['authUrl', 'tokenUrl', 'jwksUrl'] as const).flatMap((k) => {
    try {
      platformUrl(p[k]);
      return [];
    } catch (err) {
      return [{ path: k, message: (err as Error).message }];
    }
  });
  if (details.length) throw new ApiError(422, 'invalid_request', 'Every platform URL must be https (http only on this machine).', details);
}

/** The tool's URLs for this origin, the registration one with a fresh invitation. */
export async function toolUrlsWithInvite(env: Env, origin: string) {
  const urls = toolUrls(origin);
  return { ...urls, register: `${urls.register}?invite=${encodeURIComponent(await newInvitation(env))}`, scopes: TOOL_SCOPES };
}

/** Manual LTI registration (issue 19, item 1): list, register, remove. Instructors only. */
export const ltiApi = $(new JsonApi().use('*', requireBearer))
  .openapi(ltiRoutes.list, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ platforms: await registry(c.env).platforms(), tool: await toolUrlsWithInvite(c.env, new URL(c.req.url).origin) }, 200);
  })
  .openapi(ltiRoutes.create, async (c) => {
    const platform: Platform = { ...c.req.valid('json'), name: '' };
    checkUrls(platform);
    await registry(c.env).savePlatform(platform);
    forgetFramingOrigins();
    return c.json({ platform: (await registry(c.env).platform(platform.issuer, platform.clientId))! }, 201);
  })
  .openapi(ltiRoutes.remove, async (c) => {
    const { issuer, clientId } = c.req.valid('query');
    if (!(await registry(c.env).removePlatform(issuer, clientId))) throw notFound('platform', `${issuer} ${clientId}`);
    forgetFramingOrigins();
    return c.json({ deleted: true }, 200);
  });
