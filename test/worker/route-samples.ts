// Shared by the cross-site and body-limit tests: every state-changing route of the app, taken from the
// Hono app's own route list, so a route added tomorrow is tested without anyone remembering to list it.
import { routes } from '../../worker/index.ts';
import { request } from './helpers.ts';

export interface SampleRoute {
  /** `"POST /api/question-sets/:setId/publish"`, as the middleware tables name routes. */
  key: string;
  method: string;
  /** A concrete path for the route. */
  path: string;
  api: boolean;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

// A value for every route parameter; a route with a new parameter fails loudly here until one is added.
const PARAMS: Record<string, string> = { lang: 'en', quizId: 'china', lessonId: 'china', setId: 's-nothere1', cardId: 'nocard' };

const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    const value = PARAMS[name];
    if (!value) throw new Error(`route-samples.ts: no sample value for :${name} in ${path}`);
    return value;
  });

/** Every POST/PUT/PATCH/DELETE route of the app, once each (ALL entries are middleware or catch-alls). */
export const stateChangingRoutes: SampleRoute[] = [
  ...new Set(routes.filter((r) => r.method !== 'ALL' && !SAFE.has(r.method)).map((r) => `${r.method} ${r.path}`)),
].map((key) => {
  const [method, path] = key.split(' ') as [string, string];
  return { key, method, path: concrete(path), api: path.startsWith('/api/') };
});

/** Every route key of the app, for checking that a middleware table names only real routes. */
export const routeKeys = new Set(routes.map((r) => `${r.method} ${r.path}`));

/** The content type a client of the route would send: JSON for the API, a plain form for pages. */
export const contentType = (route: SampleRoute) => (route.api ? 'application/json' : 'application/x-www-form-urlencoded');

/** A body of exactly `bytes` bytes that arrives in chunks with no Content-Length, as a streamed upload does. */
export function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('a'.repeat(16 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const n = Math.min(chunk.length, bytes - sent);
      controller.enqueue(chunk.slice(0, n));
      sent += n;
    },
  });
}

/** Adds a lesson's words to the review as the learner with `cookie` (or a new learner): one stored event. */
export const addToReview = (lesson: string, headers: Record<string, string> = {}) =>
  request('/api/review/cards', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ lesson }),
  });

/** A new learner made the ordinary way (a same-origin write); returns its `learner` cookie value. */
export async function newLearner(): Promise<string> {
  const res = await addToReview('china', { 'sec-fetch-site': 'same-origin' });
  const cookie = /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 201 || !cookie) throw new Error(`newLearner: ${res.status} ${await res.text()}`);
  return cookie;
}

/** How many things the learner has stored (attempts and review events, through the export the learner sees). */
export async function storedCount(cookie: string): Promise<number> {
  const res = await request('/api/progress/export', { headers: { cookie: `learner=${cookie}` } });
  const body = (await res.json()) as { attempts: unknown[]; review: { events: unknown[] } };
  return body.attempts.length + body.review.events.length;
}
