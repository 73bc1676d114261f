import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';
import { auth, json, t } from './instructor-helpers.ts';

const resultSet = {
  title: t('Ergebnisse', 'Results'),
  languages: ['de', 'en'],
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: t('Wer ist der größte Produzent?', 'Who is the largest producer?'),
      choices: [
        { id: 'a', text: t('China', 'China'), correct: true },
        { id: 'b', text: t('Japan', 'Japan') },
        { id: 'c', text: t('Peru', 'Peru') }, // a distractor nobody chooses
      ],
    },
    { id: 'q2', type: 'truefalse', prompt: t('Japan ist Partner der USA.', 'Japan is a partner of the US.'), answer: true },
    {
      id: 'q3',
      type: 'short',
      prompt: t('Hauptstadt Chinas?', 'Capital of China?'),
      answers: { de: [{ text: 'Peking', weight: 1 }], en: [{ text: 'Beijing', weight: 1 }] },
    },
  ],
};

async function publishedSet() {
  const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(resultSet) });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  return id;
}

/** Submits as a learner (by cookie); answers the learner's cookie and the per-question scores of the attempt. */
async function submit(quizId: string, responses: Record<string, unknown>, cookie?: string, extra: Record<string, unknown> = {}) {
  const res = await request(`/api/quizzes/${quizId}/attempts`, {
    method: 'POST',
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ responses, lang: 'de', ...extra }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { results: Array<{ questionId: string; score: number }> };
  const setCookie = res.headers.get('set-cookie');
  return {
    cookie: cookie ?? setCookie!.split(';')[0]!,
    scores: Object.fromEntries(body.results.map((r) => [r.questionId, r.score])),
  };
}

/** Textbook statistics, written out here so the expected figures do not come from the code under test. */
const textbook = {
  mean: (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length,
  sd(xs: number[]) {
    const m = textbook.mean(xs);
    return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  },
  r(xs: number[], ys: number[]) {
    const mx = textbook.mean(xs);
    const my = textbook.mean(ys);
    const cov = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / (xs.length - 1);
    return cov / (textbook.sd(xs) * textbook.sd(ys));
  },
};

const report = async (path: string) => {
  const res = await request(`/api/results/${path}`, { headers: auth });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
};

describe('GET /api/results/:quizId', () => {
  it('reports 30 learners first and 40 attempts all, at once, with facilities worked by hand and figures as the textbook formulas give them', async () => {
    const id = await publishedSet();
    const copy = (await (await request(`/api/quizzes/${id}?lang=de&seed=practice`)).json()) as any;
    const choice = (text: string) => copy.questions[0].choices.find((c: any) => c.text === text).id;
    const chosen = { China: 0, Japan: 0, Peru: 0 } as Record<string, number>;
    const firsts: Array<Record<string, number>> = [];
    const all: Array<Record<string, number>> = [];
    const cookies: string[] = [];
    for (let i = 0; i < 30; i++) {
      const pick = i % 3 === 0 ? 'Japan' : 'China';
      chosen[pick]!++;
      const responses = { q1: { choice: choice(pick) }, q2: { value: i % 4 !== 0 }, q3: { text: i % 5 === 0 ? 'Beijing' : 'Peking' } };
      const { cookie, scores } = await submit(id, responses);
      cookies.push(cookie);
      firsts.push(scores);
      all.push(scores);
    }
    for (let i = 0; i < 10; i++) {
      chosen.China!++;
      const { scores } = await submit(id, { q1: { choice: choice('China') }, q2: { value: true }, q3: { text: 'Peking' } }, cookies[i]);
      all.push(scores);
    }

    const first = (await (await report(id)).json()) as any;
    const every = (await (await report(`${id}?attempts=all`)).json()) as any;
    expect(first.attempts).toBe(30);
    expect(every.attempts).toBe(40);
    expect(Object.keys(first).sort()).toEqual(['attempts', 'questions', 'quizId', 'test', 'version']);

    // Facilities worked by hand: 20 of 30 chose China, 22 of 30 said true, 24 of 30 typed Peking; the ten
    // second attempts are all right.
    const facility = (body: any, id: string) => body.questions.find((x: any) => x.id === id).facility;
    expect([facility(first, 'q1'), facility(first, 'q2'), facility(first, 'q3')]).toEqual([0.6667, 0.7333, 0.8]);
    expect([facility(every, 'q1'), facility(every, 'q2'), facility(every, 'q3')]).toEqual([0.75, 0.8, 0.85]);
    // The other figures against the textbook formulas (sample SD, Pearson r of a mark with the rest of the
    // test), written out here independently of core/stats.
    for (const [body, rows] of [
      [first, firsts],
      [every, all],
    ] as const) {
      const fractions = rows.map((r) => (r.q1! + r.q2! + r.q3!) / 3);
      expect(body.test.mean).toBeCloseTo(textbook.mean(fractions), 4);
      expect(body.test.sd).toBeCloseTo(textbook.sd(fractions), 4);
      for (const id of ['q1', 'q2', 'q3']) {
        const marks = rows.map((r) => r[id]!);
        const rests = rows.map((r) => r.q1! + r.q2! + r.q3! - r[id]!);
        const q = body.questions.find((x: any) => x.id === id);
        expect(q.n).toBe(rows.length);
        expect(q.sd).toBeCloseTo(textbook.sd(marks), 4);
        expect(q.discriminationIndex).toBeCloseTo(textbook.r(marks, rests), 4);
      }
    }

    const q1 = every.questions.find((q: any) => q.id === 'q1');
    expect(q1).toMatchObject({ type: 'single', prompt: 'Wer ist der größte Produzent?', n: 40 });
    expect(q1.responses).toEqual([
      { text: 'China', count: chosen.China, score: 1 },
      { text: 'Japan', count: chosen.Japan, score: 0 },
      { text: 'Peru', count: 0, score: 0 },
    ]);
    const q3 = first.questions.find((q: any) => q.id === 'q3');
    expect(q3.responses).toEqual([
      { text: 'Peking', count: 24, score: 1 },
      { text: 'Beijing', count: 6, score: 0 },
    ]);

    // No learner id anywhere: not the cookie's id, not its signature.
    const text = JSON.stringify(every);
    for (const cookie of cookies) {
      const value = decodeURIComponent(cookie.split('=')[1]!);
      for (const part of value.split('.')) expect(text).not.toContain(part);
    }

    // CSV: the question figures and the score matrix (a row number per attempt).
    const qres = await report(`${id}.csv?table=questions`);
    expect(qres.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await qres.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for Excel
    const qcsv = new TextDecoder().decode(bytes); // drops the mark
    expect(qcsv.split('\r\n')[0]).toBe('question,type,prompt,n,facility,sd,discrimination_index,discriminative_efficiency');
    expect(qcsv).toContain('q1,single,Wer ist der größte Produzent?,30,');
    const scsv = (await (await report(`${id}.csv?table=scores&attempts=all`)).text()).trim().split('\r\n');
    expect(scsv[0]).toBe('attempt,q1,q2,q3');
    expect(scsv).toHaveLength(41);
    expect(scsv[1]).toBe(`1,${firsts[0]!.q1},${firsts[0]!.q2},${firsts[0]!.q3}`);
  });

  it('refuses without the instructor token, and answers 404 for an unknown quiz and 400 for a bad selection', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }] as Array<Record<string, string>>) {
      const res = await request('/api/results/china', {
        headers: { ...headers, 'cf-connecting-ip': `10.9.${Math.floor(Math.random() * 250)}.1` },
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).error.code).toBe('unauthorized');
    }
    expect((await request('/api/results/china.csv', { headers: { 'cf-connecting-ip': '10.9.9.9' } })).status).toBe(401);
    expect((await request('/api/results/nope', { headers: auth })).status).toBe(404);
    expect((await request('/api/results/s-unknown1', { headers: auth })).status).toBe(404);
    expect((await request('/api/results/china?attempts=some', { headers: auth })).status).toBe(400);
    expect((await request('/api/results/china?lang=fr', { headers: auth })).status).toBe(400);
  });

  it('has reports for built-in lesson quizzes and the final test (no alpha for its random draw)', async () => {
    const lesson = (await (await report('china')).json()) as any;
    expect(lesson.questions.length).toBeGreaterThanOrEqual(10);
    const before = lesson.attempts;
    const copy = (await (await request('/api/quizzes/china?lang=de&seed=practice')).json()) as any;
    const single = copy.questions.find((q: any) => q.type === 'single');
    await submit('china', { [single.id]: { choice: single.choices[0].id } });
    const after = (await (await report('china')).json()) as any;
    expect(after.attempts).toBe(before + 1);
    expect(after.questions.find((q: any) => q.id === single.id).responses.reduce((s: number, r: any) => s + r.count, 0)).toBe(1);

    const seed = 'resultsseed1';
    const finalCopy = (await (await request(`/api/quizzes/final?lang=de&seed=${seed}`)).json()) as any;
    const tf = finalCopy.questions.find((q: any) => q.type === 'truefalse') ?? finalCopy.questions[0];
    await submit('final', tf.type === 'truefalse' ? { [tf.id]: { value: true } } : {}, undefined, { seed });
    await submit('final', {}, undefined, { seed: 'resultsseed2' });
    const final = (await (await report('final?attempts=all')).json()) as any;
    expect(final.attempts).toBeGreaterThanOrEqual(2);
    expect(final.test.cronbachAlpha).toBeNull();
    expect(final.questions.length).toBeGreaterThanOrEqual(finalCopy.questions.length);
    expect(final.questions.every((q: any) => q.n >= 1)).toBe(true);
  });
});
