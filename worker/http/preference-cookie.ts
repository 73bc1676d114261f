import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';

const YEAR = 365 * 86400;

/**
 * Remembers a learner's preference (UI language, reader view, learning direction) for a year: site-wide,
 * SameSite=Lax, Secure over https, HttpOnly unless the browser code must read it too.
 */
export function rememberPreference(c: Context, name: string, value: string, opts: { readableByScript?: boolean } = {}) {
  setCookie(c, name, value, {
    path: '/',
    maxAge: YEAR,
    sameSite: 'Lax',
    httpOnly: !opts.readableByScript,
    secure: new URL(c.req.url).protocol === 'https:',
  });
}
