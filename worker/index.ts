import { Hono } from 'hono';
import { languageDetector } from 'hono/language';
import { uiLanguages } from './services/content.ts';
import type { AppEnv } from './env.ts';
import { handleError, renderErrorPage } from './http/error-handler.tsx';
import { bodyLimits } from './http/body-limit.ts';
import { sameOrigin } from './http/same-origin.ts';
import { RememberingRouter } from './http/router.ts';
import { security } from './http/security-headers.ts';
import { api } from './routes/api/index.ts';
import { pages } from './routes/pages/index.ts';
import { lti } from './routes/lti/index.ts';
import { LANG_COOKIE } from './render/ui-language.ts';

export { SetRegistry } from './objects/set-registry/set-registry.ts';
export { ResultsLedger } from './objects/results-ledger/results-ledger.ts';
export { SigninGuard } from './objects/signin-guard/signin-guard.ts';
export { LtiRegistry } from './objects/lti-registry/lti-registry.ts';
export { LtiGradebook } from './objects/lti-gradebook/lti-gradebook.ts';

const app = new Hono<AppEnv>({ router: new RememberingRouter() });

app.use(security());
// Before any route: a cross-site post is refused, and a body over its route's limit is refused, before
// anything is read, stored or set (no cookie). Same-origin first, so a forged post never costs a body read.
app.use(sameOrigin());
app.use(bodyLimits());

// `/` picks the UI language: the remembered cookie, then Accept-Language, then English.
app.get(
  '/',
  languageDetector({
    order: ['cookie', 'header'],
    lookupCookie: LANG_COOKIE,
    supportedLanguages: [...uiLanguages],
    fallbackLanguage: 'en',
    caches: false,
  }),
  (c) => {
    c.header('Vary', 'Accept-Language, Cookie');
    return c.redirect(`/${c.get('language')}/`, 302);
  },
);

app.route('/api', api);
app.route('/lti', lti);
app.route('/', pages);

app.notFound((c) => renderErrorPage(c, 404));

app.onError(handleError);

/** Every route of the app (method, path as registered): the security tests walk them all. */
export const routes = app.routes.map(({ method, path }) => ({ method, path }));

export default app;
