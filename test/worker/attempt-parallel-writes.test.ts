import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { attemptInit, cookieOf, learnerIn, resultsWith, rowsIn, send } from './attempt-helpers.ts';

// Without an idempotency key nothing needs the ledger's answer before the KV write, so the two durable writes
// run side by side (worker/services/progress.ts); with a key the KV write waits for the ledger, which says
// whether the submit is a retry. Both are awaited before the answer either way (docs/decisions/0008).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bindings of one submit, logging when the learner's KV write starts and when the ledger's record ends. */
function watched(opts: { failKv?: boolean } = {}) {
  const events: string[] = [];
  let kvStarted!: () => void;
  const kvSeen = new Promise<void>((r) => (kvStarted = r));
  const PROGRESS = new Proxy(env.PROGRESS, {
    get(target, prop) {
      if (prop !== 'put') return Reflect.get(target, prop, target).bind(target);
      return async (key: string, ...rest: unknown[]) => {
        if (key.startsWith('learner:')) {
          events.push('kv:start');
          kvStarted();
          if (opts.failKv) throw new Error('KV unavailable');
        }
        return (target.put as (...a: unknown[]) => Promise<void>)(key, ...rest);
      };
    },
  });
  // The ledger holds its answer until the KV write has started, or 1.5 s: a KV write that waits for the
  // ledger starts only after `ledger:done`.
  const RESULTS = resultsWith({
    record: async (real, row) => {
      await Promise.race([kvSeen, sleep(1_500)]);
      const out = await real.record(row);
      events.push('ledger:done');
      return out;
    },
  });
  return { events, over: { PROGRESS, RESULTS } as Partial<Env> };
}

describe('POST /api/quizzes/:id/attempts: the two durable writes', () => {
  it('without a key, writes KV while the ledger is still working, and answers after both', async () => {
    const { events, over } = watched();
    const { res } = await send('/api/quizzes/sustainability/attempts', attemptInit(), over);
    expect(res.status).toBe(201);
    expect(events).toEqual(['kv:start', 'ledger:done']);
    const { attemptId } = (await res.json()) as { attemptId: string };
    const cookie = cookieOf(res)!;
    expect((await rowsIn('sustainability', cookie)).map((r) => r.attemptId)).toEqual([attemptId]);
    expect(await env.PROGRESS.get(`learner:${learnerIn(cookie)}:attempt:${attemptId}`)).not.toBeNull();
  });

  it('with a key, writes KV only after the ledger has answered', async () => {
    const { events, over } = watched();
    const { res } = await send('/api/quizzes/sustainability/attempts', attemptInit({ key: 'parallel-key-0123456789' }), over);
    expect(res.status).toBe(201);
    expect(events).toEqual(['ledger:done', 'kv:start']);
  });

  it('without a key, answers a failed KV write only once the ledger has finished too', async () => {
    const { res: first } = await send('/api/quizzes/sustainability/attempts', attemptInit());
    const cookie = cookieOf(first)!;
    const before = (await rowsIn('sustainability', cookie)).length;
    const { events, over } = watched({ failKv: true });
    const { res } = await send('/api/quizzes/sustainability/attempts', attemptInit({ cookie }), over);
    expect(res.status).toBe(500);
    expect(events).toEqual(['kv:start', 'ledger:done']);
    expect((await rowsIn('sustainability', cookie)).length).toBe(before + 1);
  });
});
