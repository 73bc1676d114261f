import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { RememberingRouter } from '../../worker/http/router.ts';

// The app's router (worker/http/router.ts) must answer every request as hono's TrieRouter does, the first
// time and every later time, and keep no more than its bound.
const routes: [string, string][] = [
  ['ALL', '*'],
  ['GET', '/api/health'],
  ['GET', '/api/quizzes/:quizId'],
  ['POST', '/api/quizzes/:quizId/check'],
  ['POST', '/api/review/cards'],
  ['POST', '/api/review/:cardId/answer'],
  ['ALL', '/api/*'],
  ['ALL', '/:lang/*'],
  ['GET', '/:lang/lessons/:lessonId'],
  ['POST', '/:lang/review/:cardId'],
  ['GET', '/media/:hash'],
];
const paths = [
  '/api/health',
  '/api/quizzes/china',
  '/api/quizzes/china/check',
  '/api/review/cards',
  '/api/review/w.x.r/answer',
  '/en/lessons/china',
  '/en/review/q.x',
  '/media/abc',
  '/nope',
  '/',
  '/en/',
];
const methods = ['GET', 'POST', 'PUT'];

const answers = (router: { match: (m: string, p: string) => unknown }) =>
  methods.flatMap((m) => paths.map((p) => JSON.stringify(router.match(m, p))));

describe('RememberingRouter', () => {
  it("answers as hono's TrieRouter, again and again", () => {
    const trie = new TrieRouter<string>();
    const mine = new RememberingRouter<string>();
    for (const [method, path] of routes) {
      trie.add(method, path, `${method} ${path}`);
      mine.add(method, path, `${method} ${path}`);
    }
    const expected = answers(trie);
    expect(expected.some((a) => a.includes(':quizId') || a.includes('china'))).toBe(true);
    expect(answers(mine)).toEqual(expected);
    expect(answers(mine)).toEqual(expected);
  });

  it('keeps at most 1,000 answers and no long paths', () => {
    const mine = new RememberingRouter<string>();
    mine.add('GET', '/api/quizzes/:quizId', 'quiz');
    for (let i = 0; i < 2500; i++) mine.match('GET', `/api/quizzes/q${i}`);
    expect(mine.remembered).toBeLessThanOrEqual(1000);
    expect(mine.remembered).toBeGreaterThan(0);
    const before = mine.remembered;
    expect(JSON.stringify(mine.match('GET', `/api/quizzes/${'x'.repeat(300)}`))).toContain('x'.repeat(300));
    expect(mine.remembered).toBe(before);
  });

  it('routes the app as before: a hono app with it answers like one without', async () => {
    const build = (app: Hono) =>
      app
        .get('/api/quizzes/:quizId', (c) => c.text(`quiz ${c.req.param('quizId')}`))
        .get('/:lang/lessons/:lessonId', (c) => c.text(`${c.req.param('lang')} ${c.req.param('lessonId')}`));
    const plain = build(new Hono());
    const mine = build(new Hono({ router: new RememberingRouter() }));
    for (const path of ['/api/quizzes/china', '/api/quizzes/final', '/en/lessons/china', '/de/lessons/china', '/en/lessons/china', '/x'])
      expect(await (await mine.request(path)).text()).toBe(await (await plain.request(path)).text());
  });
});
