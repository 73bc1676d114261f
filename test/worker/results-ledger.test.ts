import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SWEEP_DELAY_MS, SWEEP_EVERY_MS } from '../../worker/objects/results-ledger/results-ledger.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import { learnerKey } from '../../worker/stores/results-store.ts';
import { failingLedger, ledgerOf, parked } from './attempt-helpers.ts';
import { fetchCounting } from './kv-counter.ts';
import { entry } from './results-store-contract.ts';

// What the ResultsLedger Durable Object does beyond the store contract (results-store-contract.ts, run on it
// in results-store.test.ts): pseudonyms, parked rows and its sweep, its schema migration. Called through the
// store the attempt service uses (resultsStore, as storeAttempt in worker/services/progress.ts calls it).

const TOKEN = 'test-instructor-token-0123456789';

const store = resultsStore(env);
/** The same store with every ledger down: `record` parks its row in KV. */
const ledgerDown = () => resultsStore({ ...env, RESULTS: failingLedger() });

describe('results ledger: what the Durable Object adds to the store contract', () => {
  it('keeps no learner id: the report and the stored key are pseudonymous and differ per quiz', async () => {
    const quiz = 's-ledger03';
    await store.record(entry(quiz, 'learner-secret-id-42', [1]));
    const report = JSON.stringify(await store.report(quiz, 'all'));
    expect(report).not.toContain('learner-secret-id-42');
    const [a, b] = await Promise.all([learnerKey(env, 'learner-secret-id-42', quiz), learnerKey(env, 'learner-secret-id-42', 's-other')]);
    expect(a).not.toBe(b);
    expect(report).not.toContain(a);
  });

  it('parks the row in KV when the ledger fails, resolving only once it is parked; the next report brings it in', async () => {
    const quiz = 's-ledger05';
    const e = entry(quiz, 'learner-a', [1, 0]);
    expect(await ledgerDown().record(e)).toMatchObject({ stored: 'parked', createdAt: e.createdAt });
    expect(await parked(quiz)).toEqual([`results-pending:${quiz}:${e.attemptId}`]);
    expect((await store.report(quiz, 'all')).attempts).toBe(1);
    expect(await parked(quiz)).toEqual([]);
  });

  it('sweeps parked rows in by its own alarm, set by the next record', async () => {
    const quiz = 'one-ledger08'; // a quiz of one ledger (a lesson's)
    const lost = entry(quiz, 'learner-a', [1]);
    await ledgerDown().record(lost);
    await store.record(entry(quiz, 'learner-b', [0]));
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    expect(await parked(quiz)).toEqual([]);
    expect(await ledgerOf(quiz).count()).toBe(2);
  });

  it('sweeps at most once per sweep period, also after the object was evicted', async () => {
    const quiz = 'one-ledger10'; // a quiz of one ledger (a lesson's)
    const stub = ledgerOf(quiz);
    await store.record(entry(quiz, 'learner-a', [1]));
    const first = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(first! - Date.now()).toBeLessThanOrEqual(SWEEP_DELAY_MS);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    await evictDurableObject(stub);
    await store.record(entry(quiz, 'learner-b', [1]));
    const next = await runInDurableObject(stub, (_o, state) => state.storage.getAlarm());
    expect(next! - Date.now()).toBeGreaterThan(SWEEP_EVERY_MS - 60_000);
  });

  it('adds the request digest column to a ledger made before it existed', async () => {
    const quiz = 'one-ledger09'; // a quiz of one ledger (a lesson's)
    const stub = ledgerOf(quiz);
    await store.record(entry(quiz, 'learner-a', [1]));
    await runInDurableObject(stub, (_o, state) => void state.storage.sql.exec(`ALTER TABLE attempts DROP COLUMN request_hash`));
    await evictDurableObject(stub);
    const e = entry(quiz, 'learner-b', [1], { requestHash: 'digest-9' });
    await store.record(e);
    expect(await store.record(e)).toMatchObject({ stored: 'repeat', requestHash: 'digest-9' });
    expect(await ledgerOf(quiz).count()).toBe(2);
  });
});

describe('instructor list attempt counts', () => {
  it('list no learner keys: 0 KV list() calls for the API list and the dashboard', async () => {
    const api = await fetchCounting('/api/question-sets', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(api.res.status).toBe(200);
    expect(api.ops.filter((op) => op.endsWith('.list'))).toEqual([]);
  });
});
