// `GET`/`POST`/`DELETE /api/lti/platforms` (worker/routes/api/lti.ts): manual LTI 1.3 registration of a
// platform, for LMSs without dynamic registration; instructors only.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Platform as PlatformType } from '../../../services/lti/platform-types.ts';
import { json } from './common.ts';
import { errors } from './errors.ts';
import type { Same } from './same-type.ts';

const Url = z.string().min(1).max(500).meta({ format: 'uri' });

export const PlatformInput = z
  .object({
    issuer: Url.meta({
      description: "The platform's issuer (`iss`), e.g. the Moodle site's address.",
      example: 'https://moodle.example.edu',
    }),
    clientId: z.string().min(1).max(255).meta({ description: 'The client id the platform gave this tool.', example: 'aBc123' }),
    deploymentIds: z
      .array(z.string().min(1).max(255))
      .min(1)
      .max(50)
      .meta({ description: 'The deployment ids launches may carry.', example: ['1'] }),
    authUrl: Url.meta({ description: "The platform's OIDC authentication URL.", example: 'https://moodle.example.edu/mod/lti/auth.php' }),
    tokenUrl: Url.meta({
      description: "The platform's OAuth 2 token URL (grade passback).",
      example: 'https://moodle.example.edu/mod/lti/token.php',
    }),
    jwksUrl: Url.meta({ description: "The platform's public key set URL.", example: 'https://moodle.example.edu/mod/lti/certs.php' }),
  })
  .strict()
  .meta({ id: 'LtiPlatformInput' });

export const Platform = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    authUrl: z.string(),
    tokenUrl: z.string(),
    jwksUrl: z.string(),
    deploymentIds: z.array(z.string()),
    name: z.string().meta({ description: "The platform's product from dynamic registration, or empty." }),
  })
  .strict()
  .meta({ id: 'LtiPlatform' });
true satisfies Same<z.infer<typeof Platform>, PlatformType>;

export const ToolUrls = z
  .object({
    login: z.string(),
    launch: z.string(),
    jwks: z.string(),
    deepLink: z.string(),
    register: z.string().meta({ description: 'Dynamic registration, with an invitation valid for a week.' }),
    scopes: z.array(z.string()),
  })
  .strict()
  .meta({ id: 'LtiToolUrls' });

export const PlatformKey = z.object({
  issuer: z.string().min(1).max(500).meta({ description: 'The issuer of the registration to remove.' }),
  clientId: z.string().min(1).max(255).meta({ description: 'Its client id.' }),
});

const tags = ['LTI'];
const security = [{ instructorToken: [] }];
const auth = [401, 429] as const;

export const ltiRoutes = {
  list: createRoute({
    method: 'get',
    path: '/platforms',
    operationId: 'listLtiPlatforms',
    tags,
    security,
    summary: "The registered LTI platforms and the tool's URLs to give an LMS",
    responses: {
      200: json(z.object({ platforms: z.array(Platform), tool: ToolUrls }).strict(), 'Platforms and URLs.'),
      ...errors(...auth),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/platforms',
    operationId: 'registerLtiPlatform',
    tags,
    security,
    summary: 'Register an LTI 1.3 platform by hand (or update its registration)',
    request: { body: { required: true, content: { 'application/json': { schema: PlatformInput } } } },
    responses: { 201: json(z.object({ platform: Platform }).strict(), 'Registered.'), ...errors(400, 403, 413, 415, 422, ...auth) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/platforms',
    operationId: 'removeLtiPlatform',
    tags,
    security,
    summary: 'Remove a registered platform (its launches are refused from then on)',
    request: { query: PlatformKey },
    responses: { 200: json(z.object({ deleted: z.boolean() }).strict(), 'Removed.'), ...errors(400, 403, 404, 413, ...auth) },
  }),
};
