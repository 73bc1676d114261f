// The base of every /api sub-app: `OpenAPIHono`, so that each route is defined once, with `createRoute`
// from ./schemas/, and the same definition validates the request, types the handler and writes the document.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env, Schema } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { validate, validationHook } from '../../http/validate.ts';

/**
 * An OpenAPIHono whose routes document their bodies but never let `@hono/zod-openapi` gate them: its
 * media-type check answers a form-encoded body (or one without a Content-Type) to a JSON route with 415,
 * where our routes answer 422 (the JSON validator sees no JSON). So a documented body is left out of the route it runs, and a JSON-only body is validated by our own validator, as before; a body with
 * several media types (a set: JSON or GIFT text) is read by the handler. The document still has every body.
 * Query, path and header parameters are validated by `@hono/zod-openapi` with our hook (same errors).
 */
export class JsonApi<E extends Env = AppEnv, S extends Schema = {}, B extends string = '/'> extends OpenAPIHono<E, S, B> {
  constructor() {
    super({ defaultHook: validationHook });
    const register = this.openapi;
    this.openapi = ((route, handler, hook) => {
      const body = route.request?.body;
      if (!body) return register(route, handler, hook);
      const { middleware, hide, ...documented } = route;
      if (!hide) this.openAPIRegistry.registerPath(documented);
      const types = Object.keys(body.content);
      const media = types.length === 1 ? body.content['application/json'] : undefined;
      const json = media && 'schema' in media ? (media.schema as z.ZodType) : undefined;
      const own = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
      const { body: _documented, ...request } = route.request!;
      return register({ ...route, hide: true, request, middleware: json ? [...own, validate('json', json)] : own }, handler, hook);
    }) as typeof this.openapi;
  }
}

/**
 * A response that a service shared with the pages makes (a download: a set's export, a CSV report), given as
 * the route's typed answer. Its body and media type are ones the route documents, and the contract check on
 * every route test's answer holds it to that; but the service types it as a plain Response, or without its
 * status, which the typed handler of `@hono/zod-openapi` cannot take.
 */
export const documented = <T>(res: Response): T => res as unknown as T;
