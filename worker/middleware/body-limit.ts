import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.ts';

/** Quiz API bodies (a check, an attempt) are small. */
export const QUIZ_BODY_BYTES = 32 * 1024;
/** Plain form posts of the pages: a whole final test, an instructor's pasted set. */
export const FORM_BODY_BYTES = 300 * 1024;

/**
 * The one body limit of the app: a larger body is refused before it is read, as a 413 ApiError that the
 * error handler answers in the form the client asked for (JSON for the API, an HTML page for pages).
 */
export const limitBody = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'too_large', `The request body is larger than ${Math.round(maxBytes / 1024)} KiB.`);
    },
  });
