import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';

// The exact set `hono/secure-headers` gave every response with our options, before the middleware wrote
// them out itself (worker/http/security-headers.ts): the same names and values, nothing more, nothing less.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const EXPECTED: Record<string, string> = {
  'content-security-policy': CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
// What a route itself may add; every other header must be one of the set above.
const ROUTE_HEADERS = new Set(['content-type', 'cache-control', 'set-cookie', 'location', 'vary', 'content-length', 'allow']);

const securityHeaders = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !ROUTE_HEADERS.has(name)));

describe('security headers', () => {
  it('are exactly the set on JSON, pages, redirects, errors and refused posts', async () => {
    const gets = ['/api/health', '/api/quizzes/china', '/en/', '/', '/en/lessons/alliance', '/api/nope', '/en/nope', '/xx/yy'];
    for (const path of gets) expect(securityHeaders(await request(path, { redirect: 'manual' })), path).toEqual(EXPECTED);
    const posts: [string, RequestInit][] = [
      ['/api/quizzes/china/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }],
      ['/api/quizzes/china/attempts', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' }, body: '{}' }],
    ];
    for (const [path, init] of posts) expect(securityHeaders(await request(path, init)), path).toEqual(EXPECTED);
  });

  it('make a stored file a sandbox that loads nothing, whether found or not', async () => {
    const res = await request(`/media/${'a'.repeat(64)}`);
    expect(securityHeaders(res)).toEqual({ ...EXPECTED, 'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox" });
  });
});
