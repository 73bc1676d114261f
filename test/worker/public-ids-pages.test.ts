// Issue 17, item 1 on the pages and in the ledger: every page shows the ids of the seed in its link or form,
// grades a plain form post with them, and the results ledger keeps responses in authoring keys, so item
// analysis counts one choice together across attempts whose ids differ.
import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { encodeAnswers } from '../../web/quiz/form.ts';
import { cookieOf, rowsIn } from './attempt-helpers.ts';
import { request } from './helpers.ts';
import { auth } from './instructor-helpers.ts';
import { idOfText } from './public-ids-helpers.ts';

const content = (bundle as any).content as { questions: Record<string, Question[]> };
const china = content.questions.china!;
const single = china.find((q) => q.type === 'single') as Extract<Question, { type: 'single' }>;
const n = china.indexOf(single) + 1;
const right = single.choices.find((c) => c.correct)!;
const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1', 'sec-fetch-site': 'same-origin' };

const copyOf = async (path: string) => (await (await request(path)).json()) as { seed: string; questions: LearnerQuestion[] };
/** The values of the radio buttons of question `qid` on a page. */
const radios = (html: string, qid: string) => [...html.matchAll(new RegExp(`name="r\\.${qid}" value="([^"]+)"`, 'g'))].map((m) => m[1]!);
const page = async (path: string) => {
  const res = await request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
/** The learner's stored attempts (the export). */
const exported = async (cookie: string) =>
  ((await (await request('/api/progress/export', { headers: { cookie: `learner=${cookie}` } })).json()) as any).attempts as Array<{
    quizId: string;
    questions: Array<{ id: string; score: number }>;
  }>;
const scoreOf = async (cookie: string, quizId: string, qid: string) =>
  (await exported(cookie)).find((a) => a.quizId === quizId)!.questions.find((q) => q.id === qid)!.score;

describe('the lesson quiz page', () => {
  it('shows the ids of the attempt in its link, the same as the API gives for that seed, and others for another seed', async () => {
    const html = await page(`/en/lessons/china/quiz?attempt=abcd1234&ql=de&n=${n}`);
    const api = await copyOf('/api/quizzes/china?lang=de&seed=abcd1234');
    const shown = radios(html, single.id);
    expect(shown).toHaveLength(single.choices.length);
    expect(shown).toEqual((api.questions.find((q) => q.id === single.id) as { choices: Array<{ id: string }> }).choices.map((c) => c.id));
    const other = radios(await page(`/en/lessons/china/quiz?attempt=efgh5678&ql=de&n=${n}`), single.id);
    for (const id of other) expect(shown).not.toContain(id);
    // The language links keep the attempt, so switching language keeps the ids.
    expect(radios(await page(`/en/lessons/china/quiz?attempt=abcd1234&ql=en&n=${n}`), single.id).sort()).toEqual([...shown].sort());
  });

  it('grades a plain form post and the finished run with the ids of its attempt', async () => {
    const copy = await copyOf('/api/quizzes/china?lang=de&seed=abcd1234');
    const id = idOfText(
      copy.questions.find((q) => q.id === single.id)!,
      right.text.de!,
    );
    const checked = await page(`/en/lessons/china/quiz?attempt=abcd1234&ql=de&n=${n}&r.${single.id}=${id}&r.${single.id}.sent=1`);
    expect(checked).toContain('checked');
    const finish = (attempt: string) =>
      request('/en/lessons/china/quiz/results', {
        method: 'POST',
        headers: form,
        body: new URLSearchParams({ attempt, ql: 'de', a: encodeAnswers({ [single.id]: { choice: id } }) }).toString(),
      });
    const res = await finish('abcd1234');
    expect(res.status).toBe(200);
    expect(await scoreOf(cookieOf(res)!, 'china', single.id)).toBe(1);
    // The same ids under another attempt name nothing: the answer is dropped, not read as another choice.
    const other = await finish('efgh5678');
    expect(other.status).toBe(200);
    expect(await scoreOf(cookieOf(other)!, 'china', single.id)).toBe(0);
  });
});

describe('the final test page', () => {
  it('shows the ids of its attempt and grades the handed-in form with them', async () => {
    const html = await page('/en/test?attempt=abcd1234&ql=de');
    const api = await copyOf('/api/quizzes/final?lang=de&seed=abcd1234');
    const q = api.questions.find((x) => x.type === 'single') as Extract<LearnerQuestion, { type: 'single' }>;
    expect(radios(html, q.id)).toEqual(q.choices.map((c) => c.id));
    const key = Object.values(content.questions)
      .flat()
      .find((x) => x.id === q.id) as Extract<Question, { type: 'single' }>;
    const choice = idOfText(q, key.choices.find((c) => c.correct)!.text.de!);
    const res = await request('/en/test', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ attempt: 'abcd1234', ql: 'de', confirm: '1', [`r.${q.id}`]: choice }).toString(),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await scoreOf(cookieOf(res)!, 'final', q.id)).toBe(1);
  });
});

describe('the results ledger', () => {
  it('keeps responses in authoring keys, so one choice counts together across attempts with other ids', async () => {
    const rowOf = async () => {
      const res = await request('/api/results/china?attempts=all', { headers: auth });
      expect(res.status).toBe(200);
      const report = (await res.json()) as any;
      const q = report.questions.find((x: any) => x.id === single.id);
      return (q?.responses ?? []).find((r: any) => r.text === right.text.de)?.count ?? 0;
    };
    const before = await rowOf();
    for (const seed of ['seed0001', 'seed0002']) {
      const copy = await copyOf(`/api/quizzes/china?lang=de&seed=${seed}`);
      const choice = idOfText(
        copy.questions.find((q) => q.id === single.id)!,
        right.text.de!,
      );
      const res = await request('/api/quizzes/china/attempts', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ responses: { [single.id]: { choice } }, seed, lang: 'de' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const rows = await rowsIn('china', cookieOf(res)!);
      const stored = rows.at(-1)!.questions.find((q: any) => q.id === single.id) as { response: unknown };
      const response = typeof stored.response === 'string' ? JSON.parse(stored.response) : stored.response;
      expect(response).toEqual({ choice: right.id });
    }
    expect(await rowOf()).toBe(before + 2);
  });
});
