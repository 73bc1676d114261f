import { Hono, type Context } from 'hono';
import { DeepLinkReturn } from '../../../web/pages/lti/deep-link-picker.tsx';
import type { AppEnv } from '../../env.ts';
import { allowFormTarget } from '../../http/security-headers.ts';
import { renderPage } from '../../render/document.tsx';
import { tFor } from '../../render/i18n.ts';
import { deepLinkResponse, pickedRequest } from '../../services/lti/deep-linking.ts';
import { LtiError } from '../../services/lti/errors.ts';
import { linkableQuizzes } from '../../services/lti/quiz-links.ts';
import { rememberLanguage } from './error-page.tsx';
import { titleIn } from './picker-items.ts';

/**
 * The picker's choice: the quizzes picked (each must be one the picker offers), signed into an
 * LtiDeepLinkingResponse for the platform's return URL. The page's one button posts it there.
 */
async function answer(c: Context<AppEnv>) {
  const form = await c.req.parseBody({ all: true });
  const request = await pickedRequest(c.env, typeof form.request === 'string' ? form.request : undefined);
  rememberLanguage(c, request.lang);
  const picked = ([] as unknown[]).concat(form.quiz ?? []).filter((q): q is string => typeof q === 'string');
  const offered = new Map((await linkableQuizzes(c.env)).map((q) => [q.quiz, q]));
  const chosen = [...new Set(picked)].map((q) => offered.get(q));
  if (!chosen.length || chosen.some((q) => !q) || (!request.multiple && chosen.length > 1))
    throw new LtiError('bad_request', 'Choose one of the quizzes the picker offers.');
  const items = chosen.map((quiz) => ({ quiz: quiz!, title: titleIn(quiz!, request.lang).title }));
  const jwt = await deepLinkResponse(c.env, new URL(c.req.url).origin, request, items);
  allowFormTarget(c, new URL(request.returnUrl).origin);
  c.header('Cache-Control', 'no-store');
  return renderPage(c, request.lang, <DeepLinkReturn returnUrl={request.returnUrl} jwt={jwt} count={items.length} />, {
    title: tFor(request.lang)('lti.picker.readyTitle'),
  });
}

export const deepLinkRoutes = new Hono<AppEnv>().post('/deep-link', answer);
