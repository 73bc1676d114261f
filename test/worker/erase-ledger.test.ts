import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { progressStore, resultsStore } from '../../worker/stores/index.ts';
import { learnerKey } from '../../worker/stores/results-store.ts';
import {
  attemptInit,
  cookieOf,
  exportedAttempts,
  failingLedger,
  learnerIn,
  ledgerOf,
  parked,
  resultsWith,
  rowsIn,
  send,
} from './attempt-helpers.ts';

// Erasing a learner reaches every results ledger they answered (lessons, the final test, sets, and rows
// parked in KV), and the export shows what the ledgers hold (docs/decisions/0008-durable-attempts.md).

const SET = 's-erase01';

/** A learner with attempts in a lesson, the final test and an instructor set (that set's KV entry and ledger row). */
async function learnerEverywhere(): Promise<string> {
  const first = await send('/api/quizzes/alliance/attempts', attemptInit({ responses: { 'alliance-4': { value: true } } }));
  const cookie = cookieOf(first.res)!;
  expect((await send('/api/quizzes/final/attempts', attemptInit({ cookie, seed: 'abcd1234' }))).res.status).toBe(201);
  const id = learnerIn(cookie);
  const t = Date.now();
  const createdAt = new Date(t).toISOString();
  const question = { id: 'q1', type: 'truefalse', score: 1, response: { value: true } };
  await progressStore(env).record(id, {
    id: `set-${t}`,
    quizId: SET,
    kind: 'set',
    title: 'Ein Set',
    version: '1.abc',
    lang: 'de',
    seed: null,
    createdAt,
    score: 1,
    max: 1,
    questions: [{ ...question, prompt: 'Japan ist Partner der USA.' }],
  });
  // The set's ledger row, as its submit would have recorded it.
  const row = { attemptId: `set-${t}`, learnerKey: await learnerKey(env, id, SET), version: '1.abc', kind: 'set' as const, lang: 'de' };
  await ledgerOf(SET).record({ ...row, createdAt, questions: [question] });
  return cookie;
}

const erase = (cookie: string, over: Partial<Env> = {}) =>
  send('/api/progress', { method: 'DELETE', headers: { cookie: `learner=${cookie}` } }, over);

describe('DELETE /api/progress reaches the results ledgers', () => {
  it("removes the learner's rows from every ledger they answered, and item analysis counts drop", async () => {
    const other = await learnerEverywhere();
    const cookie = await learnerEverywhere();
    const before = {
      alliance: (await resultsStore(env).report('alliance', 'all')).attempts,
      set: (await resultsStore(env).report(SET, 'all')).attempts,
    };
    for (const quiz of ['alliance', 'final', SET]) expect(await rowsIn(quiz, cookie), quiz).toHaveLength(1);

    const { res } = await erase(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 3, ledgerRows: 3 });
    for (const quiz of ['alliance', 'final', SET]) expect(await rowsIn(quiz, cookie), quiz).toEqual([]);
    expect((await resultsStore(env).report('alliance', 'all')).attempts).toBe(before.alliance - 1);
    expect((await resultsStore(env).report(SET, 'all')).attempts).toBe(before.set - 1);
    // Only that learner: the other one's rows stay.
    for (const quiz of ['alliance', 'final', SET]) expect(await rowsIn(quiz, other), quiz).toHaveLength(1);
  });

  it('erases rows parked in KV for the ledger too', async () => {
    const { res } = await send('/api/quizzes/balance/attempts', attemptInit(), { RESULTS: failingLedger() });
    const cookie = cookieOf(res)!;
    const { attemptId } = (await res.json()) as { attemptId: string };
    const others = await send('/api/quizzes/balance/attempts', attemptInit(), { RESULTS: failingLedger() });
    const otherId = ((await others.res.json()) as { attemptId: string }).attemptId;
    expect(await parked('balance')).toEqual(
      expect.arrayContaining([`results-pending:balance:${attemptId}`, `results-pending:balance:${otherId}`]),
    );
    expect((await erase(cookie)).res.status).toBe(200);
    expect(await parked('balance')).not.toContain(`results-pending:balance:${attemptId}`);
    expect(await parked('balance')).toContain(`results-pending:balance:${otherId}`);
  });

  it('the progress page delete form reaches the ledgers too', async () => {
    const cookie = await learnerEverywhere();
    const { res } = await send('/en/progress/delete', {
      method: 'POST',
      headers: { cookie: `learner=${cookie}`, origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(res.status).toBe(303);
    for (const quiz of ['alliance', 'final', SET]) expect(await rowsIn(quiz, cookie), quiz).toEqual([]);
  });

  it('keeps everything retryable when a ledger fails halfway: KV and cookie stay, a retry ends with nothing', async () => {
    const cookie = await learnerEverywhere();
    const flaky = resultsWith({
      erase: async (real, key, quizId) => (quizId?.split('#')[0] === 'final' ? Promise.reject(new Error('ledger down')) : real.erase(key)),
    });
    const failed = await erase(cookie, { RESULTS: flaky });
    expect(failed.res.status).toBe(500);
    expect(failed.res.headers.get('set-cookie') ?? '').not.toContain('learner=;');
    expect(await exportedAttempts(cookie)).toHaveLength(3); // KV untouched: it still names the set to erase
    expect(await rowsIn('final', cookie)).toHaveLength(1);

    const retried = await erase(cookie);
    expect(retried.res.status).toBe(200);
    expect(await exportedAttempts(cookie)).toEqual([]);
    for (const quiz of ['alliance', 'final', SET]) expect(await rowsIn(quiz, cookie), quiz).toEqual([]);
  });
});

describe('GET /api/progress/export', () => {
  it('lists what the ledgers hold about the learner, per quiz, without the pseudonym', async () => {
    const cookie = await learnerEverywhere();
    const body = (await (await send('/api/progress/export', { headers: { cookie: `learner=${cookie}` } })).res.json()) as {
      resultsLedger: Array<{ quizId: string; rows: Array<{ attemptId: string; questions: Array<{ id: string; response: unknown }> }> }>;
    };
    expect(body.resultsLedger.map((q) => q.quizId).sort()).toEqual(['alliance', 'final', SET].sort());
    const alliance = body.resultsLedger.find((q) => q.quizId === 'alliance')!;
    expect(alliance.rows).toHaveLength(1);
    expect(alliance.rows[0]!.questions.find((q) => q.id === 'alliance-4')!.response).toEqual({ value: true });
    expect(JSON.stringify(body.resultsLedger)).not.toMatch(/learnerKey|requestHash/);
    const count = await ledgerOf('alliance').count();
    await erase(cookie);
    expect(await ledgerOf('alliance').count()).toBe(count - 1);
  });
});
