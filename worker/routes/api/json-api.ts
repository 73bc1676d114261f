// The base of every /api sub-app: `OpenAPIHono`, so that each route is defined once, with `createRoute`
// from ./schemas/, and the same definition validates the request, types the handler and writes the document.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Env, Schema } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { isDocumentationOnly, validate, validationHook } from '../../http/validate.ts';

/**
 * An OpenAPIHono whose routes are documented by `@hono/zod-openapi` but validated by our own validators
 * (`validate`: the same zod schemas, our error shape, a schema's quick path first), in the order they always
 * ran: a JSON body, then query, path and headers.
 *
 * A documented body is never gated by `@hono/zod-openapi`: its media-type check answers a form-encoded body
 * (or one without a Content-Type) to a JSON route with 415, where our routes answer 422 (the JSON validator
 * sees no JSON). So a JSON-only body is validated by our own validator, as before; a body with several media
 * types (a set: JSON or GIFT text) is read by the handler. A header schema that is documentation only (the
 * route checks the header itself) runs no validator. The document still has every part of every request.
 */
export class JsonApi<E extends Env = AppEnv, S extends Schema = {}, B extends string = '/'> extends OpenAPIHono<E, S, B> {
  constructor() {
    super({ defaultHook: validationHook });
    const register = this.openapi;
    this.openapi = ((route, handler, hook) => {
      // Our validators answer every misfit with `validationHook`'s error; a route's own hook would be ignored.
      if (hook) throw new Error(`${route.method} ${route.path}: JsonApi routes take no validation hook`);
      const { middleware, hide, ...documented } = route;
      if (!hide) this.openAPIRegistry.registerPath(documented);
      const { query, params, headers, body, ...rest } = route.request ?? {};
      const validators = [];
      const types = body ? Object.keys(body.content) : [];
      const media = types.length === 1 ? body!.content['application/json'] : undefined;
      if (media && 'schema' in media) validators.push(validate('json', media.schema as z.ZodType));
      if (query) validators.push(validate('query', query));
      if (params) validators.push(validate('param', params));
      if (headers && !isDocumentationOnly(headers as z.ZodType)) validators.push(validate('header', headers as z.ZodType));
      const own = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
      return register({ ...route, hide: true, request: rest, middleware: [...own, ...validators] }, handler, hook);
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
