import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { attemptInit, cookieOf, exportedAttempts, ledgerOf, rowsIn, send } from './attempt-helpers.ts';

// A retried submit (network retry, reload, double click) is stored once, in KV and in the ledger, and
// answered like the first (docs/decisions/0008-durable-attempts.md).

const KEY = 'retry-key-0123456789abcdef';
const yes = { 'alliance-4': { value: true } };
const no = { 'alliance-4': { value: false } };

async function learner(): Promise<string> {
  const { res } = await send('/api/quizzes/alliance/attempts', attemptInit());
  expect(res.status).toBe(201);
  return cookieOf(res)!;
}

const submit = (cookie: string, opts: { key?: string; responses?: Record<string, unknown> } = {}) =>
  send('/api/quizzes/alliance/attempts', attemptInit({ cookie, ...opts })).then(({ res }) => res);

describe('POST /api/quizzes/:id/attempts with an Idempotency-Key', () => {
  it('stores a retry once and answers it like the first; without a key every submit is new', async () => {
    const cookie = await learner();
    const before = await ledgerOf('alliance').count();
    const first = await submit(cookie, { key: KEY, responses: yes });
    const again = await submit(cookie, { key: `"${KEY}"`, responses: yes }); // the IETF draft's quoted form
    expect([first.status, again.status]).toEqual([201, 201]);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as Array<{ attemptId: string; stored: unknown }>;
    expect(b).toEqual(a);
    expect(await ledgerOf('alliance').count()).toBe(before + 1);
    expect((await exportedAttempts(cookie)).filter((x) => x.id === a!.attemptId)).toHaveLength(1);
    expect(await exportedAttempts(cookie)).toHaveLength(2);

    // Without a key: two submits, two attempts (as before keys existed).
    await submit(cookie, { responses: yes });
    await submit(cookie, { responses: yes });
    expect(await exportedAttempts(cookie)).toHaveLength(4);
    expect(await ledgerOf('alliance').count()).toBe(before + 3);
  });

  it('stores 10 concurrent submits with one key as one KV attempt and one ledger row, with one attempt id', async () => {
    const cookie = await learner();
    const before = await ledgerOf('alliance').count();
    const all = await Promise.all(Array.from({ length: 10 }, () => submit(cookie, { key: 'concurrent-key-0123456789', responses: no })));
    expect(all.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(await Promise.all(all.map(async (r) => ((await r.json()) as { attemptId: string }).attemptId)));
    expect(ids.size).toBe(1);
    expect(await ledgerOf('alliance').count()).toBe(before + 1);
    const attempts = await exportedAttempts(cookie);
    expect(attempts.filter((x) => ids.has(x.id))).toHaveLength(1);
    expect((await rowsIn('alliance', cookie)).filter((r) => ids.has(r.attemptId))).toHaveLength(1);
  });

  it('keeps keys per learner: the same key from another learner is another attempt', async () => {
    const [a, b] = [await learner(), await learner()];
    const before = await ledgerOf('alliance').count();
    const ra = (await (await submit(a, { key: KEY })).json()) as { attemptId: string };
    const rb = (await (await submit(b, { key: KEY })).json()) as { attemptId: string };
    expect(ra.attemptId).not.toBe(rb.attemptId);
    expect(await ledgerOf('alliance').count()).toBe(before + 2);
    // And the same learner's retry is still one attempt.
    await submit(a, { key: KEY });
    expect(await ledgerOf('alliance').count()).toBe(before + 2);
  });

  it('refuses the same key with other responses (422) and changes nothing', async () => {
    const cookie = await learner();
    await submit(cookie, { key: 'changed-mind-key-0123456', responses: yes });
    const before = await ledgerOf('alliance').count();
    const res = await submit(cookie, { key: 'changed-mind-key-0123456', responses: no });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
    expect(await ledgerOf('alliance').count()).toBe(before);
    const stored = (await exportedAttempts(cookie)) as unknown as Array<{ questions: Array<{ id: string; response: unknown }> }>;
    expect(stored.flatMap((a) => a.questions.filter((q) => q.id === 'alliance-4').map((q) => q.response))).toEqual([null, { value: true }]);
  });

  it('answers a malformed key with a 400 in JSON and stores nothing', async () => {
    const cookie = await learner();
    const before = await ledgerOf('alliance').count();
    for (const key of ['short', 'has spaces in it 0123456', 'x'.repeat(65), `${KEY}, ${KEY}`, 'semi;colon;key;0123456789']) {
      const res = await submit(cookie, { key });
      expect(res.status, key).toBe(400);
      expect(((await res.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path, key).toBe('Idempotency-Key');
    }
    expect(await ledgerOf('alliance').count()).toBe(before);
    expect(await exportedAttempts(cookie)).toHaveLength(1);
  });
});

/** The learners' KV with every write refused (as KV does past one write a second to a key); reads still work. */
const refusingWrites = new Proxy(env.PROGRESS, {
  get(target, prop) {
    if (prop === 'put') return () => Promise.reject(new Error('KV: too many writes to this key'));
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});

describe('POST /api/quizzes/:id/attempts when KV refuses the write', () => {
  it('answers a retry whose first submit is still being stored with 409 and Retry-After, and stores it once', async () => {
    const cookie = await learner();
    const key = 'kv-busy-key-0123456789ab';
    const first = await submit(cookie, { key, responses: yes });
    expect(first.status).toBe(201);
    const { attemptId } = (await first.json()) as { attemptId: string };
    const { res } = await send('/api/quizzes/alliance/attempts', attemptInit({ cookie, key, responses: yes }), {
      PROGRESS: refusingWrites,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('idempotency_conflict');
    expect((await exportedAttempts(cookie)).filter((a) => a.id === attemptId)).toHaveLength(1);
  });

  it('completes a first submit that failed after the ledger: its retry stores the same attempt once, in KV and the ledger', async () => {
    const cookie = await learner();
    const key = 'kv-down-key-0123456789ab';
    const failed = await send('/api/quizzes/alliance/attempts', attemptInit({ cookie, key, responses: no }), { PROGRESS: refusingWrites });
    expect(failed.res.status).toBe(500);
    const retry = await submit(cookie, { key, responses: no });
    expect(retry.status).toBe(201);
    const { attemptId } = (await retry.json()) as { attemptId: string };
    expect((await exportedAttempts(cookie)).filter((a) => a.id === attemptId)).toHaveLength(1);
    expect((await rowsIn('alliance', cookie)).filter((r: { attemptId: string }) => r.attemptId === attemptId)).toHaveLength(1);
  });
});
