import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One detail of a client error: where (a JSON path or line:column) and what. */
export interface ErrorDetail {
  path?: string;
  line?: number;
  column?: number;
  message: string;
}

/**
 * The one error type that domain, store and route code throw for client mistakes; `app.onError`
 * turns it into `{"error":{"code","message","details"}}` with its status.
 */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(status: ContentfulStatusCode, code: string, message: string, details: ErrorDetail[] = []) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

export const errorBody = (code: string, message: string, details: ErrorDetail[] = []) => ({
  error: { code, message, details },
});

export const notFound = (what: string, id: string) => new ApiError(404, 'not_found', `No ${what} with the id "${id}".`);
