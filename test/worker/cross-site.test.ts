import { env } from 'cloudflare:workers';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../worker/env.ts';
import { handleError } from '../../worker/http/error-handler.tsx';
import { ensureLearner } from '../../worker/auth/learner.ts';
import { CROSS_SITE_ROUTES } from '../../worker/http/same-origin.ts';
import { request } from './helpers.ts';
import { TOKEN } from './instructor-helpers.ts';
import { addToReview, contentType, newLearner, routeKeys, stateChangingRoutes, storedCount, type SampleRoute } from './route-samples.ts';

// Issue 17, item 3: a page on another site must not be able to post to us. Every state-changing route is
// sent what a browser sends for a cross-site post, with the cookies and token a victim would have, and must
// answer 403 in its own form, with no Set-Cookie (nothing downstream ran, not even the language cookie).

const OWN = 'http://127.0.0.1';
const learnerOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

/** What is wrong with the answer to a refused post, or null when it is right. */
async function refusalProblem(route: SampleRoute, res: Response): Promise<string | null> {
  const body = await res.text();
  if (res.status !== 403) return `${res.status} instead of 403: ${body.slice(0, 120)}`;
  if (res.headers.get('set-cookie')) return `sets a cookie: ${res.headers.get('set-cookie')}`;
  const type = res.headers.get('content-type') ?? '';
  if (route.api) {
    if (!type.includes('application/json')) return `API answered ${type}`;
    const json = JSON.parse(body) as { error?: { code?: string; message?: string; details?: unknown[] } };
    if (json.error?.code !== 'cross_site' || !json.error.message || !Array.isArray(json.error.details))
      return `not our JSON error: ${body.slice(0, 120)}`;
  } else {
    if (!type.includes('text/html')) return `page answered ${type}`;
    if (!body.includes('<html lang="en"') || !body.includes('This form was sent from another site'))
      return 'not the cross-site page in English';
  }
  return null;
}

async function refusals(headers: Record<string, string>) {
  const learner = await newLearner();
  const problems: string[] = [];
  for (const route of stateChangingRoutes) {
    // The LMS's own cross-site posts prove themselves with state and a signed id_token (lti-launch-refusals).
    if (CROSS_SITE_ROUTES.has(route.key)) continue;
    const res = await request(route.path, {
      method: route.method,
      headers: { ...headers, cookie: `learner=${learner}`, authorization: `Bearer ${TOKEN}`, 'content-type': contentType(route) },
      body: route.api ? '{}' : 'csrf=x&value=y',
    });
    const problem = await refusalProblem(route, res);
    if (problem) problems.push(`${route.key}: ${problem}`);
  }
  return problems;
}

describe('a state-changing request from another site', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['Origin: https://evil.example (no fetch metadata)', { origin: 'https://evil.example' }],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
  ])('is refused on every route with 403, in the right form, setting no cookie: %s', async (_, headers) => {
    // The routes come from the app itself; these make sure the walk cannot silently become empty.
    expect(stateChangingRoutes.length).toBeGreaterThanOrEqual(25);
    expect(stateChangingRoutes.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        'POST /:lang/test',
        'DELETE /api/progress',
        'POST /api/question-sets/:setId/publish',
        'POST /:lang/instructor/sign-in',
      ]),
    );
    for (const key of CROSS_SITE_ROUTES) expect(routeKeys, `exempted route ${key}`).toContain(key);
    expect(await refusals(headers)).toEqual([]);
  });

  it('is refused on unknown paths too, before anything answers them', async () => {
    for (const path of ['/api/nothing-here', '/en/nothing-here', '/xx/whatever']) {
      const res = await request(path, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: 'a=b' });
      expect(res.status, path).toBe(403);
      expect(res.headers.get('set-cookie'), path).toBeNull();
    }
  });

  it('stores nothing and erases nothing, even when the browser sent the learner cookie along (same-site)', async () => {
    const learner = await newLearner();
    const before = await storedCount(learner);
    const sibling = { 'sec-fetch-site': 'same-site', cookie: `learner=${learner}` };
    const api = await request('/api/quizzes/china/attempts', {
      method: 'POST',
      headers: { ...sibling, 'content-type': 'application/json' },
      body: JSON.stringify({ responses: {}, lang: 'de' }),
    });
    const form = await request('/en/lessons/china/quiz/results', {
      method: 'POST',
      headers: { ...sibling, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'attempt=abcd1234&ql=de&a=',
    });
    const review = await addToReview('alliance', sibling);
    const erase = await request('/api/progress', { method: 'DELETE', headers: sibling });
    expect([api.status, form.status, review.status, erase.status]).toEqual([403, 403, 403, 403]);
    expect(await storedCount(learner)).toBe(before);
  });
});

describe('a request from this site, or from no browser at all', () => {
  it('still works: the API from this site or from clients without browser headers, and a learner’s form post', async () => {
    const apiHeaders: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: OWN },
      { origin: OWN },
      { 'sec-fetch-site': 'none' },
      {},
    ];
    for (const headers of apiHeaders) {
      const res = await addToReview('alliance', headers);
      expect(res.status, JSON.stringify(headers)).toBe(201);
      expect(learnerOf(res), JSON.stringify(headers)).toBeTruthy();
    }
    const set = await request('/api/question-sets?format=gift&lang=de&title=Probe', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: 'Ist Japan ein Partner der USA? {T}',
    });
    expect(set.status, await set.text()).toBe(201);
    // A plain form post from the page, and the same without any browser header (curl, an old client).
    const formHeaders: Record<string, string>[] = [{ 'sec-fetch-site': 'same-origin', origin: OWN }, {}];
    for (const headers of formHeaders) {
      const res = await request('/en/review/add', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'lesson=china&back=/en/lessons/china',
        redirect: 'manual',
      });
      expect(res.status, `${JSON.stringify(headers)}: ${(await res.text()).slice(0, 200)}`).toBe(303);
      expect(learnerOf(res)).toBeTruthy();
    }
  });
});

describe('the learner cookie', () => {
  it('is never replaced while a valid one comes with the request, even behind a planted forged one; a forged one alone is', async () => {
    const valid = await newLearner();
    const before = await storedCount(valid);
    const forged = '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    // A sibling subdomain's cookie with a narrower path is sent first.
    const res = await addToReview('alliance', { cookie: `learner=${forged}; lang=en; learner=${valid}` });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(await storedCount(valid)).toBe(before + 1);
    // A forged cookie alone is replaced: it reads and writes nothing of anyone.
    const alone = await addToReview('alliance', { cookie: `learner=${forged}` });
    expect(alone.status).toBe(201);
    expect(learnerOf(alone)).toMatch(/^[0-9a-f-]{36}\./);
  });

  it('is never made for a request from another site, even on a route the same-origin check would exempt', async () => {
    // A route outside the app's middleware, as an exempted (LTI) route would be: only ensureLearner decides.
    const exempt = new Hono<AppEnv>().post('/x', async (c) => c.json({ learner: await ensureLearner(c) })).onError(handleError);
    const post = (headers: Record<string, string>) => exempt.request(`${OWN}/x`, { method: 'POST', headers }, env);
    const refused = await post({ 'sec-fetch-site': 'cross-site' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const own = await post({ 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(learnerOf(own)).toBeTruthy();
  });
});
