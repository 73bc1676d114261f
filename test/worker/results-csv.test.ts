// CSV downloads (issue 17, item 8): a text cell that a spreadsheet would run as a formula is neutralised as OWASP
// recommends (a leading ' and quotes); numbers we compute stay numbers, negative ones too.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../worker/services/results-csv.ts';
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
