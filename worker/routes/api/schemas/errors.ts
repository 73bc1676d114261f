// The one error shape of the API, `{"error":{"code","message","details"}}` (worker/http/errors.ts), as a response
// schema per status: each status lists the codes the app answers with it, so a new code or a status a route
// does not document fails the contract test instead of slipping by.
import { z } from 'zod';
import type { ErrorDetail as ErrorDetailType, errorBody } from '../../../http/errors.ts';
import type { Same } from './same-type.ts';

/** Where a problem is (a JSON path, or a line and column of an imported file) and what it is. */
export const ErrorDetail = z
  .object({
    path: z.string().optional().meta({ description: 'A JSON path such as `questions[0].choices`, or `lang` for a parameter.' }),
    line: z.number().int().optional().meta({ description: '1-based line of an imported file (GIFT, Cloze, JSON).' }),
    column: z.number().int().optional(),
    message: z.string(),
  })
  .strict()
  .meta({ id: 'ErrorDetail' });
true satisfies Same<z.infer<typeof ErrorDetail>, ErrorDetailType>;

/** The codes each client-error status carries (worker/http/error-handler.tsx: ApiError, ResponseError, HTTPException). */
export const ERROR_CODES = {
  /** A query string or URL that does not fit, or JSON that does not parse (Hono's validator: `bad_request`). */
  400: ['invalid_request', 'bad_request'],
  401: ['unauthorized'],
  /** A state-changing request sent from another site (the same-origin check); `/check` on a test (no solution before hand-in). */
  403: ['cross_site', 'test_not_checkable'],
  404: ['not_found'],
  /** A retried submit whose first is still being stored (with Retry-After). */
  409: ['idempotency_conflict', 'nothing_to_answer'],
  413: ['too_large'],
  415: ['unsupported_media_type'],
  /** A body that parses but does not fit; a response that does not fit its question; a set with problems. */
  422: ['invalid_request', 'invalid_response', 'invalid_set', 'idempotency_key_reused'],
  429: ['too_many_attempts'],
  /** Our own fault: logged, and answered with nothing about it. */
  500: ['internal'],
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;

const DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'The URL or query string is not valid, or the JSON body does not parse.',
  401: 'The instructor token is missing or wrong (`Authorization: Bearer <token>`).',
  403: 'The request was sent from another site (changes are accepted only from pages of this site), or it asks for a solution of a test before it is handed in.',
  404: 'Nothing with that id.',
  409: 'A submit with this Idempotency-Key is still being stored (send it again after Retry-After), or the set has no questions to answer.',
  413: 'The request body is too large.',
  415: 'The body is in a media type this route does not read.',
  422: 'The body parses but does not fit: every problem is listed in `details`.',
  429: 'Too many failed sign-in attempts from this client; wait a minute.',
  500: 'Something went wrong on our side.',
};

/** The error body of one status: `details` is always there (empty when there is nothing to point at). */
const errorSchema = <S extends ErrorStatus>(status: S) =>
  z
    .object({
      error: z
        .object({
          code: z.enum(ERROR_CODES[status]),
          message: z.string().meta({ description: 'What went wrong, in English, for a developer.' }),
          details: z.array(ErrorDetail),
        })
        .strict(),
    })
    .strict()
    .meta({ id: `Error${status}`, description: DESCRIPTIONS[status] });

/** Error body schemas by status, registered once (schema ids are global). */
export const ErrorBodies = Object.fromEntries(
  Object.keys(ERROR_CODES).map((s) => [s, errorSchema(Number(s) as ErrorStatus)]),
) as unknown as { [S in ErrorStatus]: ReturnType<typeof errorSchema<S>> };

true satisfies Same<
  z.infer<(typeof ErrorBodies)[404]>['error'],
  Omit<ReturnType<typeof errorBody>['error'], 'code'> & { code: 'not_found' }
>;

/**
 * The `responses` entries of a route for the error statuses it can answer, each with its JSON schema; 500
 * is added to every route (our own fault can happen anywhere, and it keeps the error shape).
 * @example responses: { 200: ok(LessonBody, 'The lesson'), ...errors(400, 404) }
 */
export function errors<const S extends Exclude<ErrorStatus, 500>>(...statuses: S[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: z.ZodType } } }> = {};
  for (const s of [...statuses, 500 as const])
    out[s] = { description: DESCRIPTIONS[s], content: { 'application/json': { schema: ErrorBodies[s] } } };
  return out as { [K in S | 500]: { description: string; content: { 'application/json': { schema: (typeof ErrorBodies)[K] } } } };
}
