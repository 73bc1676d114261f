// The UI language rule, in one place: a page's language is its path's (`/de/…`), else the one the learner
// last chose (a cookie that the pages set and `/` and the error pages read), else English.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isUiLanguage } from './i18n.ts';

/** The cookie that remembers the UI language (set by the pages, read by `/` and error pages). */
export const LANG_COOKIE = 'lang';

/** The UI language of a page request: the path's, else the remembered one, else English. */
export function pageLanguage(c: Context): string {
  const first = new URL(c.req.url).pathname.split('/')[1];
  if (isUiLanguage(first)) return first;
  const remembered = getCookie(c, LANG_COOKIE);
  return isUiLanguage(remembered) ? remembered : 'en';
}
