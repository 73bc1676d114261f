import { zValidator } from '@hono/zod-validator';
import type { z } from 'zod';
import { formatPath } from '../../core/content/load.ts';
import { ApiError } from './errors.ts';

type Target = 'json' | 'query' | 'param';

/**
 * `@hono/zod-validator` with our error shape: a request that does not fit the schema is a 400 (422 for a
 * JSON body that parses but is not what we expect) that names every problem by its path.
 */
export const validate = <T extends z.ZodType, K extends Target>(target: K, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
      const where = target === 'json' ? 'request body' : target === 'query' ? 'query string' : 'URL';
      throw new ApiError(
        target === 'json' ? 422 : 400,
        'invalid_request',
        `The ${where} is not valid: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`,
        details,
      );
    }
  });

export const query = <T extends z.ZodType>(schema: T) => validate('query', schema);
