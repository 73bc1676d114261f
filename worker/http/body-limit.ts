import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../core/sets/limits.ts';
import { ApiError } from './errors.ts';
import { routeKey } from './route-key.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Every route that is not in the table below: a check, a review answer, a sign-in, a settings form. */
export const DEFAULT_BODY_BYTES = 32 * KiB;
/**
 * A whole attempt posted as a page's form: up to 100 responses, an essay may be 10,000 characters, and the
 * browser percent-encodes them. (The JSON API's attempts keep the default, as they always had.)
 */
export const ATTEMPT_BODY_BYTES = 256 * KiB;
/** An instructor's set file, as sent to the API: the schema's one limit (room for 20,000-character passages and 50-pair matches). */
export const SET_BODY_BYTES = LIMITS.bodyBytes;
/**
 * The same set pasted into the editor form: percent-encoding may triple each byte (ä is %C3%A4), plus the other
 * fields; or a Moodle XML file uploaded with its media (multipart, not encoded) beside the checked text.
 */
export const EDITOR_FORM_BYTES = Math.max(3 * SET_BODY_BYTES, 2 * LIMITS.moodleXmlBytes) + 64 * KiB;

/**
 * The routes allowed more than the default, as `"METHOD /route/path"` exactly as registered (a test checks
 * each against `app.routes`, so a renamed route cannot silently fall back to the default).
 */
export const LARGER_BODIES: Readonly<Record<string, number>> = {
  'POST /:lang/lessons/:lessonId/quiz/results': ATTEMPT_BODY_BYTES,
  'POST /:lang/sets/:setId/results': ATTEMPT_BODY_BYTES,
  'POST /:lang/test': ATTEMPT_BODY_BYTES,
  // Moodle XML carries its media as base64: these routes take its limit; a GIFT, Cloze or JSON body is held to
  // SET_BODY_BYTES when the set is read (worker/services/sets.ts: a 422 that states the limit).
  'POST /api/question-sets': LIMITS.moodleXmlBytes,
  'PUT /api/question-sets/:setId': LIMITS.moodleXmlBytes,
  'POST /:lang/instructor/sets': EDITOR_FORM_BYTES,
  'POST /:lang/instructor/sets/:setId': EDITOR_FORM_BYTES,
};

/** The lowest limit of any route: a body no longer than this is within every route's. */
const SMALLEST_LIMIT = Math.min(DEFAULT_BODY_BYTES, ...Object.values(LARGER_BODIES));

const size = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${Math.round(bytes / KiB)} KiB`);

/**
 * The one body limit of the app (hono's `bodyLimit`): a larger body is refused before it is read, as a 413
 * ApiError that states the limit and that the error handler answers in the form the client asked for (JSON
 * for the API, an HTML page for pages). A body without Content-Length (chunked) is counted as it streams in.
 */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'too_large', `The request body is larger than ${size(maxBytes)}, the limit of this route.`, [
        { message: `at most ${maxBytes} bytes` },
      ]);
    },
  });

const limiters = new Map<number, MiddlewareHandler>();
const limiterOf = (bytes: number) => {
  let limiter = limiters.get(bytes);
  if (!limiter) limiters.set(bytes, (limiter = limitBody(bytes)));
  return limiter;
};

/**
 * Global middleware: every request's body is limited, to the default or to its route's entry in
 * `LARGER_BODIES`, so a new route that reads a body is limited without remembering to ask.
 */
export const bodyLimits = (): MiddlewareHandler => async (c, next) => {
  // No body (every GET, most HEADs and DELETEs), nothing to limit: hono's limiter would pass it on too, but
  // only after this looked up its route among the matched handlers.
  if (!c.req.raw.body) return next();
  // A declared length within every route's limit passes whatever the route (hono's limiter trusts a
  // Content-Length without Transfer-Encoding too); only a larger or streamed body needs its route's limit.
  const headers = c.req.raw.headers;
  const length = headers.get('content-length');
  if (length !== null && parseInt(length, 10) <= SMALLEST_LIMIT && !headers.has('transfer-encoding')) return next();
  const key = routeKey(c);
  return limiterOf((key && LARGER_BODIES[key]) || DEFAULT_BODY_BYTES)(c, next);
};
