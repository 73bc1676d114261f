import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { toolJwks } from '../../services/lti/keys.ts';
import { deepLinkRoutes } from './deep-link.tsx';
import { ltiErrorHandler } from './error-page.tsx';
import { launchRoutes } from './launch.tsx';
import { loginRoutes } from './login.ts';
import { registerRoutes } from './register.tsx';
import { resultsRoutes } from './results.tsx';

/**
 * LTI 1.3 (issue 19; docs/decisions/0012-lti.md), mounted at /lti: the tool's key set, login, launch,
 * deep-linking answer and dynamic registration. Every refusal is a page in the UI language with a 4xx
 * (error-page.tsx).
 */
export const lti = new Hono<AppEnv>()
  .get('/jwks', async (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(await toolJwks(c.env));
  })
  .route('/', loginRoutes)
  .route('/', launchRoutes)
  .route('/', deepLinkRoutes)
  .route('/', registerRoutes)
  .route('/', resultsRoutes);

lti.onError(ltiErrorHandler);
