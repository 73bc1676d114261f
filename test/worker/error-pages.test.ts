import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/env.ts';
import { handleError } from '../../worker/http/error-handler.tsx';
import { request } from './helpers.ts';

// A client's mistake is answered in the form it asked for: JSON for the API, an HTML page in the UI
// language (with a way back) for pages. Our own faults are a 500 that reveals nothing.
const formPost = (path: string, body: string, headers: Record<string, string> = {}) =>
  request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });

async function expectPage(res: Response, status: number, lang: string, title: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const html = await res.text();
  expect(html).toContain(`<html lang="${lang}"`);
  expect(html).toMatch(title);
  expect(html).toContain(`href="/${lang}/"`);
  return html;
}

describe('errors on page routes', () => {
  it('answers a form post without a valid attempt with a 400 page in the UI language', async () => {
    await expectPage(await formPost('/en/test', 'attempt=NOT%20OK&ql=de'), 400, 'en', /This link or form is incomplete/);
    await expectPage(await formPost('/de/lessons/china/quiz/results', 'attempt=x'), 400, 'de', /Formular ist unvollständig/);
  });

  it('answers a form that is too large with a 413 page, never JSON', async () => {
    const big = 'a=' + 'x'.repeat(400 * 1024);
    const html = await expectPage(await formPost('/de/test', big), 413, 'de', /zu viel auf einmal/);
    expect(html).not.toContain('"error"');
  });

  it('answers an unknown set with a 404 page and offers the page the learner came from', async () => {
    const res = await request('/de/sets/s-nothere1', { headers: { referer: 'http://127.0.0.1/de/lessons/china' } });
    const html = await expectPage(res, 404, 'de', /nicht gefunden/);
    expect(html).toContain('href="/de/lessons/china"');
  });

  it('keeps JSON errors for the API', async () => {
    const res = await request('/api/quizzes/china/attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: {}, pad: 'x'.repeat(40 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('too_large');
  });
});

describe('our own faults', () => {
  // A route that fails as a bug would: the handler must not show its message or stack to anyone.
  const app = new Hono<AppEnv>()
    .get('/api/boom', () => {
      throw new Error('secret internals');
    })
    .get('/de/boom', () => {
      throw new TypeError('secret internals');
    });
  app.onError(handleError);

  it('are a generic JSON 500 on the API and a generic HTML 500 page elsewhere', async () => {
    const api = await app.request('/api/boom');
    expect(api.status).toBe(500);
    const body = await api.text();
    expect(JSON.parse(body).error.code).toBe('internal');
    expect(body).not.toContain('secret');

    const page = await app.request('/de/boom');
    const html = await expectPage(page, 500, 'de', /Bei uns ist etwas schiefgegangen/);
    expect(html).not.toContain('secret');
  });
});
