import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { attemptCounts, ledgerReport, learnerKey, recordResult, type LedgerEntry } from '../../worker/stores/results-store.ts';
import { fetchCounting } from './kv-counter.ts';

const TOKEN = 'test-instructor-token-0123456789';

/** A context that keeps what was handed to waitUntil, so a test can wait for the catch-up. */
function testCtx() {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (p: Promise<unknown>) => pending.push(p),
    passThroughOnException() {},
    props: {},
  } as unknown as ExecutionContext;
  return { ctx, settle: () => Promise.all(pending) };
}

let n = 0;
const entry = (quizId: string, learnerId: string, scores: number[], over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  quizId,
  kind: 'set',
  version: '1.abc',
  attemptId: `att-${++n}-${Math.random().toString(36).slice(2, 8)}`,
  learnerId,
  createdAt: new Date(Date.now() + n).toISOString(),
  lang: 'de',
  questions: scores.map((score, i) => ({ id: `q${i + 1}`, type: 'truefalse', score, response: { value: score === 1 } })),
  ...over,
});

/** An env whose ledger RPC throws the first `failures` times (then reaches the real ledger). */
function flakyEnv(failures: number) {
  let left = failures;
  const calls = { record: 0 };
  const RESULTS = {
    idFromName: (name: string) => env.RESULTS.idFromName(name),
    get: (id: DurableObjectId) => ({
      record: async (row: unknown) => {
        calls.record++;
        if (left-- > 0) throw new Error('ledger unavailable');
        return env.RESULTS.get(id).record(row as never);
      },
    }),
  };
  return { env: { ...env, RESULTS } as unknown as Env, calls };
}

describe('results ledger: recordResult', () => {
  it('has the attempt in the ledger when it resolves, and counts first and all attempts per learner', async () => {
    const quiz = 's-ledger01';
    const { ctx } = testCtx();
    await recordResult(env, ctx, entry(quiz, 'learner-a', [1, 0]));
    await recordResult(env, ctx, entry(quiz, 'learner-a', [1, 1]));
    await recordResult(env, ctx, entry(quiz, 'learner-b', [0, 0]));
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(3);
    expect((await ledgerReport(env, quiz, 'all')).attempts).toBe(3);
    const first = await ledgerReport(env, quiz, 'first');
    expect(first.attempts).toBe(2);
    // learner a's first attempt (1, 0) and learner b's (0, 0): q1 facility 0.5
    expect(first.questions.find((q) => q.id === 'q1')).toMatchObject({ n: 2, facility: 0.5 });
  });

  it('counts a delivered-twice attempt once (retries are idempotent)', async () => {
    const quiz = 's-ledger02';
    const e = entry(quiz, 'learner-a', [1]);
    const { ctx } = testCtx();
    await recordResult(env, ctx, e);
    await recordResult(env, ctx, e);
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(1);
  });

  it('keeps no learner id: the report and the stored key are pseudonymous and differ per quiz', async () => {
    const quiz = 's-ledger03';
    const { ctx } = testCtx();
    await recordResult(env, ctx, entry(quiz, 'learner-secret-id-42', [1]));
    const report = JSON.stringify(await ledgerReport(env, quiz, 'all'));
    expect(report).not.toContain('learner-secret-id-42');
    const [a, b] = await Promise.all([learnerKey(env, 'learner-secret-id-42', quiz), learnerKey(env, 'learner-secret-id-42', 's-other')]);
    expect(a).not.toBe(b);
    expect(report).not.toContain(a);
  });

  it('resolves when the ledger fails, and retries until the entry arrives', async () => {
    const quiz = 's-ledger04';
    const flaky = flakyEnv(2);
    const { ctx, settle } = testCtx();
    await expect(recordResult(flaky.env, ctx, entry(quiz, 'learner-a', [1]))).resolves.toBeUndefined();
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(0); // not yet: the retry runs after the response
    await settle();
    expect(flaky.calls.record).toBe(3);
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(1);
  });

  it('parks the entry in KV when every retry fails, and the next report brings it in', async () => {
    const quiz = 's-ledger05';
    const flaky = flakyEnv(100);
    const { ctx, settle } = testCtx();
    await recordResult(flaky.env, ctx, entry(quiz, 'learner-a', [1, 0]));
    await settle();
    expect((await env.PROGRESS.list({ prefix: `results-pending:${quiz}:` })).keys).toHaveLength(1);
    const report = await ledgerReport(env, quiz, 'all');
    expect(report.attempts).toBe(1);
    expect((await env.PROGRESS.list({ prefix: `results-pending:${quiz}:` })).keys).toHaveLength(0);
  }, 20_000);

  it('counts set attempts from the ledger, for the sets asked about', async () => {
    const { ctx } = testCtx();
    await recordResult(env, ctx, entry('s-ledger06', 'learner-a', [1]));
    const counts = await attemptCounts(env, ['s-ledger06', 's-ledger07']);
    expect(Object.fromEntries(counts)).toEqual({ 's-ledger06': 1, 's-ledger07': 0 });
  });
});

describe('instructor list attempt counts', () => {
  it('list no learner keys: 0 KV list() calls for the API list and the dashboard', async () => {
    const api = await fetchCounting('/api/question-sets', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.res.status).toBe(200);
    expect(api.ops.filter((op) => op.endsWith('.list'))).toEqual([]);
  });
});
