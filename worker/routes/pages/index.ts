// Every HTML page below `/{lang}/`: the UI language is set once here, then each resource's sub-app.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../http/errors.ts';
import { rememberPreference } from '../../http/preference-cookie.ts';
import { isUiLanguage, tFor } from '../../render/i18n.ts';
import { LANG_COOKIE } from '../../render/ui-language.ts';
import { coursePages } from './course.tsx';
import { instructorPages } from './instructor.tsx';
import { instructorLtiPages } from './instructor-lti.tsx';
import { mediaRoutes } from '../media.ts';
import { progressPages } from './progress.tsx';
import { quizPages } from './quiz.tsx';
import { resultsPages } from './results.tsx';
import { reviewPages } from './review.tsx';

/** Learner and instructor pages below `/{lang}/`. */
export const pages = new Hono<AppEnv>()
  .route('/', mediaRoutes)
  .use('/:lang/*', async (c, next) => {
    const lang = c.req.param('lang');
    if (!isUiLanguage(lang)) throw notFound('page', new URL(c.req.url).pathname);
    c.set('lang', lang);
    c.set('t', tFor(lang));
    // Remember the chosen UI language for `/`.
    if (getCookie(c, LANG_COOKIE) !== lang) rememberPreference(c, LANG_COOKIE, lang);
    await next();
  })
  .route('/', quizPages)
  .route('/', progressPages)
  .route('/', instructorPages)
  .route('/', instructorLtiPages)
  .route('/', resultsPages)
  .route('/', reviewPages)
  .route('/', coursePages);
