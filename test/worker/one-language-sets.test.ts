import { describe, expect, it } from 'vitest';
import { keyedResponse } from '../../core/quiz/grade.ts';
import { idsFor } from './public-ids-helpers.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { decodeAnswers, encodeAnswers } from '../../web/quiz/form.ts';
import { request, visibleText } from './helpers.ts';

// A set in only some of the course languages (an EFL teacher's GIFT file is English only) must work in every
// flow: the API, the practice pages with answers carried in the link and by plain form, and the results.
const auth = { authorization: 'Bearer test-instructor-token-0123456789' };

const GIFT: Record<string, string> = {
  en: [
    '::q1:: The agreement is between the US and {=Japan ~China ~Korea}.',
    '::q2:: China controls the export of rare earths. {T}',
    '::q3:: Which country signed with the US? {=Japan =japan}',
    '::q4:: Match the words. {=agreement -> deal =supply -> delivery =rare -> scarce}',
    '::q5:: In which year ... ? {#2025:0}',
  ].join('\n\n'),
  de: [
    '::q1:: Die Vereinbarung ist zwischen den USA und {=Japan ~China ~Korea}.',
    '::q2:: China kontrolliert den Export seltener Erden. {T}',
    '::q3:: Welches Land hat mit den USA unterzeichnet? {=Japan}',
    '::q4:: Ordnen Sie zu. {=Vereinbarung -> Abkommen =Versorgung -> Lieferung =selten -> rar}',
    '::q5:: In welchem Jahr ...? {#2025:0}',
  ].join('\n\n'),
};

async function publishedSet(lang: string) {
  const created = await request(`/api/question-sets?format=gift&lang=${lang}&title=${lang.toUpperCase()}%20only`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: GIFT[lang],
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  const full = (await (await request(`/api/question-sets/${id}`, { headers: auth })).json()) as any;
  const questions: Question[] = full.set?.questions ?? full.questions;
  expect(questions.length).toBe(5);
  return { id, questions };
}

const formPost = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });

for (const lang of ['en', 'de']) {
  const other = lang === 'en' ? 'de' : 'en';
  describe(`a set only in "${lang}"`, () => {
    it('is played by the API in its language and refuses the other', async () => {
      const { id, questions } = await publishedSet(lang);
      const copy = (await (await request(`/api/quizzes/${id}?seed=abcd1234`)).json()) as any;
      expect(copy.lang).toBe(lang);
      expect((await request(`/api/quizzes/${id}?lang=${other}`)).status).toBe(422);
      const ids = await idsFor(id, 'abcd1234', questions);
      const responses = Object.fromEntries(questions.map((q) => [q.id, keyedResponse(q, lang, ids)]));
      const res = await request(`/api/quizzes/${id}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ responses, seed: 'abcd1234' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const body = (await res.json()) as any;
      expect([body.lang, body.score, body.max]).toEqual([lang, 5, 5]);
    });

    it('plays every practice question with the answers so far carried in the link, in either UI language', async () => {
      const { id, questions } = await publishedSet(lang);
      const ids = await idsFor(id, 'abcd1234', questions);
      for (const ui of ['en', 'de']) {
        for (let n = 1; n <= questions.length; n++) {
          const prior = Object.fromEntries(questions.slice(0, n - 1).map((q) => [q.id, keyedResponse(q, lang, ids)]));
          // The link names the other language on purpose: a set without it falls back to its own.
          const res = await request(`/${ui}/sets/${id}?attempt=abcd1234&ql=${other}&n=${n}&a=${encodeAnswers(prior as any)}`);
          expect(res.status, `${ui} question ${n}`).toBe(200);
          const html = await res.text();
          expect(html).toContain(`<fieldset lang="${lang}"`);
          // One language: no question-language switch, and every link of the run stays in the set's language.
          expect(html).not.toContain('class="ql-switch"');
          expect(html).toContain(`name="ql" value="${lang}"`);
          // The answers carried in the link are kept (graded in the set's language), not silently dropped.
          const carried = decodeAnswers(/name="a" value="([^"]*)"/.exec(html)![1]);
          expect(Object.keys(carried).sort(), `${ui} question ${n}`).toEqual(Object.keys(prior).sort());
        }
      }
    });

    it('grades a plain form answer on the page and hands in the whole run for its results', async () => {
      const { id, questions } = await publishedSet(lang);
      // Question 2 is true/false ("{T}"): a plain form post of "true" is graded right on the page.
      expect(questions[1]!.type).toBe('truefalse');
      const answered = await request(`/en/sets/${id}?attempt=abcd1234&ql=${lang}&n=2&r.q2=true`);
      expect(answered.status).toBe(200);
      expect(visibleText(await answered.text())).toMatch(/Correct/);

      const ids = await idsFor(id, 'abcd1234', questions);
      const all = Object.fromEntries(questions.map((q) => [q.id, keyedResponse(q, lang, ids)]));
      const results = await formPost(`/en/sets/${id}/results`, { attempt: 'abcd1234', ql: lang, a: encodeAnswers(all as any) });
      expect(results.status).toBe(200);
      expect(visibleText(await results.text())).toMatch(/\b5\b.*\b5\b/);
    });
  });
}

describe('the final test in each course language', () => {
  for (const ql of ['de', 'en'])
    it(`asks once before handing in open questions (${ql}), then stores the attempt`, async () => {
      const page = await request(`/en/test?attempt=finalab1&ql=${ql}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`lang="${ql}"`);
      const asked = await formPost('/en/test', { attempt: 'finalab1', ql });
      // A question to the learner, not an error: the same page again, nothing stored yet.
      expect(asked.status).toBe(200);
      expect(asked.headers.get('set-cookie') ?? '').not.toMatch(/learner=/);
      expect(await asked.text()).toContain('name="confirm"');
      const handedIn = await formPost('/en/test', { attempt: 'finalab1', ql, confirm: '1' });
      expect(handedIn.status).toBe(200);
      expect(handedIn.headers.get('set-cookie')).toMatch(/learner=/);
    });
});
