import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { prototypeApi, prototypeApp, prototypeDocument } from '../../worker/routes/api/openapi-prototype.ts';
import { contractDocument } from '../../worker/routes/api/schemas/document.ts';
import { contractChecker } from './contract.ts';
import { routes } from '../../worker/index.ts';
import { request } from './helpers.ts';
import { auth, json, validSet } from './instructor-helpers.ts';

// Issue 22 item 5, before the route files move: (1) three routes defined with @hono/zod-openapi answer exactly
// as today's; (2) the contract check catches a body or a status the document does not promise; (3) today's
// worker keeps the whole contract (worker/routes/api/schemas/) on every operation, success and errors.

const url = (path: string) => `http://127.0.0.1${path}`;
const viaPrototype = (path: string, init?: RequestInit) => prototypeApp.request(url(path), init, env);
const post = (body: string, type = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body });

/** Each request to both apps, as [path, init]. */
const SAME_AS_TODAY: Array<[string, RequestInit?]> = [
  ['/api/health'],
  ['/api/lessons/china'],
  ['/api/lessons/china?lang=de'],
  ['/api/lessons/china?lang=xx'],
  ['/api/lessons/nope'],
  ['/api/quizzes/china/check', post(JSON.stringify({ questionId: 'china-4', response: { value: true } }))],
  ['/api/quizzes/china/check', post(JSON.stringify({ questionId: 'china-4', response: { value: 'yes' } }))],
  ['/api/quizzes/china/check', post(JSON.stringify({ questionId: 'nope', response: {} }))],
  ['/api/quizzes/china/check', post(JSON.stringify({ questionId: 'china-4' }))],
  ['/api/quizzes/china/check', post('questionId=china-4', 'application/x-www-form-urlencoded')],
  ['/api/quizzes/china/check', post('{"questionId":')],
  ['/api/quizzes/nope/check', post(JSON.stringify({ questionId: 'x', response: {} }))],
];

describe('the OpenAPI prototype', () => {
  it('answers each request with the status, type and body the real worker answers with', async () => {
    for (const [path, init] of SAME_AS_TODAY) {
      const [mine, today] = await Promise.all([viaPrototype(path, init), request(path, init)]);
      const where = `${init?.method ?? 'GET'} ${path}`;
      expect(mine.status, where).toBe(today.status);
      expect(mine.headers.get('content-type'), where).toBe(today.headers.get('content-type'));
      expect(await mine.json(), where).toEqual(await today.json());
    }
  });

  it('keeps its own document on each of those answers, and names its three operations in it', async () => {
    const doc = prototypeDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(['/api/health', '/api/lessons/{lessonId}', '/api/quizzes/{quizId}/check']);
    expect(doc.paths?.['/api/quizzes/{quizId}/check']?.post?.requestBody).toBeTruthy();
    const served = await viaPrototype('/api/openapi.json');
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    const check = contractChecker(doc);
    for (const [path, init] of SAME_AS_TODAY) {
      const req = new Request(url(path), init);
      expect(await check.check(req, await viaPrototype(path, init))).toEqual([]);
    }
  });

  it('gives the typed client (hc) the routes, their inputs and their answers', async () => {
    const client = hc<typeof prototypeApi>(url('/api'), {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        viaPrototype(new URL(String(input)).pathname + new URL(String(input)).search, init),
    });
    const res = await client.lessons[':lessonId'].$get({ param: { lessonId: 'china' }, query: { lang: 'en' } });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const { lesson } = await res.json(); // typed from the contract: no cast
    expect(lesson.title).toEqual({ en: expect.any(String) });
    expect(lesson.glossary.length).toBeGreaterThan(0);
  });
});

describe('the contract check', () => {
  const check = contractChecker(contractDocument());
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

type Item = { id: string };
type Copy = {
  id: string;
  type: string;
  choices?: Item[];
  items?: Item[];
  left?: Item[];
  right?: Item[];
  parts?: Array<Record<string, unknown>>;
};
/** Some well-formed response to a learner copy (right or wrong does not matter here). */
function someResponse(q: Copy): unknown {
  const first = (xs?: Item[]) => xs![0]!.id;
  if (q.type === 'single') return { choice: first(q.choices) };
  if (q.type === 'multiple') return { choices: [first(q.choices)] };
  if (q.type === 'truefalse') return { value: true };
  if (q.type === 'match') return { pairs: Object.fromEntries(q.left!.map((l, i) => [l.id, q.right![i % q.right!.length]!.id])) };
  if (q.type === 'order') return { order: q.items!.map((i) => i.id) };
  if (q.type === 'numerical') return { number: 2025 };
  if (q.type !== 'cloze') return { text: 'seltene Erden' };
  const gaps = q.parts!.filter((p) => 'gap' in p) as Array<{ gap: string; choices?: Item[]; multiple?: boolean; options?: string[] }>;
  return {
    gaps: Object.fromEntries(
      gaps.map((g) => [g.gap, g.choices ? (g.multiple ? [first(g.choices)] : first(g.choices)) : (g.options?.[0] ?? '3')]),
    ),
  };
}

describe('today’s worker against the whole contract', () => {
  const doc = contractDocument();
  const checker = contractChecker(doc);
  const problems: string[] = [];
  const answered = new Set<string>();
  /** A request to the real worker, its answer checked against the contract (and counted when it is a success). */
  async function send(path: string, init: RequestInit = {}) {
    const res = await request(path, init);
    problems.push(...(await checker.check(new Request(url(path), init), res)));
    const template = checker.templateOf(init.method ?? 'GET', new URL(url(path)).pathname);
    if (res.ok && template) answered.add(`${init.method ?? 'GET'} ${template}`);
    return res;
  }
  const sendJson = (path: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(path, { method, headers: { ...json, ...headers }, body: JSON.stringify(body) });

  it('lists every /api route of the app in the document', () => {
    const api = routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
    expect(api.length).toBeGreaterThan(15);
    for (const { method, path } of api) {
      const template = path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(doc.paths?.[template], `${method} ${path}`).toHaveProperty(method.toLowerCase());
    }
  });

  it('keeps it on every operation, for learners and instructors, success and error alike', async () => {
    await send('/api/health');
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
    const kinds = new Map(review.cards.map((card) => [`${(card as { kind?: string }).kind}:${card.type}`, card]));
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
    await send(germanOnly, { method: 'DELETE', headers: auth });
    await send('/api/progress', { method: 'DELETE', headers: as });
    await send('/api/nope');

    expect(problems).toEqual([]);
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const notYetRoutes = ['GET /api/openapi.json', 'GET /api/docs']; // SPEC §7: added when the routes are wired
    expect(operations.filter((o) => !answered.has(o)).sort()).toEqual(notYetRoutes.sort());
  });
});
