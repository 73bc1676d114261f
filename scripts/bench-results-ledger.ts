// The item-analysis report of ledgers of 10,000, 100,000 and 1,000,000 synthetic attempts × 12 questions,
// timed inside the quiz's ResultsLedger Durable Object (aggregates read + figures + response counts), and the
// records per second one ledger takes and N shards take (docs/decisions/0014); also one page of the streamed
// scores CSV and the regrade of one accepted typed answer (a scan of the question's answers in batches). Run by
// `npm run bench`; prints tables and one BENCH_LEDGER_JSON line. BENCH_LEDGER_SIZES=10000,100000 limits the sizes.
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import { fold } from '../core/quiz/normalize.ts';
import type { LedgerRow, ResultsLedger } from '../worker/objects/results-ledger/results-ledger.ts';
import { learnerLedger } from '../worker/stores/results-store-shards.ts';
import { seedLedger } from '../test/worker/results-synthetic.ts';

/** The bench's settings, bound by scripts/bench-results.config.ts from the shell's environment. */
const settings = env as unknown as { BENCH_LEDGER_SIZES: string; BENCH_LEDGER_RECORDS: string };
const SIZES = settings.BENCH_LEDGER_SIZES.split(',').map(Number);
const QUESTIONS = 12;
const RUNS = 5;
const RECORDS = Number(settings.BENCH_LEDGER_RECORDS);
const SHARDS = 8;

const stubOf = (name: string) => env.RESULTS.get(env.RESULTS.idFromName(name));

/** A graded attempt as a submit records it: 12 questions, mixed responses. */
const live = (i: number, learnerKey: string): LedgerRow => ({
  attemptId: `rec-${i}`,
  learnerKey,
  version: 'bench',
  kind: 'final',
  lang: 'de',
  createdAt: new Date(1_760_000_000_000 + i).toISOString(),
  questions: Array.from({ length: QUESTIONS }, (_, q) => ({
    id: `q${q + 1}`,
    type: q % 3 ? 'single' : 'short',
    score: (i * 7 + q) % 3 ? 1 : 0,
    response: q % 3 ? { choice: (i + q) % 2 ? 'a' : 'b' } : { text: `Antwort ${i % 40}` },
  })),
});

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};

/** Median and maximum ms of `runs` calls, timed inside the object. */
const timed = (stub: ReturnType<typeof stubOf>, call: (l: ResultsLedger) => unknown, runs = RUNS) =>
  runInDurableObject(stub, async (ledger: ResultsLedger) => {
    const out: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await call(ledger);
      out.push(performance.now() - t);
    }
    return stats(out);
  });

/** Records per second: `RECORDS` attempts sent 50 at a time, each to its learner's shard among `n`. */
async function recordRate(quiz: string, n: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < RECORDS; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, RECORDS - i) }, (_, j) => {
        const key = `learner-${(i + j) % 1500}`;
        return stubOf(n === 1 ? quiz : learnerLedger(quiz, key, n)).record(live(i + j, key));
      }),
    );
  return RECORDS / ((performance.now() - t) / 1000);
}

it(`reports ledgers of ${SIZES.join(', ')} attempts × ${QUESTIONS} questions, and measures records per second`, async () => {
  const reports: Array<{ attempts: number; seedS: number; step: string; median: number; max: number }> = [];
  for (const size of SIZES) {
    const stub = stubOf(`bench-${size}`);
    const t0 = performance.now();
    await seedLedger(stub, size, QUESTIONS);
    const seedS = (performance.now() - t0) / 1000;
    for (const selection of ['all', 'first'] as const) {
      // Timed inside the object: what the ledger's thread spends, without the RPC hop.
      const times = await runInDurableObject(stub, async (ledger: ResultsLedger) => {
        const out: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const t = performance.now();
          await ledger.report(selection);
          out.push(performance.now() - t);
        }
        return out;
      });
      reports.push({ attempts: size, seedS, step: `report ${selection} (in the DO)`, ...stats(times) });
    }
    reports.push({
      attempts: size,
      seedS,
      step: 'scores CSV: one page of 1,000 (in the DO)',
      ...(await timed(stub, (l) => l.scorePage('first', null))),
    });
    // Once per size (it changes rows): a typed answer about 1 in 40 attempts gave, accepted in question 3.
    const regrade = { questionId: 'q3', value: fold('Antwort 7'), lang: 'de', mode: 'max', credit: 1, version: 'accepted' } as const;
    reports.push({
      attempts: size,
      seedS,
      step: 'regrade one accepted answer (in the DO)',
      ...(await timed(stub, (l) => l.regrade(regrade), 1)),
    });
  }
  const one = await recordRate('bench-rate-one', 1);
  const sharded = await recordRate('bench-rate-sharded', SHARDS);

  console.log(`\nresults ledger: item-analysis report × ${QUESTIONS} questions, inside the Durable Object`);
  console.table(
    reports.map((r) => ({
      attempts: r.attempts,
      step: r.step,
      'median ms': r.median.toFixed(1),
      'max ms': r.max.toFixed(1),
      'seeded s': r.seedS.toFixed(0),
    })),
  );
  console.log(
    `records per second (${RECORDS} records, 50 at a time): one ledger ${one.toFixed(0)}, ${SHARDS} shards ${sharded.toFixed(0)}`,
  );
  const table = reports.map((r) => ({ step: `${r.step}, ${r.attempts} attempts`, median: r.median, max: r.max }));
  table.push(
    { step: 'records/s into one ledger', median: one, max: one },
    { step: `records/s into ${SHARDS} shards`, median: sharded, max: sharded },
  );
  console.log(
    `BENCH_LEDGER_JSON ${JSON.stringify({ attempts: Math.max(...SIZES), questions: QUESTIONS, recordsPerSecond: { one, sharded, shards: SHARDS }, table })}`,
  );
});
