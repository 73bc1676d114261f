import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocument } from '../../worker/routes/api/served-document.ts';
import { contractChecker } from './contract.ts';
import { request } from './helpers.ts';
import { auth, json, validSet } from './instructor-helpers.ts';
import { someResponse, type Copy } from './openapi-helpers.ts';

// Issue 22 item 5: (1) the contract check catches a body, status, code or media type the document does not
// promise; (2) the worker keeps the whole contract on every operation, success and errors alike. Every
// `request()` of the route tests is checked against the document (test/worker/helpers.ts); this sweep makes
// sure each operation is answered at least once, so no operation goes unchecked.

const url = (path: string) => `http://127.0.0.1${path}`;

describe('the contract check', () => {
  const check = contractChecker(apiDocument);
  const lessonRequest = new Request(url('/api/lessons/china'));
  let lesson: { lesson: Record<string, unknown> };
  beforeAll(async () => {
    lesson = (await (await request('/api/lessons/china')).json()) as typeof lesson;
  });
  const answer = (body: unknown, status = 200, type = 'application/json') =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });

  it('passes the real answer', async () => {
    expect(await check.check(lessonRequest, answer(lesson))).toEqual([]);
  });

  it('catches a body that lacks a field, has one more, or has one of another type', async () => {
    const { glossary: _gone, ...lacking } = lesson.lesson;
    for (const wrong of [
      { lesson: lacking },
      { lesson: { ...lesson.lesson, key: 'a' } },
      { lesson: { ...lesson.lesson, paragraph: '2' } },
    ]) {
      const problems = await check.check(lessonRequest, answer(wrong));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/does not fit its schema/);
    }
  });

  it('catches a status the operation does not list, an error code its status does not carry, and a wrong media type', async () => {
    expect(await check.check(lessonRequest, answer(lesson, 201))).toEqual([expect.stringMatching(/201 is not a status/)]);
    expect(
      await check.check(new Request(url('/api/health')), answer({ error: { code: 'not_found', message: '', details: [] } }, 404)),
    ).toEqual([expect.stringMatching(/404 is not a status/)]);
    const wrongCode = { error: { code: 'invalid_request', message: 'x', details: [] } };
    expect(await check.check(new Request(url('/api/lessons/nope')), answer(wrongCode, 404))).toEqual([
      expect.stringMatching(/does not fit/),
    ]);
    expect(await check.check(lessonRequest, answer(JSON.stringify(lesson), 200, 'text/plain'))).toEqual([
      expect.stringMatching(/text\/plain is not one of application\/json/),
    ]);
  });

  it('catches an answer to a request no operation describes that is not the API’s 404', async () => {
    expect(await check.check(new Request(url('/api/nope')), answer({ ok: true }))).toEqual([expect.stringMatching(/no operation/)]);
    expect(await check.check(new Request(url('/api/nope')), await request('/api/nope'))).toEqual([]);
  });
});

describe('the worker against the whole contract', () => {
  const checker = contractChecker(apiDocument);
  const answered = new Set<string>();
  /** A request to the worker (its answer checked against the contract by `request`), counted when it succeeds. */
  async function send(path: string, init: RequestInit = {}) {
    const res = await request(path, init);
    const template = checker.templateOf(init.method ?? 'GET', new URL(url(path)).pathname);
    if (res.ok && template) answered.add(`${init.method ?? 'GET'} ${template}`);
    return res;
  }
  const sendJson = (path: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(path, { method, headers: { ...json, ...headers }, body: JSON.stringify(body) });

  it('keeps it on every operation, for learners and instructors, success and error alike', async () => {
    for (const path of ['/api/health', '/api/openapi.json', '/api/docs']) await send(path);
    for (const q of ['', '?lang=de', '?lang=xx']) await send(`/api/lessons${q}`);
    for (const path of [
      '/api/lessons/china?lang=en',
      '/api/lessons/nope',
      '/api/quizzes/final?seed=abcd1234',
      '/api/quizzes/nope',
      '/api/quizzes/china?seed=BAD',
    ])
      await send(path);
    const quiz = (await (await send('/api/quizzes/china?seed=abcd1234')).json()) as { questions: Copy[] };
    for (const q of quiz.questions)
      await sendJson('/api/quizzes/china/check', 'POST', { questionId: q.id, response: someResponse(q), seed: 'abcd1234' });
    await sendJson('/api/quizzes/china/check', 'POST', { questionId: 'nope', response: {} });
    await send('/api/quizzes/china/check', { method: 'POST', headers: json, body: '{"questionId":' });
    await sendJson('/api/quizzes/china/check', 'POST', { questionId: quiz.questions[0]!.id, response: { nope: 1 } });
    await sendJson('/api/quizzes/final/check', 'POST', { questionId: 'x', response: {}, seed: 'abcd1234' });
    const responses = Object.fromEntries(quiz.questions.map((q) => [q.id, someResponse(q)]));
    const submitted = await sendJson('/api/quizzes/china/attempts', 'POST', { responses, seed: 'abcd1234' });
    const cookie = submitted.headers.get('set-cookie')!.split(';')[0]!;
    const as = { cookie };
    await sendJson(
      '/api/quizzes/china/attempts',
      'POST',
      { responses, seed: 'abcd1234' },
      { ...as, 'idempotency-key': 'key-0123456789abcdef' },
    );
    await sendJson('/api/quizzes/china/attempts', 'POST', { responses, seed: 'abcd1234' }, { ...as, 'idempotency-key': 'short' });

    await sendJson('/api/review/cards', 'POST', { lesson: 'china' }, as);
    await sendJson('/api/review/cards', 'POST', { glossary: 'nope' }, as);
    await sendJson('/api/review/cards', 'POST', { both: 1 }, as);
    await sendJson('/api/review/cards', 'POST', { lesson: 'china' }, { ...as, 'sec-fetch-site': 'cross-site' });
    const review = (await (await send('/api/review?lang=en', { headers: as })).json()) as { cards: Copy[] };
    // One card of each kind and question type: word cards (with their sentence) and missed questions.
    const kinds = new Map(review.cards.map((card) => [`${card.kind}:${card.type}`, card]));
    for (const card of kinds.values()) await sendJson(`/api/review/${card.id}/answer`, 'POST', { response: someResponse(card) }, as);
    await sendJson('/api/review/w.nope.r/answer', 'POST', { response: { text: 'x' } }, as);
    for (const path of ['/api/progress', '/api/progress?x=1', '/api/progress/export']) await send(path, { headers: as });
    await send('/api/progress', { method: 'PUT', headers: as });

    const created = (await (await sendJson('/api/question-sets', 'POST', validSet(), auth)).json()) as { id: string };
    const set = `/api/question-sets/${created.id}`;
    const gift = await send('/api/question-sets?format=gift&lang=de&title=Nur%20Deutsch', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: '::a:: Wer? {=China ~Japan}\n\n::b:: Wahr? {T}',
    });
    const germanOnly = `/api/question-sets/${((await gift.json()) as { id: string }).id}`;
    await send('/api/question-sets', { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: '<x/>' });
    await sendJson('/api/question-sets', 'POST', { languages: ['de'] }, auth);
    await send('/api/question-sets');
    for (const path of ['/api/question-sets', set, germanOnly, '/api/question-sets/s-nope00000']) await send(path, { headers: auth });
    await sendJson(set, 'PUT', validSet('Neu'), auth);
    for (const path of [`${set}/publish`, `${germanOnly}/publish`, `${germanOnly}/unpublish`])
      await send(path, { method: 'POST', headers: auth });
    for (const format of ['gift', 'cloze', 'json', 'xml']) await send(`${set}/export?format=${format}`, { headers: auth });
    await sendJson(`/api/quizzes/${created.id}/attempts`, 'POST', { responses: { q2: { value: true } } }, as);
    for (const q of ['', '.csv', '.csv?table=scores', '?attempts=bad', '?lang=fr'])
      await send(`/api/results/${created.id}${q}`, { headers: auth });
    await send('/api/results/nope', { headers: auth });
    const platform = {
      issuer: 'https://lms.example',
      clientId: 'tool-1',
      deploymentIds: ['d1'],
      authUrl: 'https://lms.example/auth',
      tokenUrl: 'https://lms.example/token',
      jwksUrl: 'https://lms.example/jwks',
    };
    await sendJson('/api/lti/platforms', 'POST', platform, auth);
    await sendJson('/api/lti/platforms', 'POST', { issuer: 'x' }, auth);
    await send('/api/lti/platforms', { headers: auth });
    await send('/api/lti/platforms');
    await send('/api/lti/platforms?issuer=https%3A%2F%2Flms.example&clientId=tool-1', { method: 'DELETE', headers: auth });
    await send(germanOnly, { method: 'DELETE', headers: auth });
    await send('/api/progress', { method: 'DELETE', headers: as });
    await send('/api/nope');

    const operations = Object.entries(apiDocument.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.filter((o) => !answered.has(o)).sort()).toEqual([]);
  });
});
