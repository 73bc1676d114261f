import { describe, expect, it } from 'vitest';
import { DEFAULT_BODY_BYTES, LARGER_BODIES } from '../../worker/http/body-limit.ts';
import { request } from './helpers.ts';
import { TOKEN } from './instructor-helpers.ts';
import { chunkedBody, contentType, routeKeys, stateChangingRoutes, type SampleRoute } from './route-samples.ts';
import { LIMITS } from '../../core/sets/limits.ts';

// Issue 17, item 6: every route that can take a body refuses one over its limit with a 413 in the form the
// client asked for (JSON for the API, the HTML page for pages), whether the body says its length or streams
// in without one; and the limits leave room for what real clients send.

const limitOf = (route: SampleRoute) => LARGER_BODIES[route.key] ?? DEFAULT_BODY_BYTES;
// The limit as the error states it, written out here rather than taken from the code under test.
const stated = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);

// The set routes take Moodle XML's limit for Moodle XML only (its media come as base64): they are sent as that.
const asMoodleXml = (route: SampleRoute) => LARGER_BODIES[route.key] === LIMITS.moodleXmlBytes;

// API routes get the instructor token, so a body within the limit reaches the route itself.
const send = (route: SampleRoute, body: BodyInit) =>
  request(asMoodleXml(route) ? `${route.path}?format=moodlexml&lang=de` : route.path, {
    method: route.method,
    headers: {
      'content-type': asMoodleXml(route) ? 'application/xml' : contentType(route),
      ...(route.api ? { authorization: `Bearer ${TOKEN}` } : {}),
    },
    body,
    redirect: 'manual',
  });

/** What is wrong with the answer to an oversized body, or null when it is right. */
async function refusalProblem(route: SampleRoute, res: Response): Promise<string | null> {
  const body = await res.text();
  if (res.status !== 413) return `${res.status} instead of 413: ${body.slice(0, 120)}`;
  if (res.headers.get('set-cookie')) return `sets a cookie: ${res.headers.get('set-cookie')}`;
  const type = res.headers.get('content-type') ?? '';
  if (route.api) {
    if (!type.includes('application/json')) return `API answered ${type}`;
    const json = JSON.parse(body) as { error?: { code?: string; message?: string } };
    if (json.error?.code !== 'too_large') return `not our JSON error: ${body.slice(0, 120)}`;
    if (!json.error.message?.includes(stated(limitOf(route))))
      return `the message does not state ${stated(limitOf(route))}: ${json.error.message}`;
  } else {
    if (!type.includes('text/html')) return `page answered ${type}`;
    if (!body.includes('<html lang="en"') || !body.includes('That was too much at once')) return 'not the 413 page in English';
  }
  return null;
}

async function problems(bodyOf: (bytes: number) => BodyInit, expectRefusal: boolean) {
  const found: string[] = [];
  for (const route of stateChangingRoutes) {
    const limit = limitOf(route);
    const res = await send(route, bodyOf(expectRefusal ? limit + 1 : limit));
    if (expectRefusal) {
      const problem = await refusalProblem(route, res);
      if (problem) found.push(`${route.key} (limit ${limit}): ${problem}`);
    } else if (res.status === 413 || res.status >= 500) {
      found.push(`${route.key}: a body of exactly ${limit} bytes is answered ${res.status}: ${(await res.text()).slice(0, 120)}`);
    }
  }
  return found;
}

const sized = (bytes: number) => 'a'.repeat(bytes);

describe('a request body over its route’s limit', () => {
  it('is refused on every POST/PUT/DELETE route with 413, stating the limit, when Content-Length says so', async () => {
    expect(stateChangingRoutes.length).toBeGreaterThanOrEqual(25);
    expect(await problems(sized, true)).toEqual([]);
  });

  it('is refused on every POST/PUT/DELETE route with 413 when it streams in without Content-Length', async () => {
    expect(await problems(chunkedBody, true)).toEqual([]);
  });

  it('is refused on paths no route answers, with the default limit', async () => {
    for (const path of ['/api/nothing-here', '/en/nothing-here']) {
      const res = await request(path, { method: 'POST', body: chunkedBody(DEFAULT_BODY_BYTES + 1) });
      expect(res.status, path).toBe(413);
    }
  });
});

describe('a request body within its route’s limit', () => {
  it('is never refused as too large, with or without Content-Length (and never a 500)', async () => {
    // The larger limits name real routes: a renamed route cannot silently fall back to the default.
    for (const key of Object.keys(LARGER_BODIES)) expect(routeKeys, key).toContain(key);
    expect(await problems(sized, false)).toEqual([]);
    expect(await problems(chunkedBody, false)).toEqual([]);
  });

  it('takes what real instructors send: a set at the schema limit through the API, three times that as editor form (percent-encoded)', async () => {
    const api = await request('/api/question-sets', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: 'a'.repeat(LIMITS.bodyBytes),
    });
    expect(api.status, (await api.text()).slice(0, 200)).not.toBe(413);
    // A urlencoded form may triple a byte (%C3%A4 for ä): the editor takes three times a set.
    const form = await request('/en/instructor/sets', {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=' + 'a'.repeat(3 * LIMITS.bodyBytes),
    });
    expect(form.status, (await form.text()).slice(0, 200)).not.toBe(413);
  });
});
