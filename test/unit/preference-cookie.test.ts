import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { rememberPreference } from '../../worker/http/preference-cookie.ts';

// The remembered Set-Cookie lines must be exactly the ones hono's setCookie wrote with the same options, on
// the first call and on every later one, over http and https, readable by script or not.
const app = new Hono()
  .get('/mine', (c) => {
    rememberPreference(c, c.req.query('name')!, c.req.query('value')!, { readableByScript: c.req.query('script') === '1' });
    return c.body(null, 204);
  })
  .get('/hono', (c) => {
    setCookie(c, c.req.query('name')!, c.req.query('value')!, {
      path: '/',
      maxAge: 365 * 86400,
      sameSite: 'Lax',
      httpOnly: c.req.query('script') !== '1',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return c.body(null, 204);
  });

describe('rememberPreference', () => {
  it('sets the cookie hono set, however often it is asked', async () => {
    for (const origin of ['http://localhost', 'https://example.org'])
      for (const [name, value] of [
        ['lang', 'de'],
        ['lang', 'en'],
        ['view', 'both'],
        ['direction', 'de-en'],
        ['lang', 'ä b;c'],
      ])
        for (const script of ['0', '1']) {
          const query = `?name=${encodeURIComponent(name!)}&value=${encodeURIComponent(value!)}&script=${script}`;
          const expected = (await app.request(`${origin}/hono${query}`)).headers.get('set-cookie');
          expect(expected).toContain(`${name}=`);
          for (let i = 0; i < 2; i++) expect((await app.request(`${origin}/mine${query}`)).headers.get('set-cookie')).toBe(expected);
        }
  });
});
