// The instructor's browser in the accept and pending-copy tests: a signed-in session, the results page's form,
// and the learner's submit that grades with the set's live version.
import { expect } from 'vitest';
import { TEST_TOKEN } from '../fixtures/sets.ts';
import { request } from './helpers.ts';

export const auth = { authorization: `Bearer ${TEST_TOKEN}` };
export const json = { 'content-type': 'application/json' };
const form = { origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' };

/** A signed-in instructor's cookie. */
export async function session(): Promise<string> {
  const res = await request('/en/instructor/sign-in', {
    method: 'POST',
    headers: { ...form, 'cf-connecting-ip': '10.7.0.2' },
    body: `token=${TEST_TOKEN}`,
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return /instructor=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
}

/** Creates a set through the API (and publishes it), answering its id. */
export async function createSet(set: unknown, publish = true): Promise<string> {
  const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(set) });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  if (publish) expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  return id;
}

/** The results page as the instructor opens it: its CSRF token and the set version its forms carry. */
export async function resultsPage(cookie: string, id: string, lang = 'de') {
  const html = await (await request(`/${lang}/instructor/results/${id}`, { headers: { cookie } })).text();
  return {
    csrf: /name="csrf" value="([0-9a-f]+)"/.exec(html)![1]!,
    expectedVersion: /name="expectedVersion" value="(\d+)"/.exec(html)?.[1],
  };
}

/** Posts the accept form; `fields` as the form sends them. */
export function postAccept(cookie: string, id: string, fields: Record<string, string>, lang = 'de') {
  return request(`/${lang}/instructor/results/${id}/accept`, {
    method: 'POST',
    headers: { cookie, ...form },
    body: new URLSearchParams({ attempts: 'first', lang: 'de', credit: '1', ...fields }).toString(),
    redirect: 'manual',
  });
}

/** A learner's score on one question of a set's live version. */
export async function scoreOf(id: string, questionId: string, response: unknown): Promise<number> {
  const res = await request(`/api/quizzes/${id}/attempts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ responses: { [questionId]: response }, lang: 'de' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { results } = (await res.json()) as { results: Array<{ questionId: string; score: number }> };
  return results.find((r) => r.questionId === questionId)!.score;
}

/** Replaces a set through the API (the editor's save), answering the new version number. */
export async function editSet(id: string, set: unknown): Promise<number> {
  const res = await request(`/api/question-sets/${id}`, { method: 'PUT', headers: { ...auth, ...json }, body: JSON.stringify(set) });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { version: number }).version;
}
