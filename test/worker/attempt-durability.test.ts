import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { learnerKey } from '../../worker/stores/results-store.ts';
import { countingKv } from './kv-counter.ts';
import {
  attemptInit,
  cookieOf,
  failingLedger,
  learnerIn,
  ledgerOf,
  parked,
  resultsWith,
  rowsIn,
  send,
  slowLedger,
} from './attempt-helpers.ts';

// Every request here goes through `send`: whatever the app leaves to waitUntil never runs before the checks,
// as when the isolate dies right after answering (docs/decisions/0008-durable-attempts.md).

describe('POST /api/quizzes/:id/attempts: durable before it answers', () => {
  it('has the attempt in the ledger when the 201 arrives, even if the ledger takes its time', async () => {
    const before = await ledgerOf('balance').count();
    const { res } = await send('/api/quizzes/balance/attempts', attemptInit(), { RESULTS: slowLedger(150) });
    expect(res.status).toBe(201);
    const { attemptId } = (await res.json()) as { attemptId: string };
    expect(await ledgerOf('balance').count()).toBe(before + 1);
    expect((await rowsIn('balance', cookieOf(res)!)).map((r) => r.attemptId)).toEqual([attemptId]);
  });

  it('parks the row in KV before answering when the ledger fails, and the answer is still a 201', async () => {
    const { res } = await send('/api/quizzes/china/attempts', attemptInit(), { RESULTS: failingLedger() });
    expect(res.status).toBe(201);
    const { attemptId } = (await res.json()) as { attemptId: string };
    const key = `results-pending:china:${attemptId}`;
    expect(await parked('china')).toContain(key);
    const row = await env.PROGRESS.get<{ attemptId: string; learnerKey: string }>(key, 'json');
    expect(row).toMatchObject({ attemptId, learnerKey: await learnerKey(env, learnerIn(cookieOf(res)!), 'china') });
  });

  it('parks the row when the ledger does not answer within its timeout', async () => {
    const hanging = resultsWith({ record: () => new Promise(() => {}) });
    const started = Date.now();
    const { res } = await send('/api/quizzes/outlook/attempts', attemptInit(), { RESULTS: hanging });
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(10_000);
    const { attemptId } = (await res.json()) as { attemptId: string };
    expect(await parked('outlook')).toContain(`results-pending:outlook:${attemptId}`);
  }, 20_000);

  it("moves parked rows into the ledger by the ledger's own sweep after the next record, without a report", async () => {
    const quiz = 'sustainability';
    const failed = await send(`/api/quizzes/${quiz}/attempts`, attemptInit(), { RESULTS: failingLedger() });
    const { attemptId } = (await failed.res.json()) as { attemptId: string };
    expect(await parked(quiz)).toContain(`results-pending:${quiz}:${attemptId}`);
    // The ledger is back: the next submit is recorded, and that record sets the ledger's sweep alarm.
    const next = await send(`/api/quizzes/${quiz}/attempts`, attemptInit());
    expect(next.res.status).toBe(201);
    expect(await runDurableObjectAlarm(ledgerOf(quiz))).toBe(true);
    expect(await parked(quiz)).toEqual([]);
    expect((await rowsIn(quiz, cookieOf(failed.res)!)).map((r) => r.attemptId)).toEqual([attemptId]);
  });

  it('costs one KV write with a healthy ledger, and one more (the parked row) when it fails', async () => {
    const ops: string[] = [];
    const PROGRESS = countingKv(env.PROGRESS, 'PROGRESS', ops);
    expect((await send('/api/quizzes/cooperation/attempts', attemptInit(), { PROGRESS })).res.status).toBe(201);
    expect(ops).toEqual(['PROGRESS.put']);
    ops.length = 0;
    expect((await send('/api/quizzes/cooperation/attempts', attemptInit(), { PROGRESS, RESULTS: failingLedger() })).res.status).toBe(201);
    expect(ops).toEqual(['PROGRESS.put', 'PROGRESS.put']);
  });
});
