import { OpenAPIHono } from '@hono/zod-openapi';
import { hc } from 'hono/client';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ApiDocsPage } from '../../web/pages/api-docs.tsx';
import { routes } from '../../worker/index.ts';
import { api, type ApiType } from '../../worker/routes/api/index.ts';
import { contractDocument, documentConfig, repairPatterns } from '../../worker/routes/api/schemas/document.ts';
import { apiDocument } from '../../worker/routes/api/served-document.ts';
import { request } from './helpers.ts';

// The document the worker serves is the one its routes make, it lists every /api route of the app and
// nothing else, its reference page renders it under the CSP, and Hono's typed client reads the same routes.

describe('GET /api/openapi.json', () => {
  it('serves the document the mounted routes make (after a route changes: `node scripts/build.ts`)', async () => {
    const res = await request('/api/openapi.json');
    expect(res.status).toBe(200);
    const served = await res.json();
    const made = repairPatterns(new OpenAPIHono().route('/api', api).getOpenAPI31Document(documentConfig));
    expect(served).toEqual(JSON.parse(JSON.stringify(made)));
    expect(served).toEqual(JSON.parse(JSON.stringify(contractDocument())));
    expect(apiDocument.openapi).toBe('3.1.0');
  });
});

/** A Hono route path as a pattern (`:param` one segment, `*` anything). */
const patternOf = (path: string) =>
  new RegExp(
    `^${path
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[A-Za-z]+/g, '[^/]+')
      .replace(/\*/g, '.*')}$`,
  );

describe('the /api routes of the app and the operations of the document', () => {
  const apiRoutes = routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL');
  const operations = Object.entries(apiDocument.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })),
  );

  it('lists every route of the app as an operation', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    const missing = apiRoutes
      .map(({ method, path }) => `${method} ${path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .filter((op) => !operations.some((o) => `${o.method} ${o.path}` === op));
    expect(missing).toEqual([]);
  });

  it('has no operation that no route of the app serves', () => {
    // A path of each operation (every parameter "x"), and the app's routes of its method that take it:
    // `/api/results/{quizId}.csv` is served by `/api/results/:quizId`, which reads the suffix.
    const unserved = operations.filter(
      (o) => !apiRoutes.some((r) => r.method === o.method && patternOf(r.path).test(o.path.replace(/\{[^}]+\}/g, 'x'))),
    );
    expect(unserved).toEqual([]);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['GET /api/openapi.json', 'GET /api/docs']));
  });
});

describe('GET /api/docs', () => {
  it('renders every operation and schema of the document in one page, in English, without script or inline style', async () => {
    const res = await request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    // Rendered at build time: the page of today's document by today's component (after a change: `node scripts/build.ts`).
    expect(html).toContain(renderToString(h(ApiDocsPage, { doc: apiDocument })));
    for (const item of Object.values(apiDocument.paths))
      for (const op of Object.values(item)) expect(html, op.operationId).toContain(`id="op-${op.operationId}"`);
    for (const name of Object.keys(apiDocument.components?.schemas ?? {})) expect(html, name).toContain(`id="schema-${name}"`);
    // Every link within the page has its target.
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...new Set([...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!))];
    expect(targets.length).toBeGreaterThan(50);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    expect(html).not.toMatch(/<script|<style|\sstyle=/);
  });
});

describe('the typed client (hc)', () => {
  // Through `request`, so the client's calls are checked against the contract too.
  const client = hc<ApiType>('http://127.0.0.1/api', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      return request(url.pathname + url.search, init);
    },
  });

  it('reads a lesson and checks an answer with inputs and answers typed from the route definitions', async () => {
    const lesson = await client.lessons[':lessonId'].$get({ param: { lessonId: 'china' }, query: { lang: 'en' } });
    expect(lesson.status).toBe(200);
    if (lesson.status !== 200) return;
    const { lesson: body } = await lesson.json(); // typed from the contract: no cast
    expect(body.title).toEqual({ en: expect.any(String) });

    const quiz = await client.quizzes[':quizId'].$get({ param: { quizId: 'china' }, query: { seed: 'abcd1234', lang: 'en' } });
    if (quiz.status !== 200) throw new Error(`quiz: ${quiz.status}`);
    const question = (await quiz.json()).questions.find((q) => q.type === 'truefalse')!;
    const checked = await client.quizzes[':quizId'].check.$post({
      param: { quizId: 'china' },
      json: { questionId: question.id, response: { value: true }, seed: 'abcd1234', lang: 'en' },
    });
    expect(checked.status).toBe(200);
    if (checked.status !== 200) return;
    const result = await checked.json();
    expect(result.questionId).toBe(question.id);
    expect(result.solution).toEqual({ value: expect.any(Boolean) });
  });
});
