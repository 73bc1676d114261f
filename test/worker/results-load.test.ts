import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../worker/objects/results-ledger/schema.ts';
import { ledgerOf } from './attempt-helpers.ts';
import { seedLedger } from './results-synthetic.ts';

// A report while records stream in (docs/decisions/0014): the report reads the aggregates, so a record never
// waits long behind one. On 30,000 attempts × 4 questions a report that read the rows (as before issue 20) took
// a third of a second or more of the ledger's only thread, and every record that arrived meanwhile waited for it.

const ATTEMPTS = 30_000;
const row = (i: number): LedgerRow => ({
  attemptId: `live-${i}`,
  learnerKey: `live-learner-${i % 7}`,
  version: 'bench',
  kind: 'lesson',
  lang: 'de',
  createdAt: new Date(Date.parse('2026-02-01T00:00:00Z') + i * 1000).toISOString(),
  questions: [1, 2, 3, 4].map((q) => ({ id: `q${q}`, type: 'single', score: (i + q) % 2, response: { choice: 'a' } })),
});

describe('a report on a big ledger while records stream in', () => {
  it('never keeps a record waiting beyond a few ms, and answers in a few ms itself', async () => {
    const quiz = `load-${crypto.randomUUID().slice(0, 8)}`;
    const stub = ledgerOf(quiz);
    await seedLedger(stub, ATTEMPTS, 4);
    expect(await stub.count()).toBe(ATTEMPTS);
    await stub.report('all'); // warm
    // What reading every row costs here now (the score matrix still does): the wait a scanning report would cause.
    let t = performance.now();
    await stub.scores('all');
    const scan = performance.now() - t;

    const waits: number[] = [];
    const reports: number[] = [];
    let streaming = true;
    const reporter = (async () => {
      while (streaming) {
        const t = performance.now();
        const r = await stub.report(reports.length % 2 ? 'first' : 'all');
        reports.push(performance.now() - t);
        expect(r.attempts).toBeGreaterThan(0);
      }
    })();
    for (let i = 0; i < 60; i++) {
      t = performance.now();
      await stub.record(row(i));
      waits.push(performance.now() - t);
    }
    streaming = false;
    await reporter;

    const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
    console.log(
      `row scan ${scan.toFixed(0)} ms; record wait p50 ${at(waits, 0.5).toFixed(1)}, p90 ${at(waits, 0.9).toFixed(1)}, max ${at(waits, 1).toFixed(1)} ms; ${reports.length} reports, p50 ${at(reports, 0.5).toFixed(1)} ms`,
    );
    expect(reports.length).toBeGreaterThan(5);
    // Generous for a shared machine (its load stalls any request now and then); a report that read the rows
    // would keep the ledger busy for `scan` ms at a time, and most records would wait for it.
    expect(scan).toBeGreaterThan(150);
    expect(at(waits, 0.5)).toBeLessThan(20);
    expect(at(waits, 0.9)).toBeLessThan(50);
    expect(at(waits, 1)).toBeLessThan(scan / 2);
    expect(at(reports, 0.5)).toBeLessThan(20);
    expect((await stub.report('all')).attempts).toBe(ATTEMPTS + 60);
  });
});
