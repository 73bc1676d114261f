import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import type { Question } from '../../core/quiz/schema.ts';
import { keyedResponse } from '../../core/quiz/grade.ts';
import { env } from 'cloudflare:workers';
import { request, visibleText } from './helpers.ts';
import { fetchCounting } from './kv-counter.ts';
import { idsFor, keyedFor } from './public-ids-helpers.ts';

const questions = (bundle as any).content.questions as Record<string, Question[]>;

const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const json = { 'content-type': 'application/json' };

// Public ids depend on the attempt's seed (issue 17): every submit here names its seed.
const SEED = 'abcd1234';

async function submit(quizId: string, n: number, cookie?: string) {
  const qs = questions[quizId]!.slice(0, n);
  const ids = await idsFor(quizId, SEED, qs);
  const responses = Object.fromEntries(qs.map((q) => [q.id, keyedResponse(q, 'de', ids)]));
  return request(`/api/quizzes/${quizId}/attempts`, {
    method: 'POST',
    headers: { ...json, ...(cookie ? { cookie: `learner=${cookie}` } : {}) },
    body: JSON.stringify({ responses, lang: 'de', seed: SEED }),
  });
}

async function newLearner() {
  const res = await submit('alliance', 1);
  expect(res.status).toBe(201);
  const cookie = cookieOf(res);
  expect(cookie).toBeTruthy();
  return cookie!;
}

const exportOf = async (cookie: string) =>
  (await (await request('/api/progress/export', { headers: { cookie: `learner=${cookie}` } })).json()) as any;

describe('POST /api/quizzes/:id/attempts (stored)', () => {
  it('creates the learner cookie on the first write: signed, HttpOnly, SameSite', async () => {
    const res = await submit('china', 2);
    const header = res.headers.get('set-cookie')!;
    expect(header).toMatch(/^learner=[0-9a-f-]{36}\.[^;]+;/);
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as any;
    expect(body.stored).toMatchObject({
      id: body.attemptId,
      summary: { quizId: 'china', kind: 'lesson', score: 2, max: questions.china!.filter((q) => q.type !== 'essay').length },
    });
  });

  it('loses none of 20 concurrent submits by one learner', async () => {
    const cookie = await newLearner();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit('cooperation', (i % 5) + 1, cookie)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(results.map(async (r) => ((await r.json()) as any).attemptId));
    expect(results.every((r) => !r.headers.get('set-cookie'))).toBe(true); // the same learner throughout
    const exported = await exportOf(cookie);
    expect(exported.attempts).toHaveLength(21);
    expect(exported.attempts.map((a: any) => a.id)).toEqual(expect.arrayContaining(ids));
  });

  it('keeps learners apart, and a forged cookie reads nothing and writes nothing under another learner', async () => {
    const a = await newLearner();
    const b = await newLearner();
    await submit('balance', 3, a);
    expect((await exportOf(a)).attempts).toHaveLength(2);
    expect((await exportOf(b)).attempts).toHaveLength(1);
    expect((await exportOf(b)).attempts.every((x: any) => x.quizId === 'alliance')).toBe(true);

    const [id] = a.split('.');
    const forged = `${id}.${'A'.repeat(43)}%3D`;
    const read = (await (await request('/api/progress', { headers: { cookie: `learner=${forged}` } })).json()) as any;
    expect(read).toMatchObject({ learner: false, summary: { total: 0 } });
    expect((await exportOf(forged)).attempts).toEqual([]);
    const write = await submit('balance', 1, forged);
    expect(cookieOf(write)).not.toContain(id); // a new learner, not the forged one
    expect((await exportOf(a)).attempts).toHaveLength(2);
  });

  it('records the quiz version with every attempt', async () => {
    const cookie = await newLearner();
    const quiz = (await (await request('/api/quizzes/alliance')).json()) as any;
    expect((await exportOf(cookie)).attempts[0].version).toBe(quiz.version);
  });
});

describe('KV operations per request (budgets)', () => {
  it('one write per graded attempt, nothing else', async () => {
    const q = questions.outlook![0]!;
    const { res, ops } = await fetchCounting('/api/quizzes/outlook/attempts', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ responses: { [q.id]: await keyedFor('outlook', SEED, q, 'en') }, lang: 'en', seed: SEED }),
    });
    expect(res.status).toBe(201);
    expect(ops).toEqual(['PROGRESS.put']);
  });

  it('one list() for a page that shows progress or review, none for a lesson or a quiz page', async () => {
    const cookie = await newLearner();
    const headers = { cookie: `learner=${cookie}` };
    // A review event too, so the review log is there to be read with the attempts.
    expect(
      (await request('/api/review/cards', { method: 'POST', headers: { ...json, ...headers }, body: '{"lesson":"china"}' })).status,
    ).toBe(201);
    for (const path of ['/api/progress', '/en/progress', '/de/', '/en/review']) {
      // Warm: what every request but the first of an isolate costs.
      await fetchCounting(path, { headers });
      const { res, ops } = await fetchCounting(path, { headers }, { warm: true });
      expect(res.status, path).toBe(200);
      // The attempts and the review log in one listing (worker/stores/learner-store-kv.ts).
      expect(ops, path).toEqual(['PROGRESS.list']);
      // Cold: the learner's own data is still one list; the overview adds the one shared read of the
      // published-set list that every learner of the isolate then shares for 30 s.
      const cold = await fetchCounting(path, { headers });
      expect(
        cold.ops.filter((op) => op.startsWith('PROGRESS.')),
        path,
      ).toEqual(['PROGRESS.list']);
      expect(
        cold.ops.filter((op) => op.startsWith('SETS.')),
        path,
      ).toEqual(path === '/de/' ? ['SETS.get'] : []);
    }
    for (const path of ['/en/lessons/alliance/quiz?attempt=abcd&ql=de&n=1', '/api/lessons/china', '/api/quizzes/china?lang=de']) {
      const { ops } = await fetchCounting(path, { headers });
      expect(ops, path).toEqual([]);
    }
    // A lesson page lists the instructor sets attached to it: one read of the set index per isolate and
    // 30 s (cold), none once cached (warm).
    expect((await fetchCounting('/en/lessons/alliance', { headers })).ops).toEqual(['SETS.get']);
    expect((await fetchCounting('/en/lessons/alliance', { headers }, { warm: true })).ops).toEqual([]);
    const { ops } = await fetchCounting('/de/');
    expect(ops).toEqual(['SETS.get']); // no cookie: no progress read, only the published-set index
  });

  it('no write for a bad submit', async () => {
    const { res, ops } = await fetchCounting('/api/quizzes/outlook/attempts', {
      method: 'POST',
      headers: json,
      body: '{"responses":{"nope":1}}',
    });
    expect(res.status).toBe(422);
    expect(ops).toEqual([]);
  });
});

describe('the progress page', () => {
  it('charts and tables the last 30 attempts, numbered as in the whole history, and says where the rest are', async () => {
    const cookie = await newLearner();
    for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: 8 }, () => submit('china', 1, cookie)));
    const headers = { cookie: `learner=${cookie}` };
    const html = await (await request('/en/progress', { headers })).text();
    const table = html.slice(html.indexOf('class="history-table'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr><td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => i + 4)); // 33 attempts: the first made the learner
    expect(html.match(/<rect /g)?.length).toBe(30);
    expect(html).toContain('Bar chart of your last 30 of 33 attempts');
    expect(visibleText(html)).toContain(
      'The chart and the table show your last 30 attempts; “Download everything” under “Your data” has all 33.',
    );
    const de = await (await request('/de/progress', { headers })).text();
    expect(de).toContain('Balkendiagramm Ihrer letzten 30 von 33 Versuchen');
    // Up to 30 attempts, the chart names them all and adds nothing.
    const few = await newLearner();
    await submit('china', 1, few);
    const fewHtml = await (await request('/en/progress', { headers: { cookie: `learner=${few}` } })).text();
    expect(fewHtml).toContain('Bar chart of 2 attempts');
    expect(fewHtml).not.toContain('The chart and the table show');
  });
});

describe('/api/progress', () => {
  it('summarises per lesson: state, best and latest', async () => {
    const cookie = await newLearner();
    await submit('alliance', questions.alliance!.length, cookie);
    const { summary } = (await (await request('/api/progress', { headers: { cookie: `learner=${cookie}` } })).json()) as any;
    const alliance = summary.quizzes.find((q: any) => q.quizId === 'alliance');
    expect(alliance).toMatchObject({ state: 'done', attempts: 2, best: 1, latest: 1 });
    expect(summary.quizzes.find((q: any) => q.quizId === 'china').state).toBe('not-started');
    expect(summary.continueWith).toBe('china');
  });

  it('exports everything as a JSON download', async () => {
    const cookie = await newLearner();
    const res = await request('/api/progress/export', { headers: { cookie: `learner=${cookie}` } });
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.json"/);
    const body = (await res.json()) as any;
    expect(body.attempts[0]).toMatchObject({
      quizId: 'alliance',
      questions: expect.arrayContaining([expect.objectContaining({ id: 'alliance-1', score: 1 })]),
    });
    expect(JSON.stringify(body)).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/); // no IP address
  });

  it('DELETE erases the learner’s entries and the cookie', async () => {
    const cookie = await newLearner();
    const res = await request('/api/progress', { method: 'DELETE', headers: { cookie: `learner=${cookie}` } });
    expect(await res.json()).toEqual({ deleted: 1, ledgerRows: 1 });
    expect(res.headers.get('set-cookie')).toMatch(/learner=;.*Max-Age=0/i);
    expect((await exportOf(cookie)).attempts).toEqual([]);
  });

  it('DELETE without a cookie is harmless', async () => {
    const res = await request('/api/progress', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 0, ledgerRows: 0 });
  });

  it('answers bad input with 4xx JSON', async () => {
    for (const [path, init, status] of [
      ['/api/progress?x=1', {}, 400],
      ['/api/progress', { method: 'POST' }, 405],
      ['/api/progress/export', { method: 'DELETE' }, 405],
      ['/api/progress/nope', {}, 404],
    ] as const) {
      const res = await request(path, init);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as any).error.code, path).toBeTruthy();
    }
  });

  it('the delete form refuses a cross-site post', async () => {
    const cookie = await newLearner();
    const res = await request('/en/progress/delete', {
      method: 'POST',
      headers: { cookie: `learner=${cookie}`, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'confirm=yes',
    });
    expect(res.status).toBe(403);
    expect((await exportOf(cookie)).attempts).toHaveLength(1);
  });
});

describe('attempts after the content changed', () => {
  it('still display: an old quiz version, a removed question and a deleted instructor set', async () => {
    const cookie = await newLearner();
    const learnerId = decodeURIComponent(cookie).split('.')[0]!;
    const old = { q: 'alliance', k: 'l', v: 'old-version', s: 1, m: 12, t: Date.now() - 86_400_000, x: ['alliance-99', 'alliance-2'] };
    const gone = { q: 's-gone123', k: 's', v: '3.abc', s: 2, m: 4, t: Date.now() - 3_600_000, x: [], n: 'Ein gelöschtes Set' };
    await env.PROGRESS.put(`learner:${learnerId}:attempt:0000000aa-000000000001`, '{}', { metadata: old });
    await env.PROGRESS.put(`learner:${learnerId}:attempt:0000000ab-000000000002`, '{}', { metadata: gone });
    const res = await request('/en/progress', { headers: { cookie: `learner=${cookie}` } });
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toContain('Ein gelöschtes Set');
    expect(text).toMatch(/Rare earths|alliance/i);
    const { summary } = (await (await request('/api/progress', { headers: { cookie: `learner=${cookie}` } })).json()) as any;
    expect(summary.total).toBe(3);
    expect(summary.quizzes.find((q: any) => q.quizId === 'alliance').attempts).toBe(2);
    // The removed question is counted but not linked; the one still in the course is.
    expect(summary.missed.map((m: any) => m.questionId)).toEqual(expect.arrayContaining(['alliance-99', 'alliance-2']));
  });
});
