import type { Context } from 'hono';
import { LtiErrorPage } from '../../../web/pages/lti/lti-error.tsx';
import type { AppEnv } from '../../env.ts';
import { handleError } from '../../http/error-handler.tsx';
import { renderPage } from '../../render/document.tsx';
import { tFor, isUiLanguage } from '../../render/i18n.ts';
import { LtiError } from '../../services/lti/errors.ts';
import { uiLanguages } from '../../services/content.ts';
import { decodeJwt } from 'jose';
import { launchLanguage, type Claims } from '../../services/lti/claims.ts';

const launchLanguages = new WeakMap<Context, string>();

/** Remembers the UI language a launch asked for, so its refusal is in that language too. */
export const rememberLanguage = (c: Context, lang: string) => launchLanguages.set(c, lang);

/**
 * Before a launch is verified, its id_token's `locale` (read without trusting anything else in it) picks the
 * language of a refusal: the learner sees why in the language their LMS speaks.
 */
export function guessLanguage(c: Context, token: string | undefined) {
  try {
    const claims = token ? (decodeJwt(token) as Claims) : {};
    const lang = launchLanguage(claims, uiLanguages, '');
    if (lang) rememberLanguage(c, lang);
  } catch {
    /* not a JWT: the browser's language decides */
  }
}

/** The launch's language, else the browser's first UI language (Accept-Language), else English. */
function errorLanguage(c: Context): string {
  const known = launchLanguages.get(c);
  if (known) return known;
  for (const part of (c.req.header('accept-language') ?? '').split(',')) {
    const code = part.trim().split(/[-_;]/)[0]?.toLowerCase();
    if (isUiLanguage(code) && uiLanguages.includes(code)) return code;
  }
  return 'en';
}

/**
 * The LTI routes' error handler: a refused login, launch or registration is a page in the UI language with
 * its 4xx that says why, and sets no cookie (any cookie a handler set before failing is dropped). Anything
 * else goes to the app's one handler.
 */
export async function ltiErrorHandler(err: Error, c: Context<AppEnv>) {
  if (!(err instanceof LtiError)) return handleError(err, c);
  const lang = errorLanguage(c);
  const res = await renderPage(c, lang, <LtiErrorPage reason={err.reason} />, {
    title: tFor(lang)('lti.errorTitle'),
    status: err.status as 400,
  });
  res.headers.delete('set-cookie');
  return res;
}
