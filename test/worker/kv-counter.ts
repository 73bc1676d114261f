import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import { clearPublishedCaches } from '../../worker/stores/set-store-published.ts';

export type KvOp = 'get' | 'getWithMetadata' | 'put' | 'list' | 'delete';

/** Wraps a KV binding and counts every operation on it: the KV budgets are counts, so they can be tests. */
export function countingKv(kv: KVNamespace, name: string, ops: string[]) {
  return new Proxy(kv, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        ops.push(`${name}.${String(prop)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;

/**
 * Sends a request to the app with counting KV bindings; returns the response and the KV operations it made
 * (e.g. `PROGRESS.put`, `SETS.get`). The set store's isolate cache is cleared first unless `warm` is set,
 * so counts are those of a cold isolate (the worst case).
 */
export async function fetchCounting(path: string, init?: RequestInit, opts: { warm?: boolean } = {}) {
  if (!opts.warm) clearPublishedCaches();
  const ops: string[] = [];
  const wrapped = { ...env, PROGRESS: countingKv(env.PROGRESS, 'PROGRESS', ops), SETS: countingKv(env.SETS, 'SETS', ops) };
  const res = await worker.fetch(new Request(`http://127.0.0.1${path}`, init) as Parameters<typeof worker.fetch>[0], wrapped, ctx);
  return { res, ops };
}
