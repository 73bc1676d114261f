import { describe, expect, it } from 'vitest';
import { request, visibleText } from './helpers.ts';
import { auth, json, t, validSet } from './instructor-helpers.ts';

/** A published set, practice or test, created through the API like an instructor would. */
async function publishedSet(mode?: 'practice' | 'test', extra: Record<string, unknown> = {}) {
  const body = { ...validSet(mode === 'test' ? 'Klassenarbeit' : 'Übung'), ...(mode ? { mode } : {}), ...extra };
  const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  return id;
}

const check = (quizId: string, body: unknown) =>
  request(`/api/quizzes/${quizId}/check`, { method: 'POST', headers: json, body: JSON.stringify(body) });

/** The learner's copy and the id of the choice with this text in question q1. */
async function copyOf(id: string) {
  const copy = (await (await request(`/api/quizzes/${id}?lang=en`)).json()) as any;
  const china = copy.questions.find((q: any) => q.id === 'q1').choices.find((c: any) => c.text === 'China').id as string;
  return { seed: copy.seed as string, china };
}

describe('POST /api/quizzes/:quizId/check on a test', () => {
  it('refuses a set its instructor marked as a test (403, no solution), and still checks a practice set', async () => {
    const test = await publishedSet('test');
    const { seed, china } = await copyOf(test);
    const refused = await check(test, { questionId: 'q1', response: { choice: china }, seed, lang: 'en' });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as any;
    expect(body.error.code).toBe('test_not_checkable');
    expect(Object.keys(body)).toEqual(['error']);

    const practice = await publishedSet('practice');
    const p = await copyOf(practice);
    const checked = await check(practice, { questionId: 'q1', response: { choice: p.china }, seed: p.seed, lang: 'en' });
    expect(checked.status).toBe(200);
    expect(((await checked.json()) as any).score).toBe(1);
  });

  it('treats a set without a mode (stored before modes existed) as practice', async () => {
    const id = await publishedSet();
    const { seed, china } = await copyOf(id);
    expect((await check(id, { questionId: 'q1', response: { choice: china }, seed, lang: 'en' })).status).toBe(200);
  });

  it('still takes a whole attempt of a test set and grades it', async () => {
    const id = await publishedSet('test');
    const { seed, china } = await copyOf(id);
    const res = await request(`/api/quizzes/${id}/attempts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ responses: { q1: { choice: china }, q2: { value: true } }, seed, lang: 'en' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as any).score).toBe(2);
  });
});

describe('GET and POST /{lang}/sets/:setId for a test set', () => {
  it('shows every question in one form that hands in, with no check button and no solution, and grades on hand-in', async () => {
    const id = await publishedSet('test', {
      passages: [{ before: 'q2', text: t('Japan und die USA arbeiten zusammen.', 'Japan and the US work together.') }],
    });
    const first = await request(`/en/sets/${id}`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    // The questions come in the language being learned (German for an English UI).
    const page = await request(first.headers.get('location')!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`action="/en/sets/${id}/results"`);
    expect(html).not.toContain('data-island="PracticeQuestion"');
    const text = visibleText(html);
    expect(text).toContain('Klassenarbeit');
    expect(text).toContain('2 questions. You see the feedback after you hand in the test.');
    expect(text).toContain('Japan und die USA arbeiten zusammen.');
    expect(text).not.toMatch(/Check answer|Correct answer|Right answer/i);
    // Both questions are on the page.
    expect(html).toContain('Wer ist der größte Produzent?');
    expect(html).toContain('Japan ist Partner der USA.');

    // Hand in with one question open: asked once, then handed in anyway with the same form.
    const seed = /name="attempt" value="([a-z0-9]+)"/.exec(html)![1]!;
    const key = /name="idempotency-key" value="([^"]+)"/.exec(html)![1]!;
    const form = new URLSearchParams({
      attempt: seed,
      ql: 'en',
      'idempotency-key': key,
      'r.q2': 'true',
      'r.q1.sent': '1',
      'r.q2.sent': '1',
    });
    const asked = await request(`/en/sets/${id}/results`, { method: 'POST', body: form });
    expect(asked.status).toBe(200);
    expect(visibleText(await asked.text())).toContain('1 question is still open');
    form.set('confirm', '1');
    const results = await request(`/en/sets/${id}/results`, { method: 'POST', body: form });
    expect(results.status).toBe(200);
    expect(visibleText(await results.text())).toMatch(/1 of 2|1\/2|50 %/);
  });

  it('keeps the practice page of a practice set one question at a time with its check', async () => {
    const id = await publishedSet('practice');
    const page = await request(`/en/sets/${id}?attempt=abcd1234&ql=en&n=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-island="PracticeQuestion"');
  });
});

describe('a test set in one language only', () => {
  it('is one form to hand in from both UIs, refuses /check, and grades the hand-in', async () => {
    const english = {
      title: { en: 'Class test' },
      languages: ['en'],
      mode: 'test',
      questions: [{ id: 'q1', type: 'truefalse', prompt: { en: 'Japan is a partner of the US.' }, answer: true }],
    };
    const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(english) });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    for (const ui of ['en', 'de']) {
      const page = await request(`/${ui}/sets/${id}?attempt=engl1234`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`action="/${ui}/sets/${id}/results"`);
      expect(html).toContain('lang="en"');
      expect(html).not.toContain('data-island="PracticeQuestion"');
    }
    const copy = (await (await request(`/api/quizzes/${id}`)).json()) as { seed: string; lang: string };
    expect(copy.lang).toBe('en');
    expect((await check(id, { questionId: 'q1', response: { value: true }, seed: copy.seed })).status).toBe(403);
    const form = new URLSearchParams({ attempt: 'engl1234', ql: 'de', 'r.q1': 'true', 'r.q1.sent': '1' });
    const handedIn = await request(`/de/sets/${id}/results`, { method: 'POST', body: form });
    expect(handedIn.status).toBe(200);
    expect(visibleText(await handedIn.text())).toMatch(/1 von 1|100/);
  });
});
