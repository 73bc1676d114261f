// The whole contract: every /api route of SPEC §7 with its mount point, and the OpenAPI 3.1 document they
// make. The route files define their routes with these; scripts/build.ts writes the document at build time,
// and test/worker/openapi-document.test.ts checks that it is the one the mounted routes make.
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { lessonsRoutes } from './lessons.ts';
import { ltiRoutes } from './lti.ts';
import { metaRoutes } from './meta.ts';
import { progressRoutes } from './progress.ts';
import { quizzesRoutes } from './quizzes.ts';
import { resultsRoutes } from './results.ts';
import { reviewRoutes } from './review.ts';
import { setsRoutes } from './question-sets.ts';

/** Where the JSON API is mounted. */
export const API_BASE = '/api';

/** Each resource's routes and where its sub-app is mounted below `/api` (worker/index.ts). */
export const apiContract: ReadonlyArray<readonly [mount: string, routes: Readonly<Record<string, RouteConfig>>]> = [
  ['', metaRoutes],
  ['/lessons', lessonsRoutes],
  ['/quizzes', quizzesRoutes],
  ['/progress', progressRoutes],
  ['/question-sets', setsRoutes],
  ['/results', resultsRoutes],
  ['/review', reviewRoutes],
  ['/lti', ltiRoutes],
];

/** The document's own fields (`getOpenAPI31Document(documentConfig)`). */
export const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Rare earths lessons API',
    version: '1',
    description:
      'JSON in and out. Every client mistake is a 4xx with `{"error":{"code","message","details"}}`; 5xx only for our own faults. ' +
      'Learner routes identify the learner by an anonymous cookie; instructor routes need `Authorization: Bearer <token>`. ' +
      'On every path, a request that changes something and comes from another site is a 403 `cross_site`, and a body over its route’s limit a 413 `too_large`.',
  },
} as const;

/** The security scheme that instructor routes name (`security: [{ instructorToken: [] }]`). */
export const instructorToken = {
  type: 'http',
  scheme: 'bearer',
  description: 'The instructor token (INSTRUCTOR_TOKEN). Wrong tokens count against a per-client limit (429).',
} as const;

/** A route's path as the document names it: the mount and the route's own path, no trailing slash. */
export const documentPath = (mount: string, path: string) => `${API_BASE}${mount}${path}`.replace(/(.)\/$/, '$1');

/**
 * The document with every `pattern` as JSON Schema writes it. @asteasolutions/zod-to-openapi 9.1 writes a
 * regex with flags as `source/flags` (`^\p{Lu}…$/u`), which matches nothing. A regex's source never has an
 * unescaped "/", so a trailing `/u` is always that slip; `u` is what JSON Schema patterns are anyway. Any other
 * flag cannot be said in JSON Schema, so it fails loudly here instead of in a validator.
 */
export function repairPatterns<T>(document: T): T {
  return JSON.parse(JSON.stringify(document), (key, value: unknown) => {
    if (key !== 'pattern' || typeof value !== 'string') return value;
    const flags = /(?<!\\)\/([a-z]+)$/.exec(value)?.[1];
    if (flags === undefined) return value;
    if (flags !== 'u') throw new Error(`The pattern ${value} has flags JSON Schema cannot express: ${flags}`);
    return value.slice(0, -2);
  }) as T;
}

/** The OpenAPI 3.1 document of the contract. */
export function contractDocument() {
  const app = new OpenAPIHono();
  app.openAPIRegistry.registerComponent('securitySchemes', 'instructorToken', instructorToken);
  for (const [mount, routes] of apiContract)
    for (const route of Object.values(routes)) app.openAPIRegistry.registerPath({ ...route, path: documentPath(mount, route.path) });
  return repairPatterns(app.getOpenAPI31Document(documentConfig));
}
