// The contract check: given a request to /api and the response the worker gave, is the response one the
// OpenAPI document promises? The operation is found by method and path template; the status must be one the
// operation lists (an unknown one is a failure, not a pass); the media type one it lists for that status;
// and a JSON body must validate against its schema (@cfworker/json-schema: no eval, so it runs in workerd).
import { Validator, type Schema } from '@cfworker/json-schema';

/** The parts of an OpenAPI 3.1 document the check reads. */
export interface ContractDocument {
  paths?: Record<string, object | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>;
}

interface Route {
  template: string;
  method: string;
  pattern: RegExp;
  /** Characters outside `{…}`: the most literal template wins (`/results/{quizId}.csv` over `/results/{quizId}`). */
  literal: number;
  operation: Operation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function routesOf(doc: ContractDocument): Route[] {
  return Object.entries(doc.paths ?? {}).flatMap(([template, item]) =>
    METHODS.filter((m) => item && m in item).map((method) => ({
      template,
      method: method.toUpperCase(),
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map(escape)
          .join('[^/]+')}$`,
      ),
      literal: template.replace(/\{[^}]+\}/g, '').length,
      operation: (item as Record<string, Operation>)[method]!,
    })),
  );
}

/** The operation for a method and path, or undefined; HEAD is answered by GET's operation. */
function find(routes: Route[], method: string, pathname: string): Route | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return routes.filter((r) => r.method === m && r.pattern.test(pathname)).sort((a, b) => b.literal - a.literal)[0];
}

/**
 * What an /api request no operation describes may get, by status: the API's JSON 404, a 405 where the path has
 * other methods (worker/routes/api/index.ts's catch-all, the progress routes' `all()`), or what the app's own
 * middleware answers before any route (a post from another site, a body over the default limit); always in
 * the error shape.
 */
const unroutedBody = (code: string): Schema => ({
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      additionalProperties: false,
      properties: { code: { const: code }, message: { type: 'string' }, details: { type: 'array' } },
    },
  },
});
const UNROUTED: Readonly<Record<number, Schema>> = {
  403: unroutedBody('cross_site'),
  404: unroutedBody('not_found'),
  405: unroutedBody('method_not_allowed'),
  413: unroutedBody('too_large'),
};

/** A response's status entry: the exact status, else its class (`4XX`), else `default`. */
const entryFor = (op: Operation, status: number) =>
  op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;

/**
 * A checker for one document. `check` answers the problems of one exchange (empty when the response keeps
 * the contract); it reads a clone of the response, so the caller can still read the body.
 * @example const problems = await contractChecker(doc).check(request, response); expect(problems).toEqual([]);
 */
export function contractChecker(doc: ContractDocument) {
  const routes = routesOf(doc);
  // OpenAPI's `#/components/schemas/X` as JSON Schema's own `#/$defs/X`, which the validator resolves.
  const $defs = JSON.parse(JSON.stringify(doc.components?.schemas ?? {}).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const validators = new Map<unknown, Validator>();
  const validatorOf = (schema: unknown) => {
    let v = validators.get(schema);
    if (!v) {
      const own = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"#/$defs/'));
      validators.set(schema, (v = new Validator({ ...own, $defs }, '2020-12', false)));
    }
    return v;
  };
  const validate = (schema: unknown, value: unknown, where: string) => {
    const { valid, errors } = validatorOf(schema).validate(value);
    if (valid) return [];
    // The deepest errors say what is wrong; the anyOf/oneOf wrappers above them only say that something is.
    const deepest = [...errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length).slice(0, 5);
    return [`${where}: the body does not fit its schema: ${deepest.map((e) => `${e.instanceLocation} ${e.error}`).join('; ')}`];
  };

  return {
    /** The path template of the operation for this method and path (`/api/lessons/{lessonId}`), if any. */
    templateOf(method: string, pathname: string): string | undefined {
      return find(routes, method, pathname)?.template;
    },

    async check(request: Request, response: Response): Promise<string[]> {
      const { pathname } = new URL(request.url);
      const where = `${request.method} ${pathname} → ${response.status}`;
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const text = request.method === 'HEAD' ? '' : await response.clone().text();
      const route = find(routes, request.method, pathname);
      if (!route) {
        const schema = UNROUTED[response.status];
        if (!schema) return [`${where}: no operation describes this request`];
        if (type !== 'application/json') return [`${where}: an undescribed request must get the JSON error, not ${type}`];
        return validate(schema, JSON.parse(text), where);
      }
      const entry = entryFor(route.operation, response.status);
      if (!entry) return [`${where}: ${response.status} is not a status of ${route.method} ${route.template}`];
      if (!entry.content) return text ? [`${where}: the status has no body in the document, but one came`] : [];
      const media = entry.content[type];
      if (!media) return [`${where}: ${type || 'no content type'} is not one of ${Object.keys(entry.content).join(', ')}`];
      if (request.method === 'HEAD' || media.schema === undefined) return [];
      if (type !== 'application/json' && !type.endsWith('+json')) return validate(media.schema, text, where);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return [`${where}: the body is not JSON`];
      }
      return validate(media.schema, body, where);
    },
  };
}
