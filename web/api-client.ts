// The JSON API as the islands call it: Hono's typed client over the routes' own definitions, so a request
// or an answer that drifts from the contract is a compile error here, not a cast that lies.
import { hc } from 'hono/client';
// Type-only: erased from the browser bundle (the architecture test allows exactly this one web → worker edge).
import type { ApiType } from '../worker/routes/api/index.ts';

/** `/api` on this origin. */
export const api = hc<ApiType>('/api');
