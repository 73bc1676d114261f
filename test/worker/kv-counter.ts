import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';

export type KvOp = 'get' | 'getWithMetadata' | 'put' | 'list' | 'delete';

/** Wraps a KV binding and counts every operation on it: the KV budgets are counts, so they can be tests. */
export function countingKv(kv: KVNamespace) {
  const ops: KvOp[] = [];
  const wrapped = new Proxy(kv, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        ops.push(prop as KvOp);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { kv: wrapped, ops, count: (op?: KvOp) => (op ? ops.filter((o) => o === op).length : ops.length), reset: () => ops.splice(0) };
}

/** Sends a request to the app with a counting PROGRESS binding; returns the response and the KV ops it made. */
export async function fetchCounting(path: string, init?: RequestInit) {
  const counter = countingKv(env.PROGRESS);
  const res = await worker.fetch(new Request(`http://127.0.0.1${path}`, init), { ...env, PROGRESS: counter.kv });
  return { res, ops: counter.ops };
}
