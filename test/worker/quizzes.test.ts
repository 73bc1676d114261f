import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { isSimpleGap, type Question } from '../../core/quiz/schema.ts';
import { request, visibleText } from './helpers.ts';
import { keyedFor } from './public-ids-helpers.ts';

const content = (bundle as any).content as { lessons: Array<{ id: string }>; questions: Record<string, Question[]> };
const lessonIds = content.lessons.map((l) => l.id);
const allQuestions = Object.values(content.questions).flat();
const byId = new Map(allQuestions.map((q) => [q.id, q]));
const LANGS = ['de', 'en'];

const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as any;
  expect(Object.keys(body)).toEqual(['error']);
  if (code) expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error;
}

// Field names that carry a key, and the texts that must stay hidden until a question is answered.
const KEY_FIELDS = new Set([
  'correct',
  'weight',
  'weights',
  'answers',
  'answer',
  'accepted',
  'feedback',
  'solution',
  'solutionText',
  'explanation',
  'sources',
  'tolerance',
  'min',
  'max',
  'caseSensitive',
  'typoTolerance',
  'pairs',
  'gaps',
]);

function hiddenTexts(q: Question, lang: string): string[] {
  const out = q.explanation ? [q.explanation[lang]!] : [];
  switch (q.type) {
    case 'single':
    case 'multiple':
      for (const c of q.choices) if (c.feedback) out.push(c.feedback[lang]!);
      break;
    case 'truefalse':
      if (q.feedback?.right) out.push(q.feedback.right[lang]!);
      if (q.feedback?.wrong) out.push(q.feedback.wrong[lang]!);
      break;
    case 'short':
      out.push(...q.answers[lang]!.map((a) => a.text));
      break;
    case 'cloze':
      for (const g of q.gaps) {
        if (isSimpleGap(g)) {
          if (!g.options) out.push(...g.answers[lang]!);
        } else if (g.kind === 'typed') out.push(...g.answers[lang]!.flatMap((a) => [a.text, ...(a.feedback ? [a.feedback] : [])]));
        else if (g.kind === 'numerical') out.push(...g.answers.flatMap((a) => (a.feedback ? [a.feedback[lang]!] : [])));
        else out.push(...g.choices.flatMap((c) => (c.feedback ? [c.feedback[lang]!] : [])));
      }
      break;
    default:
  }
  return out;
}

function walkKeys(value: unknown, path: string, found: string[]) {
  if (Array.isArray(value)) value.forEach((v, i) => walkKeys(v, `${path}[${i}]`, found));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (path === '' && k === 'labels') continue; // translated UI strings ("Correct", "Solution"), not keys
      if (KEY_FIELDS.has(k)) found.push(`${path}.${k}`);
      walkKeys(v, `${path}.${k}`, found);
    }
}

/** Fails on any key field, and on any keyed text that is present but not visible on screen. */
function expectNoKey(payload: unknown, questionIds: string[], lang: string, visible: string, where: string) {
  const found: string[] = [];
  walkKeys(payload, '', found);
  expect(found, where).toEqual([]);
  const raw = JSON.stringify(payload);
  for (const id of questionIds)
    for (const text of hiddenTexts(byId.get(id)!, lang))
      if (raw.includes(JSON.stringify(text).slice(1, -1)))
        expect(visible, `${where}: "${text}" (${id}) is in the payload but not on screen`).toContain(text);
}

describe('GET /api/quizzes/:quizId (the learner copy)', () => {
  it('carries no answer key for any lesson or the final test, in either language', async () => {
    for (const quizId of [...lessonIds, 'final'])
      for (const lang of LANGS)
        for (const seed of ['seed1', 'other2']) {
          const res = await request(`/api/quizzes/${quizId}?lang=${lang}&seed=${seed}`);
          expect(res.status).toBe(200);
          const quiz = (await res.json()) as any;
          const ids = quiz.questions.map((q: any) => q.id);
          const visible = quiz.questions
            .flatMap((q: any) =>
              [q.prompt, ...(q.choices ?? []), ...(q.left ?? []), ...(q.right ?? []), ...(q.items ?? []), ...(q.parts ?? [])].map(
                (x: any) => (typeof x === 'string' ? x : (x.text ?? (x.options ?? []).join(' '))),
              ),
            )
            .join(' ');
          expectNoKey(quiz.questions, ids, lang, visible, `${quizId}/${lang}`);
        }
  });

  it('shows the same attempt for the same seed and shuffles anew for another', async () => {
    const get = async (seed: string) => (await (await request(`/api/quizzes/china?lang=de&seed=${seed}`)).json()) as any;
    const [a, b] = [await get('aaaa1'), await get('aaaa1')];
    expect(a).toEqual(b);
    const orders = new Set<string>();
    for (const seed of ['s1aa', 's2aa', 's3aa', 's4aa', 's5aa'])
      orders.add(JSON.stringify((await get(seed)).questions.map((q: any) => q.choices ?? q.items ?? q.right ?? [])));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('draws 20 final-test questions from every lesson, the same for the same seed', async () => {
    const get = async (seed: string) => (await (await request(`/api/quizzes/final?lang=en&seed=${seed}`)).json()) as any;
    const a = await get('finalseed');
    expect(a.questions).toHaveLength(20);
    const lessonsOf = a.questions.map((q: any) => q.id.split('-')[0]);
    for (const l of lessonIds) expect(lessonsOf.filter((x: string) => x === l).length, l).toBeGreaterThanOrEqual(3);
    expect((await get('finalseed')).questions.map((q: any) => q.id)).toEqual(a.questions.map((q: any) => q.id));
    expect((await get('another9')).questions.map((q: any) => q.id)).not.toEqual(a.questions.map((q: any) => q.id));
  });

  it('refuses unknown quizzes, languages and seeds with JSON 4xx', async () => {
    await expectError(await request('/api/quizzes/nope'), 404, 'not_found');
    await expectError(await request('/api/quizzes/china?lang=fr'), 400, 'invalid_request');
    await expectError(await request('/api/quizzes/china?seed=NOT%20OK'), 400, 'invalid_request');
  });
});

describe('quiz pages (HTML)', () => {
  it('carry no key in markup or island props, for every question of every lesson and the final test', async () => {
    const pages: Array<{ path: string; lang: string }> = [];
    for (const lessonId of lessonIds)
      for (const lang of LANGS)
        for (let n = 1; n <= content.questions[lessonId]!.length; n++)
          pages.push({ path: `/en/lessons/${lessonId}/quiz?attempt=seed1&ql=${lang}&n=${n}`, lang });
    for (const lang of LANGS) pages.push({ path: `/de/test?attempt=seed1&ql=${lang}`, lang });
    for (const { path, lang } of pages) {
      const res = await request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const props = [...html.matchAll(/data-props="([^"]*)"/g)].map((m) =>
        JSON.parse(
          m[1]!
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&#39;/g, "'"),
        ),
      );
      const found: string[] = [];
      for (const p of props) walkKeys({ ...p, labels: undefined, result: p.result ?? undefined, given: p.given ?? undefined }, '', found);
      expect(found, path).toEqual([]);
      const ids = [...new Set([...html.matchAll(/name="r\.([A-Za-z0-9_-]+?)(?:\.[^"]*)?"/g)].map((m) => m[1]!))];
      expect(ids.length, path).toBeGreaterThan(0);
      // Keyed texts: not in the island props (UI labels aside), and in the markup only where they are visible.
      const visible = visibleText(html);
      const markup = html.replace(/data-props="[^"]*"/g, '');
      const propsText = JSON.stringify(props.map((p) => ({ ...p, labels: undefined })));
      const word = (text: string) => new RegExp(`(?<![\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
      for (const id of ids)
        for (const text of hiddenTexts(byId.get(id)!, lang)) {
          if (word(text).test(propsText)) expect(visible, `${path}: "${text}" is in the island props`).toMatch(word(text));
          if (word(text).test(markup)) expect(visible, `${path}: "${text}" is in the markup`).toMatch(word(text));
        }
    }
  });
});

describe('POST /api/quizzes/:quizId/check', () => {
  it('grades the keyed answer of every question as right, with explanation, solution and source sentences', async () => {
    for (const lessonId of lessonIds)
      for (const q of content.questions[lessonId]!) {
        const body = (await (
          await post(`/api/quizzes/${lessonId}/check`, {
            questionId: q.id,
            response: await keyedFor(lessonId, 'practice', q, 'en'),
            lang: 'en',
          })
        ).json()) as any;
        // A writing task is kept for the instructor and never scored.
        expect(body.graded, q.id).toBe(q.type !== 'essay');
        expect(body.score, q.id).toBe(q.type === 'essay' ? 0 : 1);
        expect(body.correct).toBe(q.type !== 'essay');
        expect(body.explanation).toBe(q.explanation!.en);
        expect(body.sources.map((s: any) => s.id)).toEqual(q.sources);
        if (q.sources.length) expect(body.sources[0].text.de).toBeTruthy();
      }
  });

  it('says what was wrong: a typed answer with a typo is accepted and its spelling reported', async () => {
    // A meaning question (form questions get no typo tolerance) with a one-word answer long enough for it.
    const q = allQuestions.find(
      (x) =>
        x.type === 'short' &&
        (x as any).tests !== 'form' &&
        x.typoTolerance !== false &&
        x.answers.de!.some((a) => a.text.length >= 7 && !a.text.includes(' ')),
    )!;
    const word = (q as any).answers.de.find((a: any) => a.text.length >= 7 && !a.text.includes(' ')).text as string;
    const typo = word.slice(0, 4) + word[5] + word[4] + word.slice(6); // two letters swapped in the middle of the word
    const lesson = q.id.split('-')[0];
    const body = (await (
      await post(`/api/quizzes/${lesson}/check`, { questionId: q.id, response: { text: typo }, lang: 'de' })
    ).json()) as any;
    expect(body.items[0], `${q.id}: ${typo}`).toMatchObject({ kind: 'text', match: 'typo', expected: word });
    expect(body.score).toBeGreaterThan(0);
  });

  it('gives no solution of the final test before it is handed in: /check is refused, with or without the seed', async () => {
    const draw = (await (await request('/api/quizzes/final?lang=de&seed=abcd')).json()) as any;
    const q = byId.get(draw.questions[0].id)!;
    for (const extra of [{}, { seed: 'abcd', lang: 'de' }]) {
      const res = await post('/api/quizzes/final/check', {
        questionId: q.id,
        response: await keyedFor('final', 'abcd', q, 'de'),
        ...extra,
      });
      const text = await res.clone().text();
      await expectError(res, Object.keys(extra).length ? 403 : 422, Object.keys(extra).length ? 'test_not_checkable' : 'invalid_request');
      for (const leak of ['solution', 'explanation', 'items', 'score']) expect(text).not.toContain(`"${leak}"`);
    }
  });

  it('answers every malformed request with a 4xx JSON error, never a 5xx', async () => {
    const single = content.questions.china!.find((q) => q.type === 'single')!;
    await expectError(await post('/api/quizzes/china/check', '{"questionId": '), 400);
    await expectError(await post('/api/quizzes/china/check', 'questionId=x', { 'content-type': 'application/x-www-form-urlencoded' }), 422);
    await expectError(await post('/api/quizzes/china/check', []), 422, 'invalid_request');
    await expectError(await post('/api/quizzes/china/check', { questionId: 5, response: {} }), 422, 'invalid_request');
    await expectError(await post('/api/quizzes/china/check', { questionId: single.id, response: { choice: 5 } }), 422, 'invalid_response');
    await expectError(
      await post('/api/quizzes/china/check', { questionId: single.id, response: { choice: 'zzz' } }),
      422,
      'invalid_response',
    );
    await expectError(await post('/api/quizzes/china/check', { questionId: single.id }), 422, 'invalid_request');
    await expectError(
      await post('/api/quizzes/china/check', { questionId: single.id, response: { choice: 'a' }, extra: 1 }),
      422,
      'invalid_request',
    );
    await expectError(await post('/api/quizzes/china/check', { questionId: 'alliance-1', response: { choice: 'a' } }), 404, 'not_found');
    await expectError(await post('/api/quizzes/nope/check', { questionId: single.id, response: { choice: 'a' } }), 404, 'not_found');
    await expectError(
      await post('/api/quizzes/china/check', { questionId: single.id, response: { text: 'x'.repeat(40_000) } }),
      413,
      'too_large',
    );
    await expectError(
      await post('/api/quizzes/china/check', { questionId: single.id, response: { choice: 'a' }, lang: 'xx' }),
      422,
      'invalid_request',
    );
  });
});

describe('POST /api/quizzes/:quizId/attempts', () => {
  it('grades a whole attempt: score, max, per-question results, an attempt id', async () => {
    const qs = content.questions.balance!;
    const graded = qs.filter((q) => q.type !== 'essay');
    const responses = Object.fromEntries(
      await Promise.all(graded.slice(0, 3).map(async (q) => [q.id, await keyedFor('balance', 'abcd', q, 'de')])),
    );
    const res = await post('/api/quizzes/balance/attempts', { responses, lang: 'de', seed: 'abcd' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.attemptId).toMatch(/^[0-9a-z]{9}-[0-9a-f]{12}$/);
    expect(body).toMatchObject({ quizId: 'balance', score: 3, max: graded.length });
    expect(body.results).toHaveLength(3);
    expect(body.unanswered).toHaveLength(qs.length - 3);
    expect(body.version).toMatch(/^[0-9a-z]+$/);
  });

  it('refuses responses for questions outside the quiz, naming each, and grades nothing', async () => {
    const error = await expectError(
      await post('/api/quizzes/balance/attempts', { responses: { 'china-1': { choice: 'a' }, nope: {} } }),
      422,
      'invalid_response',
    );
    expect(error.details.map((d: any) => d.path).sort()).toEqual(['responses.china-1', 'responses.nope']);
  });

  it('answers malformed bodies with 4xx JSON', async () => {
    await expectError(await post('/api/quizzes/balance/attempts', 'nope'), 400);
    await expectError(await post('/api/quizzes/balance/attempts', { responses: [] }), 422);
    await expectError(await post('/api/quizzes/balance/attempts', { responses: 'x' }), 422);
    await expectError(await post('/api/quizzes/final/attempts', { responses: {} }), 422);
    await expectError(await post('/api/quizzes/balance/attempts', { responses: { x: 'y'.repeat(70_000) } }), 413);
  });
});
