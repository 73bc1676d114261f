import { Hono } from 'hono';
import { languageDetector } from 'hono/language';
import { uiLanguages } from './content.ts';
import type { AppEnv } from './env.ts';
import { errorBody } from './errors.ts';
import { handleError, LANG_COOKIE } from './error-handler.tsx';
import { bodyLimits } from './middleware/body-limit.ts';
import { sameOrigin } from './middleware/same-origin.ts';
import { security } from './middleware/security.ts';
import { lessonsApi } from './routes/lessons-api.ts';
import { quizzesApi } from './routes/quizzes-api.ts';
import { progressApi } from './routes/progress-api.ts';
import { setsApi } from './routes/sets-api.ts';
import { resultsApi } from './routes/results-api.ts';
import { reviewApi } from './routes/review-api.ts';
import { pages, renderNotFound } from './routes/pages.tsx';

export { SetRegistry } from './objects/set-registry.ts';
export { ResultsLedger } from './objects/results-ledger.ts';
export { SigninGuard } from './objects/signin-guard.ts';

const api = new Hono<AppEnv>()
  .get('/health', (c) => c.json({ status: 'ok' }))
  .route('/lessons', lessonsApi)
  .route('/quizzes', quizzesApi)
  .route('/progress', progressApi)
  .route('/question-sets', setsApi)
  .route('/results', resultsApi)
  .route('/review', reviewApi)
  // Anything else below /api is a JSON 404, whatever the method, before the pages can see it.
  .all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`), 404));

const app = new Hono<AppEnv>();

app.use(security());
// Before any route: a cross-site post is refused, and a body over its route's limit is refused, before
// anything is read, stored or set (no cookie). Same-origin first, so a forged post never costs a body read.
app.use(sameOrigin());
app.use(bodyLimits());

// `/` picks the UI language: the remembered cookie, then Accept-Language, then English.
app.get(
  '/',
  languageDetector({
    order: ['cookie', 'header'],
    lookupCookie: LANG_COOKIE,
    supportedLanguages: [...uiLanguages],
    fallbackLanguage: 'en',
    caches: false,
  }),
  (c) => {
    c.header('Vary', 'Accept-Language, Cookie');
    return c.redirect(`/${c.get('language')}/`, 302);
  },
);

app.route('/api', api);
app.route('/', pages);

app.notFound((c) => renderNotFound(c));

app.onError(handleError);

/** Every route of the app (method, path as registered): the security tests walk them all. */
export const routes = app.routes.map(({ method, path }) => ({ method, path }));

/**
 * With BENCH_TIMING=1 (only `npm run bench` sets it), every response says how long the worker spent on it,
 * measured inside workerd, where timers advance locally: `app` is the wall time of the handler and `io` the
 * time spent waiting on KV and Durable Objects, so `app − io` is the worker's own time. Off everywhere else.
 */
function timed<T extends object>(binding: T, spent: { ms: number }): T {
  return new Proxy(binding, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const start = performance.now();
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        // A Durable Object namespace hands out stubs: their calls are waits too.
        if (!(out instanceof Promise)) return out && typeof out === 'object' ? timed(out, spent) : out;
        return out.finally(() => (spent.ms += performance.now() - start));
      };
    },
  });
}

export default {
  async fetch(request, env, ctx) {
    if (env.BENCH_TIMING !== '1') return app.fetch(request, env, ctx);
    const spent = { ms: 0 };
    const start = performance.now();
    const io = {
      PROGRESS: timed(env.PROGRESS, spent),
      SETS: timed(env.SETS, spent),
      RESULTS: timed(env.RESULTS, spent),
      SET_REGISTRY: timed(env.SET_REGISTRY, spent),
      SIGNIN_GUARD: timed(env.SIGNIN_GUARD, spent),
    };
    const res = await app.fetch(request, { ...env, ...io }, ctx);
    const out = new Response(res.body, res);
    out.headers.set('Server-Timing', `app;dur=${(performance.now() - start).toFixed(3)}, io;dur=${spent.ms.toFixed(3)}`);
    return out;
  },
} satisfies ExportedHandler<Env & { BENCH_TIMING?: string }>;
