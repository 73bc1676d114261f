import { $ } from '@hono/zod-openapi';
import { requireBearer } from '../../auth/instructor-token.ts';
import { listPlatforms, registerPlatform, removePlatform, toolUrlsWithInvite } from '../../services/lti/manual-registration.ts';
import { JsonApi } from './json-api.ts';
import { ltiRoutes } from './schemas/lti.ts';

/** Manual LTI registration (issue 19, item 1): list, register, remove. Instructors only; the instructor page uses the same service. */
export const ltiApi = $(new JsonApi().use('*', requireBearer))
  .openapi(ltiRoutes.list, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ platforms: await listPlatforms(c.env), tool: await toolUrlsWithInvite(c.env, new URL(c.req.url).origin) }, 200);
  })
  .openapi(ltiRoutes.create, async (c) => c.json({ platform: await registerPlatform(c.env, c.req.valid('json')) }, 201))
  .openapi(ltiRoutes.remove, async (c) => {
    const { issuer, clientId } = c.req.valid('query');
    await removePlatform(c.env, issuer, clientId);
    return c.json({ deleted: true }, 200);
  });
