import { zValidator } from '@hono/zod-validator';
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

/** `@hono/zod-validator` with our error shape (see `invalidRequest`). */
export const validate = <T extends z.ZodType, K extends Target>(target: K, schema: T) => zValidator(target, schema, validationHook);

export const query = <T extends z.ZodType>(schema: T) => validate('query', schema);
