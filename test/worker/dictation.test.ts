// Issue 18, item 3: the dictation through the real worker: its learner copy, /check and a graded attempt (each
// answer held to the API document by request()), the practice page without JavaScript, review of a missed
// dictation, an instructor's JSON set under both grading rules, and the GIFT export that leaves it out.
import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import type { Question } from '../../core/quiz/schema.ts';
import { request, visibleText } from './helpers.ts';
import { auth, json, t } from './instructor-helpers.ts';

const content = (bundle as any).content;
const dictationOf = (lesson: string) =>
  (content.questions[lesson] as Question[]).find((q) => q.type === 'dictation')! as Question & { text: string };
const P2S1 = content.article.sentences.find((s: any) => s.id === 'p2s1').text.de as string;
const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

const check = (quizId: string, body: unknown) =>
  request(`/api/quizzes/${quizId}/check`, { method: 'POST', headers: json, body: JSON.stringify(body) });

describe('a dictation in the quiz API', () => {
  it('gives the learner the German sentence to speak and nothing else, in either quiz language', async () => {
    for (const lang of ['en', 'de']) {
      const copy = (await (await request(`/api/quizzes/china?lang=${lang}`)).json()) as any;
      const d = copy.questions.find((q: any) => q.type === 'dictation');
      expect(Object.keys(d).sort()).toEqual(['dictate', 'id', 'prompt', 'type']);
      expect(d.dictate).toBe(P2S1);
      expect(d.prompt).toBe(
        lang === 'de'
          ? 'Hören Sie Satz 1 aus Absatz 2 und schreiben Sie ihn auf.'
          : 'Listen to sentence 1 of paragraph 2 and write it down in German.',
      );
    }
  });

  it('checks a written sentence word by word: a typo, a wrong ending, a missing word', async () => {
    const q = dictationOf('china');
    const written = P2S1.replace('Bedeutung', 'Bedeutnug').replace('zahlreiche', 'zahlreichen').replace(' moderne', '');
    const res = await check('china', { questionId: q.id, response: { text: written }, seed: 'practice', lang: 'en' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.type).toBe('dictation');
    const words = body.items[0].words as any[];
    expect(body.items[0]).toMatchObject({ kind: 'dictation', given: written, expected: P2S1 });
    // The built-in dictations test form: a typo and a wrong ending are named, and earn nothing.
    expect(words.find((w) => w.expected === 'Bedeutung')).toMatchObject({
      status: 'misspelt',
      given: 'Bedeutnug',
      match: 'typo',
      credit: 0,
    });
    expect(words.find((w) => w.expected === 'zahlreiche')).toMatchObject({ status: 'ending', given: 'zahlreichen', ending: 'e' });
    expect(words.find((w) => w.expected === 'moderne')).toEqual({ status: 'missing', expected: 'moderne', credit: 0 });
    expect(body.score).toBeCloseTo(13 / 16, 3);
    expect(body.solution).toEqual({ text: P2S1 });
    expect(body.solutionText).toBe(P2S1);
    expect(body.sources[0]).toMatchObject({ id: 'p2s1' });
  });

  it('scores the sentence as heard 1, and a blank text 0 and unanswered', async () => {
    const q = dictationOf('china');
    const right = (await (
      await check('china', { questionId: q.id, response: { text: P2S1.toLowerCase().replace(/\./, '') }, lang: 'de' })
    ).json()) as any;
    expect(right.score).toBeLessThan(1); // the nouns' capitals count
    const exact = (await (await check('china', { questionId: q.id, response: { text: P2S1 }, lang: 'de' })).json()) as any;
    expect(exact).toMatchObject({ score: 1, correct: true, answered: true });
    const blank = (await (await check('china', { questionId: q.id, response: { text: '  ' }, lang: 'de' })).json()) as any;
    expect(blank).toMatchObject({ score: 0, answered: false });
  });

  it('answers a malformed dictation response with a 4xx JSON error, never a 5xx', async () => {
    const q = dictationOf('china');
    for (const response of [{ text: 42 }, { text: 'x'.repeat(1001) }, { choice: 'a' }, { text: 'ok', extra: 1 }]) {
      const res = await check('china', { questionId: q.id, response, lang: 'de' });
      expect(res.status, JSON.stringify(response)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(((await res.json()) as any).error.code).toBeTruthy();
    }
  });

  it('grades a dictation in a stored attempt, and a missed one comes back in review', async () => {
    const q = dictationOf('cooperation');
    const submit = await request('/api/quizzes/cooperation/attempts', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ responses: { [q.id]: { text: 'Durch den Austausch von Technologien' } }, lang: 'de' }),
    });
    expect(submit.status).toBe(201);
    const result = ((await submit.json()) as any).results.find((r: any) => r.questionId === q.id);
    expect(result.score).toBeCloseTo(5 / 16, 3);
    expect(result.items[0].words.filter((w: any) => w.status === 'missing')).toHaveLength(11);

    const cookie = cookieOf(submit)!;
    const answer = await request(`/api/review/q.${q.id}/answer`, {
      method: 'POST',
      headers: { ...json, cookie: `learner=${cookie}` },
      body: JSON.stringify({ response: { text: q.text } }),
    });
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await answer.json()).toMatchObject({ cardId: `q.${q.id}`, score: 1, correct: true, solution: { text: q.text } });
  });

  it('is never drawn by the final test', async () => {
    for (const seed of ['dict0001', 'dict0002', 'dict0003', 'dict0004']) {
      const copy = (await (await request(`/api/quizzes/final?lang=en&seed=${seed}`)).json()) as any;
      expect(copy.questions.length).toBeGreaterThan(0);
      expect(
        copy.questions.some((q: any) => q.type === 'dictation'),
        seed,
      ).toBe(false);
    }
  });
});

describe('a dictation on the practice page', () => {
  /** The practice page of a lesson's dictation, with a query added. */
  async function page(ui: string, lesson: string, query = '') {
    const copy = (await (await request(`/api/quizzes/${lesson}?lang=de`)).json()) as any;
    const n = copy.questions.findIndex((q: any) => q.type === 'dictation') + 1;
    const res = await request(`/${ui}/lessons/${lesson}/quiz?attempt=dict1234&ql=de&n=${n}${query}`);
    expect(res.status).toBe(200);
    return res.text();
  }

  it('renders the sentence behind a button, in the UI language, and a German text field without the phone helpers', async () => {
    const id = dictationOf('china').id;
    for (const [ui, show] of [
      ['en', 'Show the sentence'],
      ['de', 'Satz anzeigen'],
    ] as const) {
      const html = await page(ui, 'china');
      expect(html).toMatch(
        new RegExp(`<details class="dictation-text"><summary lang="${ui}">${show}</summary><p lang="de">${P2S1}</p></details>`),
      );
      const field = new RegExp(`<textarea[^>]*name="r\\.${id}"[^>]*>`).exec(html)?.[0] ?? '';
      for (const attr of ['lang="de"', 'autocapitalize="off"', 'autocorrect="off"', 'spellcheck="false"', 'autocomplete="off"'])
        expect(field, attr).toContain(attr);
      expect(html).toMatch(new RegExp(`<label for="f-${id}-dictation" lang="${ui}">`));
    }
  });

  it('grades a plain form post without JavaScript and shows every word with its class in words', async () => {
    const id = dictationOf('china').id;
    const written = P2S1.replace('entscheidende', 'entscheidente').replace('Smartphones, ', '');
    const html = await page('en', 'china', `&r.${id}.sent=1&r.${id}=${encodeURIComponent(written)}`);
    const text = visibleText(html);
    expect(text).toContain('14 of 16 words right');
    expect(text).toContain('misspelt: entscheidente, should be → entscheidende Bedeutung');
    expect(text).toMatch(/missing: Smartphones/);
    expect(html).toMatch(/<ol class="dictation-words" lang="de">/);
  });

  it('says the words in German on a German page', async () => {
    const id = dictationOf('china').id;
    const html = await page('de', 'china', `&r.${id}.sent=1&r.${id}=${encodeURIComponent('Seltene Erden haben')}`);
    const text = visibleText(html);
    expect(text).toContain('3 von 16 Wörtern richtig');
    expect(text).toContain('fehlt: entscheidende');
  });
});

describe('a dictation in an instructor set', () => {
  const TEXT = 'Die Allianz zwischen den USA und Japan ist stark.';
  const setWith = (grading?: 'moodle' | 'german') => ({
    title: t('Diktat', 'Dictation'),
    languages: ['de', 'en'],
    ...(grading ? { grading } : {}),
    questions: [
      { id: 'd1', type: 'dictation', prompt: t('Hören und schreiben Sie.', 'Listen and write.'), text: TEXT },
      { id: 'q2', type: 'truefalse', prompt: t('Japan ist Partner der USA.', 'Japan is a partner of the US.'), answer: true },
    ],
  });
  async function published(body: unknown) {
    const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    return id;
  }

  it("imports from JSON, plays for learners, and is graded by the set's rule", async () => {
    const written = 'Die Allianz zwischen den USA und Japan ist starke.';
    const scores: Record<string, number> = {};
    for (const grading of ['german', 'moodle'] as const) {
      const id = await published(setWith(grading));
      const copy = (await (await request(`/api/quizzes/${id}?lang=en`)).json()) as any;
      expect(copy.questions[0]).toEqual({ id: 'd1', prompt: 'Listen and write.', type: 'dictation', dictate: TEXT });
      const res = await check(id, { questionId: 'd1', response: { text: written }, seed: copy.seed, lang: 'en' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body.items[0].words.find((w: any) => w.expected === 'stark')).toMatchObject({ status: 'ending' });
      scores[grading] = body.score;
    }
    expect(scores.german).toBeCloseTo(8.5 / 9, 3);
    expect(scores.moodle).toBeCloseTo(8 / 9, 3);
  });

  it('refuses a dictation without its text, naming the path', async () => {
    const body = setWith();
    delete (body.questions[0] as any).text;
    const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(body) });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('questions[0].text');
  });

  it('is left out of a GIFT export, which says so, and kept by the JSON export', async () => {
    const id = await published(setWith());
    const gift = await (await request(`/api/question-sets/${id}/export?format=gift`, { headers: auth })).text();
    expect(gift).toContain('// not exportable to GIFT: question d1 (dictation): GIFT has no dictation questions (JSON keeps them)');
    expect(gift).not.toContain(TEXT);
    const exported = (await (await request(`/api/question-sets/${id}/export?format=json`, { headers: auth })).json()) as any;
    expect(exported.questions[0]).toMatchObject({ id: 'd1', type: 'dictation', text: TEXT });
  });
});
