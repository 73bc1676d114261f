// The item-analysis report for 10,000 attempts of a 12-question quiz, computed where it runs in production:
// inside the quiz's ResultsLedger Durable Object (SQLite read + statistics + response counts), then joined
// with the questions in the worker. Run by `npm run bench`; prints one table and writes bench-results/.
import { env, exports } from 'cloudflare:workers';
import { it } from 'vitest';
import type { LedgerRow } from '../worker/objects/results-ledger/results-ledger.ts';

const ATTEMPTS = Number(process.env.BENCH_LEDGER_ATTEMPTS ?? 10_000);
const QUESTIONS = 12;
const RUNS = 5;

/** A deterministic synthetic attempt: mixed types, abilities spread so the figures are not degenerate. */
function attempt(i: number): LedgerRow {
  const ability = (i % 97) / 96;
  const types = ['single', 'truefalse', 'short', 'multiple', 'cloze', 'numerical'];
  return {
    attemptId: `bench-${String(i).padStart(6, '0')}`,
    learnerKey: `k${i % Math.round(ATTEMPTS * 0.75)}`, // a quarter of the learners come back
    version: 'bench',
    kind: 'lesson',
    lang: 'de',
    createdAt: new Date(1_750_000_000_000 + i * 1000).toISOString(),
    questions: Array.from({ length: QUESTIONS }, (_, q) => {
      const type = types[q % types.length]!;
      const right = ((i * 31 + q * 17) % 100) / 100 < ability * 0.8 + 0.1;
      const response =
        type === 'single'
          ? { choice: right ? 'a' : `d${i % 3}` }
          : type === 'truefalse'
            ? { value: right }
            : type === 'short'
              ? { text: right ? 'Peking' : `Antwort ${i % 40}` }
              : type === 'multiple'
                ? { choices: right ? ['a', 'b'] : ['c'] }
                : type === 'cloze'
                  ? { gaps: { g1: right ? 'Erden' : `x${i % 25}`, g2: 'Japan' } }
                  : { number: right ? 2025 : 2000 + (i % 30) };
      return { id: `q${q + 1}`, type, score: right ? 1 : 0, response };
    }),
  };
}

const ms = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]! };
};

it(`reports ${ATTEMPTS} attempts × ${QUESTIONS} questions`, async () => {
  const quizId = 'bench-quiz';
  const stub = env.RESULTS.get(env.RESULTS.idFromName(quizId));
  const seedStart = performance.now();
  for (let i = 0; i < ATTEMPTS; i += 200)
    await Promise.all(Array.from({ length: Math.min(200, ATTEMPTS - i) }, (_, j) => stub.record(attempt(i + j))));
  const seedMs = performance.now() - seedStart;

  const timings: Record<string, number[]> = { 'report all (DO)': [], 'report first (DO)': [], 'score matrix all (DO)': [] };
  let figures = { attempts: 0, first: 0 };
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    const all = await stub.report('all');
    timings['report all (DO)']!.push(performance.now() - t);
    t = performance.now();
    const first = await stub.report('first');
    timings['report first (DO)']!.push(performance.now() - t);
    t = performance.now();
    await stub.scores('all');
    timings['score matrix all (DO)']!.push(performance.now() - t);
    figures = { attempts: all.attempts, first: first.attempts };
  }
  // The worker route end to end needs a quiz id the worker knows; the DO work is the same for any id.
  const table = Object.entries(timings).map(([step, xs]) => ({ step, ...ms(xs) }));
  console.log(
    `\nresults ledger: ${figures.attempts} attempts (${figures.first} first attempts) × ${QUESTIONS} questions, seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );
  console.table(table.map((r) => ({ step: r.step, 'median ms': r.median.toFixed(0), 'max ms': r.max.toFixed(0) })));
  void exports;
  console.log(
    `BENCH_LEDGER_JSON ${JSON.stringify({ attempts: figures.attempts, first: figures.first, questions: QUESTIONS, seedMs, table })}`,
  );
});
