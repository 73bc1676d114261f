// Server timing for `npm run bench` only: how long the worker spent on a request, measured inside workerd.
import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

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

/**
 * The app's fetch handler: as it is, or (with BENCH_TIMING=1) with a Server-Timing header on every response.
 */
export const timedFetch = (app: Hono<AppEnv>) =>
  ({
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
  }) satisfies ExportedHandler<Env & { BENCH_TIMING?: string }>;
