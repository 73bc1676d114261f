// The instructor area's guards for every page below `/{lang}/instructor`: a live session, and the CSRF
// token on every form post (on top of the app's one same-origin check).
import type { Context, MiddlewareHandler } from 'hono';
import { SignInPage } from '../../web/pages/instructor/index.ts';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../render/document.tsx';
import { csrfToken, currentSession, validCsrf } from './instructor-session.ts';

type C = Context<AppEnv>;

/** The sign-in page, with a status and the reason it is shown again. */
export function signInPage(c: C, status: 200 | 401 | 429, error?: string) {
  const t = c.get('t');
  return renderPage(c, c.get('lang'), <SignInPage error={error} />, { title: t('instructor.title'), status });
}

/** A signed, unexpired session that was not signed out; else the sign-in page with 401 (nothing of the area is shown). */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  // The results pages sit under this area's guard and their own: the sign-in guard is asked once.
  if (!c.var.session) {
    const session = await currentSession(c);
    if (!session) return signInPage(c, 401, c.req.method === 'POST' ? c.get('t')('instructor.sessionEnded') : undefined);
    c.set('session', session);
    c.set('csrf', await csrfToken(c, session));
  }
  c.header('Cache-Control', 'private, no-store');
  await next();
};

/** Every form post carries the session's CSRF token (on top of the app's same-origin check). */
export const requireCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  const body = await c.req.parseBody({ all: true });
  const given = typeof body.csrf === 'string' ? body.csrf : undefined;
  if (!(await validCsrf(c, c.get('session'), given)))
    return renderPage(c, c.get('lang'), <p role="alert">{c.get('t')('instructor.csrf')}</p>, {
      title: c.get('t')('instructor.title'),
      status: 403,
    });
  await next();
};
