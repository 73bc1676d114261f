import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SWEEP_DELAY_MS, SWEEP_EVERY_MS } from '../../worker/objects/results-ledger/results-ledger.ts';
import { attemptCounts, ledgerReport, learnerKey, recordAttempt, type LedgerEntry } from '../../worker/stores/results-store.ts';
import { failingLedger, ledgerOf, parked } from './attempt-helpers.ts';
import { fetchCounting } from './kv-counter.ts';

const TOKEN = 'test-instructor-token-0123456789';

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

describe('results ledger: recordAttempt', () => {
  it('has the attempt in the ledger when it resolves, and counts first and all attempts per learner', async () => {
    const quiz = 's-ledger01';
    await recordAttempt(env, entry(quiz, 'learner-a', [1, 0]));
    await recordAttempt(env, entry(quiz, 'learner-a', [1, 1]));
    await recordAttempt(env, entry(quiz, 'learner-b', [0, 0]));
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(3);
    expect((await ledgerReport(env, quiz, 'all')).attempts).toBe(3);
    const first = await ledgerReport(env, quiz, 'first');
    expect(first.attempts).toBe(2);
    // learner a's first attempt (1, 0) and learner b's (0, 0): q1 facility 0.5
    expect(first.questions.find((q) => q.id === 'q1')).toMatchObject({ n: 2, facility: 0.5 });
  });

  it('counts a delivered-twice attempt once, and tells the retry the first one’s time and request digest', async () => {
    const quiz = 's-ledger02';
    const e = entry(quiz, 'learner-a', [1], { requestHash: 'digest-1' });
    expect(await recordAttempt(env, e)).toEqual({ stored: 'new', createdAt: e.createdAt, requestHash: 'digest-1' });
    const retry = await recordAttempt(env, { ...e, createdAt: new Date(Date.now() + 60_000).toISOString(), requestHash: 'digest-2' });
    expect(retry).toEqual({ stored: 'repeat', createdAt: e.createdAt, requestHash: 'digest-1' });
    expect((await attemptCounts(env, [quiz])).get(quiz)).toBe(1);
  });

  it('keeps no learner id: the report and the stored key are pseudonymous and differ per quiz', async () => {
    const quiz = 's-ledger03';
    await recordAttempt(env, entry(quiz, 'learner-secret-id-42', [1]));
    const report = JSON.stringify(await ledgerReport(env, quiz, 'all'));
    expect(report).not.toContain('learner-secret-id-42');
    const [a, b] = await Promise.all([learnerKey(env, 'learner-secret-id-42', quiz), learnerKey(env, 'learner-secret-id-42', 's-other')]);
    expect(a).not.toBe(b);
    expect(report).not.toContain(a);
  });

  it('parks the row in KV when the ledger fails, resolving only once it is parked; the next report brings it in', async () => {
    const quiz = 's-ledger05';
    const e = entry(quiz, 'learner-a', [1, 0]);
    expect(await recordAttempt({ ...env, RESULTS: failingLedger() }, e)).toMatchObject({ stored: 'parked', createdAt: e.createdAt });
    expect(await parked(quiz)).toEqual([`results-pending:${quiz}:${e.attemptId}`]);
    expect((await ledgerReport(env, quiz, 'all')).attempts).toBe(1);
    expect(await parked(quiz)).toEqual([]);
  });

  it('sweeps parked rows in by its own alarm, set by the next record', async () => {
    const quiz = 's-ledger08';
    const lost = entry(quiz, 'learner-a', [1]);
    await recordAttempt({ ...env, RESULTS: failingLedger() }, lost);
    await recordAttempt(env, entry(quiz, 'learner-b', [0]));
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    expect(await parked(quiz)).toEqual([]);
    expect(await ledgerOf(quiz).count()).toBe(2);
  });

  it('sweeps at most once per sweep period, also after the object was evicted', async () => {
    const quiz = 's-ledger10';
    const stub = ledgerOf(quiz);
    await recordAttempt(env, entry(quiz, 'learner-a', [1]));
    const first = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(first! - Date.now()).toBeLessThanOrEqual(SWEEP_DELAY_MS);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    await evictDurableObject(stub);
    await recordAttempt(env, entry(quiz, 'learner-b', [1]));
    const next = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(next! - Date.now()).toBeGreaterThan(SWEEP_EVERY_MS - 60_000);
  });

  it('adds the request digest column to a ledger made before it existed', async () => {
    const quiz = 's-ledger09';
    const stub = ledgerOf(quiz);
    await recordAttempt(env, entry(quiz, 'learner-a', [1]));
    await runInDurableObject(stub, (_o, state) => void state.storage.sql.exec(`ALTER TABLE attempts DROP COLUMN request_hash`));
    await evictDurableObject(stub);
    const e = entry(quiz, 'learner-b', [1], { requestHash: 'digest-9' });
    await recordAttempt(env, e);
    expect(await recordAttempt(env, e)).toMatchObject({ stored: 'repeat', requestHash: 'digest-9' });
    expect(await ledgerOf(quiz).count()).toBe(2);
  });

  it('counts set attempts from the ledger, for the sets asked about', async () => {
    await recordAttempt(env, entry('s-ledger06', 'learner-a', [1]));
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
