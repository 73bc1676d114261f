// The one error handler: every error ends here and is answered in the form the client asked for. The API
// (`/api/…`) gets `{"error":{code,message,details}}`; pages get an HTML page in the UI language with a way
// back. Known client mistakes keep their status; anything else is logged and is a generic 500 that reveals
// nothing.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ResponseError } from '../../core/quiz/grade.ts';
import { ErrorPage, type ErrorPageProps } from '../../web/pages/error.tsx';
import { href, usePage } from '../../web/page-context.ts';
import type { AppEnv } from '../env.ts';
import { ApiError, errorBody, type ErrorDetail } from './errors.ts';
import { tFor } from '../render/i18n.ts';
import { pageLanguage } from '../render/ui-language.ts';
import { renderPage } from '../render/document.tsx';

interface ClientError {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** The client's mistake behind `err`, or null when it is our fault. */
function clientError(err: Error): ClientError | null {
  if (err instanceof ApiError)
    return { status: err.status as ClientError['status'], code: err.code, message: err.message, details: err.details };
  if (err instanceof ResponseError)
    return {
      status: 422,
      code: 'invalid_response',
      message: `The response does not fit the question: ${err.message}`,
      details: err.details,
    };
  if (err instanceof HTTPException && err.status < 500)
    return {
      status: err.status as ClientError['status'],
      code: err.status === 413 ? 'too_large' : 'bad_request',
      message: err.message || 'Bad request.',
      details: [],
    };
  return null;
}

const isApi = (c: Context) => new URL(c.req.url).pathname.startsWith('/api/');

/** A same-site page the request came from (the Referer), offered as the way back. */
function backHref(c: Context): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    const here = new URL(c.req.url);
    return from.origin === here.origin && from.pathname !== here.pathname ? from.pathname + from.search : undefined;
  } catch {
    return undefined;
  }
}

const PAGE_STATUS: Record<number, ErrorPageProps['status']> = { 404: 404, 413: 413, 422: 422, 429: 429 };

/**
 * A page's 403 comes only from the same-origin check (a form sent from another site). ErrorPage has no 403
 * text, and its "back" link would lead to the other site, so this page says what happened and links home.
 */
function CrossSitePage() {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('sameOrigin.title')}</h1>
      <p>{t('sameOrigin.text')}</p>
      <ul class="error-ways">
        <li>
          <a href={href(lang, '/')}>{t('errors.home')}</a>
        </li>
      </ul>
    </>
  );
}

/** An error page in the UI language. */
export function renderErrorPage(c: Context<AppEnv>, status: number) {
  const lang = pageLanguage(c);
  if (status === 403) return renderPage(c, lang, <CrossSitePage />, { title: tFor(lang)('sameOrigin.title'), status: 403 });
  const page = PAGE_STATUS[status] ?? (status >= 500 ? 500 : 400);
  return renderPage(c, lang, <ErrorPage status={page} backHref={backHref(c)} />, {
    title: tFor(lang)(`errors.s${page}.title` as 'errors.s400.title'),
    status: status >= 500 ? 500 : (status as 400),
  });
}

/** `app.onError`: the one place errors become responses. */
export function handleError(err: Error, c: Context<AppEnv>) {
  const known = clientError(err);
  if (!known) console.error(err);
  if (isApi(c)) {
    return known
      ? c.json(errorBody(known.code, known.message, known.details), known.status)
      : c.json(errorBody('internal', 'Something went wrong on our side.'), 500);
  }
  return renderErrorPage(c, known?.status ?? 500);
}
