import { zValidator } from '@hono/zod-validator';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { formatPath } from '../../core/content/load.ts';
import { ApiError } from './errors.ts';

type Target = 'json' | 'query' | 'param' | 'header';

/**
 * Our error for a request that does not fit its schema: a 400 for a query string or URL (422 for a JSON body
 * that parses but is not what we expect) that names every problem by its path.
 */
export function invalidRequest(target: string, issues: readonly z.core.$ZodIssue[]): ApiError {
  const details = issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const where = target === 'json' ? 'request body' : target === 'query' ? 'query string' : target === 'header' ? 'headers' : 'URL';
  return new ApiError(
    target === 'json' ? 422 : 400,
    'invalid_request',
    `The ${where} is not valid: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`,
    details,
  );
}

/**
 * The hook of every validator, ours and the ones `@hono/zod-openapi` adds for a route's parameters: throws
 * our error for a request that does not fit (the one error handler answers it), does nothing otherwise.
 */
export function validationHook(result: { target: string } & ({ success: true } | { success: false; error: z.core.$ZodError })): void {
  if (!result.success) throw invalidRequest(result.target, result.error.issues);
}

/** A check that answers a schema's output for the requests it recognises, and `undefined` for any other. */
export type QuickPath<T extends z.ZodType> = (value: unknown) => z.output<T> | undefined;

const quickPaths = new WeakMap<z.ZodType, QuickPath<z.ZodType>>();
const describedOnly = new WeakSet<z.ZodType>();

/**
 * Gives `schema` a plain-TypeScript path for the requests every learner sends (zod runs interpreted in
 * workerd, which forbids the `new Function` of its compiled parsers: 0.02–0.05 ms a schema). The quick path
 * must answer exactly zod's output or `undefined`; on `undefined` zod parses as before, so every refusal is
 * zod's own, word for word. test/unit/quick-paths.test.ts holds each quick path to its schema.
 */
export function withQuickPath<T extends z.ZodType>(schema: T, quick: QuickPath<T>): T {
  quickPaths.set(schema, quick as QuickPath<z.ZodType>);
  return schema;
}

/** The quick path of `schema`, if it has one (for its test). */
export const quickPathOf = <T extends z.ZodType>(schema: T) => quickPaths.get(schema) as QuickPath<T> | undefined;

/**
 * Marks a schema as documentation only: the route reads and checks what it describes itself (a header with its
 * own 400), so no validator runs for it. Only for schemas that accept every value their target can have.
 */
export function documentationOnly<T extends z.ZodType>(schema: T): T {
  describedOnly.add(schema);
  return schema;
}

export const isDocumentationOnly = (schema: z.ZodType) => describedOnly.has(schema);

const parse = (schema: z.ZodType, value: unknown) => {
  const quick = quickPaths.get(schema)?.(value);
  return quick === undefined ? schema.safeParseAsync(value) : { success: true as const, data: quick };
};

/**
 * A validator of `target` by `schema`, our error shape (see `invalidRequest`), a schema's quick path first.
 * hono's own `validator` reads the target (the JSON body, query, path) exactly as `@hono/zod-validator`
 * does, without that one's wrapper (an async hook call and a result object per request); headers keep it
 * for its case-insensitive names.
 */
export const validate = <T extends z.ZodType, K extends Target>(target: K, schema: T) =>
  target === 'header'
    ? zValidator(target, schema, validationHook, { validationFunction: parse as never })
    : validator(target, (value) => {
        const quick = quickPaths.get(schema)?.(value);
        if (quick !== undefined) return quick;
        return schema.safeParseAsync(value).then((result) => {
          if (!result.success) throw invalidRequest(target, result.error.issues);
          return result.data;
        });
      });
