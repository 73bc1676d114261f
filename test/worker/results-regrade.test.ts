import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Regrade } from '../../core/stats/regrade.ts';
import type { ResultsLedger } from '../../worker/objects/results-ledger/results-ledger.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import type { LedgerEntry } from '../../worker/stores/results-store.ts';
import { ledgerNames } from '../../worker/stores/results-store-shards.ts';
import { capitalsSet } from '../fixtures/sets.ts';
import { ledgerOf } from './attempt-helpers.ts';
import { request } from './helpers.ts';
import { entry, newQuiz } from './results-store-contract.ts';
import { MemoryResultsStore } from './results-store-memory.ts';
import { auth, createSet, postAccept, resultsPage, scoreOf, session } from './set-accept-helpers.ts';

// "Accepting an answer re-scores from the rows" (docs/decisions/0014): every ledger of a set re-scores the stored
// answers that gave the accepted text and moves their aggregates along, so the item analysis shows the regraded
// figures at once, equal to a rebuild from the rows, and a second accept of the same text changes nothing.

const store = resultsStore(env);
const TYPED = ['Tokio', 'Peking', 'tokio', 'Japan'];

const attempt = (quiz: string, i: number): LedgerEntry =>
  entry(quiz, `learner-${i % 9}`, [], {
    createdAt: new Date(Date.parse('2026-12-01T10:00:00.000Z') + ((i * 13) % 41) * 60_000).toISOString(),
    lang: i % 4 ? 'de' : 'en',
    version: i < 30 ? '1.old' : '2.new',
    questions: [
      { id: 'q1', type: 'truefalse', score: i % 2, response: { value: i % 2 === 1 } },
      {
        id: 'q2',
        type: 'short',
        score: TYPED[i % 4] === 'Peking' ? 1 : (i % 3) * 0.25,
        response: { text: TYPED[i % 4] },
        normalized: [TYPED[i % 4]!],
      },
      {
        id: 'q3',
        type: 'cloze',
        score: [0, 1 / 3, 2 / 3][i % 3]!,
        response: { gaps: { g1: TYPED[(i + 1) % 4], g2: 'x', g3: 'y' } },
        normalized: [TYPED[(i + 1) % 4]!, 'x', 'y'],
      },
    ],
  });

const regrades: Regrade[] = [
  { questionId: 'q2', value: 'tokio', lang: 'de', mode: 'max', credit: 1, version: '2.new' },
  { questionId: 'q3', part: 'g1', value: 'Japan', lang: 'de', mode: 'add', credit: 1 / 3, version: '2.new' },
];

async function expectSame(memory: MemoryResultsStore, quiz: string) {
  for (const selection of ['first', 'all'] as const) {
    expect(await store.report(quiz, selection), selection).toEqual(await memory.report(quiz, selection));
    expect(await store.scores(quiz, selection), selection).toEqual(await memory.scores(quiz, selection));
  }
}

describe('ResultsStore.regrade', () => {
  it('re-scores the matching answers in every shard: figures equal to a rebuild from the rows, and once only', async () => {
    const quiz = newQuiz();
    const memory = new MemoryResultsStore();
    for (let i = 0; i < 40; i++) await Promise.all([store.record(attempt(quiz, i)), memory.record(attempt(quiz, i))]);
    const before = await store.report(quiz, 'all');

    for (const r of regrades) {
      const changed = await store.regrade(quiz, r);
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBe(await memory.regrade(quiz, r));
    }
    const after = await store.report(quiz, 'all');
    const facility = (r: typeof after, id: string) => r.questions.find((q) => q.id === id)!.facility!;
    expect(facility(after, 'q2')).toBeGreaterThan(facility(before, 'q2'));
    expect(facility(after, 'q3')).toBeGreaterThan(facility(before, 'q3'));
    await expectSame(memory, quiz);

    // The aggregates each ledger kept equal a rebuild from its rows.
    for (const name of ledgerNames(quiz)) await runInDurableObject(ledgerOf(name), (l: ResultsLedger) => l.rebuild());
    expect(await store.report(quiz, 'all')).toEqual(after);

    // The same regrade again (a retry) changes nothing, the cloze gap's added credit included.
    for (const r of regrades) expect(await store.regrade(quiz, r)).toBe(0);
    expect(await store.report(quiz, 'all')).toEqual(after);
  });
});

type ApiReport = {
  questions: Array<{ id: string; facility: number | null; responses: Array<{ text: string; count: number; score: number | null }> }>;
};
const apiReport = async (id: string) => (await (await request(`/api/results/${id}?attempts=all`, { headers: auth })).json()) as ApiReport;
const cap = (r: ApiReport) => r.questions.find((q) => q.id === 'cap')!;

describe('POST /{lang}/instructor/results/{setId}/accept re-scores the stored answers', () => {
  it('shows the regraded figures at once; a second accept of the same text changes nothing', async () => {
    const id = await createSet(capitalsSet);
    for (const text of ['Beijing', 'Peking', 'Beijing', 'Berlin', 'Beijing']) await scoreOf(id, 'cap', { text });
    expect(cap(await apiReport(id)).facility).toBe(0.2);

    const cookie = await session();
    const page = await resultsPage(cookie, id);
    const html = await (await request(`/de/instructor/results/${id}?attempts=all`, { headers: { cookie } })).text();
    const value = [...html.matchAll(/name="value" value="([^"]+)"/g)].map((m) => m[1]!).find((v) => /beijing/i.test(v))!;
    expect(value).toBeDefined();
    const accept = (expectedVersion: string) =>
      postAccept(cookie, id, { csrf: page.csrf, expectedVersion, question: 'cap', value, attempts: 'all' });

    expect((await accept('1')).status).toBe(303);
    const after = cap(await apiReport(id));
    expect(after.facility).toBe(0.8); // three Beijing now right, Berlin still wrong
    expect(after.responses.find((r) => /beijing/i.test(r.text))).toMatchObject({ count: 3, score: 1 });

    // The aggregates equal a rebuild from the rows.
    for (const name of ledgerNames(id)) await runInDurableObject(ledgerOf(name), (l: ResultsLedger) => l.rebuild());
    expect(cap(await apiReport(id))).toEqual(after);

    expect((await accept('2')).status).toBe(303);
    expect(cap(await apiReport(id))).toEqual(after);
  });
});
