import type { Context } from 'hono';
import { generateCookie } from 'hono/cookie';

const YEAR = 365 * 86400;

// Preferences take a handful of values (two UI languages, the reader's views, two directions), and a page
// sets one whenever the cookie differs from the page's: the Set-Cookie line is made once per value. Bounded
// all the same, since a value may come from a URL.
const MAX_LINES = 64;
const lines = new Map<string, string>();

/**
 * Remembers a learner's preference (UI language, reader view, learning direction) for a year: site-wide,
 * SameSite=Lax, Secure over https, HttpOnly unless the browser code must read it too.
 */
export function rememberPreference(c: Context, name: string, value: string, opts: { readableByScript?: boolean } = {}) {
  const httpOnly = !opts.readableByScript;
  // A request's URL is serialised with a lowercase scheme.
  const secure = c.req.url.startsWith('https:');
  const key = `${name}\n${value}\n${httpOnly}\n${secure}`;
  let line = lines.get(key);
  if (line === undefined) {
    line = generateCookie(name, value, { path: '/', maxAge: YEAR, sameSite: 'Lax', httpOnly, secure });
    if (lines.size >= MAX_LINES) lines.clear();
    lines.set(key, line);
  }
  c.header('Set-Cookie', line, { append: true });
}
