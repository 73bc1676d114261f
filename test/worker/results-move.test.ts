import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SendRows } from '../../worker/objects/results-ledger/move.ts';
import type { ResultsLedger } from '../../worker/objects/results-ledger/results-ledger.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import { learnerKey, type LedgerEntry } from '../../worker/stores/results-store.ts';
import { learnerLedger } from '../../worker/stores/results-store-shards.ts';
import { ledgerOf } from './attempt-helpers.ts';
import { entry, newQuiz } from './results-store-contract.ts';
import { MemoryResultsStore } from './results-store-memory.ts';

// Shard 0 of a quiz is the quiz's ledger from before shards (docs/decisions/0014). Its learners who now belong to
// another shard answer there, so until their old rows move, their first attempt would count twice. The move
// sends them on, in batches by the object's alarm; a failed send loses and doubles nothing.

const store = resultsStore(env);
const at = (minutes: number) => new Date(Date.parse('2026-12-01T10:00:00.000Z') + minutes * 60_000).toISOString();
const TEXTS = ['Peking', 'Tokio', 'Japan'];

const attempt = (quiz: string, learner: string, i: number, minutes: number): LedgerEntry =>
  entry(quiz, learner, [], {
    createdAt: at(minutes),
    questions: [
      { id: 'q1', type: 'truefalse', score: i % 2, response: { value: i % 2 === 1 } },
      { id: 'q2', type: 'short', score: i % 3 === 0 ? 1 : 0.5 * (i % 2), response: { text: TEXTS[i % 3] }, normalized: [TEXTS[i % 3]!] },
      { id: 'q3', type: 'single', score: (i * 7) % 5 > 1 ? 1 : 0, response: { choice: ['a', 'b'][i % 2] } },
    ],
  });

/**
 * A quiz whose shard 0 took 2 attempts each of 12 learners before it had shards (written to it directly, as its
 * one ledger took them), then 1 new attempt each through the store, which sends them to their shards now. The
 * memory store holds the same attempts in one ledger: the reference.
 */
async function preShardingQuiz() {
  const quiz = newQuiz();
  const memory = new MemoryResultsStore();
  const learners = Array.from({ length: 12 }, (_, i) => `early-${i}`);
  for (const [n, learner] of learners.entries()) {
    for (const k of [0, 1]) {
      const e = attempt(quiz, learner, n + k, n * 3 + k);
      await memory.record(e);
      await ledgerOf(quiz).record({ ...e, learnerKey: await learnerKey(env, learner, quiz) });
    }
  }
  for (const [n, learner] of learners.entries()) {
    const e = attempt(quiz, learner, n + 5, 100 + n);
    await Promise.all([store.record(e), memory.record(e)]);
  }
  const homes = await Promise.all(learners.map(async (l) => learnerLedger(quiz, await learnerKey(env, l, quiz))));
  expect(homes.filter((h) => h !== quiz).length).toBeGreaterThan(3); // most learners belong elsewhere now
  return { quiz, memory, learners };
}

async function expectOneLedger(memory: MemoryResultsStore, quiz: string, selections: ReadonlyArray<'first' | 'all'> = ['first', 'all']) {
  for (const selection of selections) {
    expect(await store.report(quiz, selection), selection).toEqual(await memory.report(quiz, selection));
    expect(await store.scores(quiz, selection), selection).toEqual(await memory.scores(quiz, selection));
  }
  expect((await store.counts([quiz])).get(quiz)).toBe((await memory.counts([quiz])).get(quiz));
}

/** Replaces shard 0's send once: `fail` before it reaches the shard, or after (the reply lost). */
async function failSendOnce(quiz: string, when: 'before' | 'after') {
  await runInDurableObject(ledgerOf(quiz), (ledger: ResultsLedger) => {
    const real: SendRows = ledger.moveTransport.send;
    let failures = 1;
    ledger.moveTransport.send = async (name, rows) => {
      if (when === 'after') await real(name, rows);
      if (failures-- > 0) throw new Error(`send to ${name} failed`);
      if (when === 'before') await real(name, rows);
    };
  });
}

describe('moving a ledger from before shards to its shards', () => {
  it('counts each learner’s first attempt once after the move: the figures of one ledger', async () => {
    const { quiz, memory } = await preShardingQuiz();
    // Before the move, old first attempts in shard 0 and new ones in the shards both count as "first".
    expect((await store.report(quiz, 'first')).attempts).toBeGreaterThan((await memory.report(quiz, 'first')).attempts);
    await expectOneLedger(memory, quiz, ['all']);

    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    await expectOneLedger(memory, quiz);
    // Shard 0 keeps only its own learners' rows; nothing is left to move, so no alarm for it either.
    const left = await runInDurableObject(ledgerOf(quiz), (_l, state) =>
      state.storage.sql.exec<{ learner: string }>(`SELECT DISTINCT learner FROM attempts`).toArray(),
    );
    for (const { learner } of left) expect(learnerLedger(quiz, learner)).toBe(quiz);
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(false);
  });

  it('loses and doubles nothing when a send fails before it reaches the shard, and finishes on the next alarm', async () => {
    const { quiz, memory, learners } = await preShardingQuiz();
    await failSendOnce(quiz, 'before');
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    await expectOneLedger(memory, quiz, ['all']); // every attempt counted once, meanwhile too
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true); // the retry was scheduled
    await expectOneLedger(memory, quiz);
    // Export and erase still find every row of a moved learner, once.
    for (const learner of learners.slice(0, 4)) {
      expect(await store.rowsOf(learner, [quiz])).toEqual(await memory.rowsOf(learner, [quiz]));
      expect(await store.erase(learner, [quiz])).toBe(await memory.erase(learner, [quiz]));
    }
    await expectOneLedger(memory, quiz);
  });

  it('doubles nothing when the shard took the rows but its answer was lost: the resend is a no-op', async () => {
    const { quiz, memory, learners } = await preShardingQuiz();
    await failSendOnce(quiz, 'after');
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    // The export lists a row held by both for the moment once.
    expect(await store.rowsOf(learners[0]!, [quiz])).toEqual(await memory.rowsOf(learners[0]!, [quiz]));
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    await expectOneLedger(memory, quiz);
  });

  it('moves a late row of another shard’s learner (parked before shards) when it comes into shard 0', async () => {
    const { quiz, memory } = await preShardingQuiz();
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    let learner = 'late-0';
    for (let i = 1; learnerLedger(quiz, await learnerKey(env, learner, quiz)) === quiz; i++) learner = `late-${i}`;
    const late = attempt(quiz, learner, 3, 1);
    const early = attempt(quiz, learner, 4, 0);
    await Promise.all([store.record(late), memory.record(late), memory.record(early)]);
    await ledgerOf(quiz).record({ ...early, learnerKey: await learnerKey(env, learner, quiz) });
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    await expectOneLedger(memory, quiz);
  });
});
