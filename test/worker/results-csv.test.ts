// CSV downloads (issue 17, item 8): a text cell that a spreadsheet would run as a formula is neutralised as OWASP
// recommends (a leading ' and quotes); numbers we compute stay numbers, negative ones too.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SCORE_PAGE } from '../../worker/objects/results-ledger/score-pages.ts';
import { content } from '../../worker/services/content.ts';
import { csvCell, scoresCsv } from '../../worker/services/results-csv.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import { ledgerNames } from '../../worker/stores/results-store-shards.ts';
import { ledgerOf } from './attempt-helpers.ts';
import { newQuiz } from './results-store-contract.ts';
import { seedLedger } from './results-synthetic.ts';
import { request } from './helpers.ts';
import { api, auth, json, t } from './instructor-helpers.ts';

describe('csvCell', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+SUM(A1:A9)', `"'+SUM(A1:A9)"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tTab', `"'\tTab"`],
    ['\rReturn', `"'\rReturn"`],
    ['=HYPERLINK("http://x.example","klick")', `"'=HYPERLINK(""http://x.example"",""klick"")"`],
  ])('neutralises a text beginning with %j', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  it('leaves other texts as RFC 4180 has them, and numbers (negative ones too) as numbers', () => {
    expect(csvCell('Wer ist 1 = 1?')).toBe('Wer ist 1 = 1?');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });
});

describe('GET /api/results/{quizId}.csv', () => {
  it('neutralises question texts that begin like a formula', async () => {
    const prompts = ['=1+1', '+1', '-1 ist negativ', '@SUM(A1)'];
    const set = {
      title: t('Formeln', 'Formulas'),
      languages: ['de', 'en'],
      questions: prompts.map((p, i) => ({ id: `q${i}`, type: 'truefalse', prompt: t(p, p), answer: true })),
    };
    const res = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(set) });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await api(`/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    const csv = await (await request(`/api/results/${id}.csv?table=questions&lang=de`, { headers: auth })).text();
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[2])).toEqual([`"'=1+1"`, `"'+1"`, `"'-1 ist negativ"`, `"'@SUM(A1)"`]);
  });
});

describe('the scores CSV of a big ledger, streamed a page at a time', () => {
  const matrixOfShards = async (names: string[], selection: 'first' | 'all', ids: string[]) => {
    // The reference: each ledger's whole matrix read at once (on read, in memory), interleaved by time.
    const parts = await Promise.all(names.map((n) => ledgerOf(n).scores(selection, ids)));
    const rows = parts.flatMap((p) => p.rows.map((cells, i) => ({ at: p.order![i]!, cells })));
    rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { questionIds: ids, rows: rows.map((r) => r.cells) };
  };

  it('is byte for byte the CSV of the whole matrix, over several pages of one ledger', async () => {
    const lesson = 'china';
    const asked = (content.questions[lesson] ?? []).filter((q) => q.type !== 'essay').map((q) => q.id);
    await seedLedger(ledgerOf(lesson), 2 * SCORE_PAGE + 500, 5);
    const ids = [...asked, 'q1', 'q2', 'q3', 'q4', 'q5'];
    for (const attempts of ['all', 'first'] as const) {
      const res = await request(`/api/results/${lesson}.csv?table=scores&attempts=${attempts}`, { headers: auth });
      expect(res.status).toBe(200);
      const expected = scoresCsv(await matrixOfShards([lesson], attempts, ids));
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.split('\r\n').length - 2).toBe(attempts === 'all' ? 2 * SCORE_PAGE + 500 : 1875);
      expect(text).toBe(expected);
      expect(bytes).toEqual(new TextEncoder().encode(expected));
    }
  });

  it('interleaves a sharded quiz’s pages by time, as one ledger would list them', async () => {
    const quiz = newQuiz();
    const [a, b] = [ledgerNames(quiz)[0]!, ledgerNames(quiz)[2]!];
    await seedLedger(ledgerOf(a), SCORE_PAGE + 300, 3);
    await seedLedger(ledgerOf(b), SCORE_PAGE + 700, 4);
    const store = resultsStore(env);
    for (const attempts of ['all', 'first'] as const) {
      const streamed = await store.scores(quiz, attempts, ['q2']);
      expect(streamed).toEqual(await matrixOfShards(ledgerNames(quiz), attempts, ['q2', 'q1', 'q3', 'q4']));
    }
  });
});
