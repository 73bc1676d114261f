import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { DeepLinkPicker } from '../../../web/pages/lti/deep-link-picker.tsx';
import { issueLtiSession, issuedLtiSession, LTI_SESSION_PARAM } from '../../auth/lti-session.ts';
import { setLtiLearner } from '../../auth/learner.ts';
import type { AppEnv } from '../../env.ts';
import { renderPage } from '../../render/document.tsx';
import { tFor } from '../../render/i18n.ts';
import { uiLanguages } from '../../services/content.ts';
import { customQuiz, isInstructor, launchLanguage, MESSAGE, toLaunch, CLAIM, type Claims } from '../../services/lti/claims.ts';
import { openDeepLink } from '../../services/lti/deep-linking.ts';
import { LtiError } from '../../services/lti/errors.ts';
import { recordLaunch } from '../../services/lti/grades.ts';
import { loginOf } from '../../services/lti/login.ts';
import { platformOrigins, type Platform } from '../../services/lti/platforms.ts';
import { linkableQuizzes, ltiLearnerId, quizPath } from '../../services/lti/quiz-links.ts';
import { verifyLaunch } from '../../services/lti/verify.ts';
import { pickerItems } from './picker-items.ts';
import { guessLanguage, rememberLanguage } from './error-page.tsx';
import { stateCookieName } from './login.ts';

const field = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** A resource-link launch: a learner to the quiz (as `lti_…` learner), an instructor to the link's results. */
async function resourceLink(c: Context<AppEnv>, claims: Claims, platform: Platform, lang: string) {
  const quiz = customQuiz(claims);
  const path = quiz && quizPath(lang, quiz);
  if (!quiz || !path) throw new LtiError('unknown_quiz', `The link names no quiz of this course (${quiz ?? 'no custom.quiz'}).`);
  const launch = toLaunch(claims, platform.clientId, quiz, lang);
  const learnerId = await ltiLearnerId(c.env, launch.iss, launch.sub);
  await recordLaunch(c.env, launch, learnerId);
  await issueLtiSession(c, launch, platformOrigins(platform));
  if (isInstructor(launch.roles)) {
    const query = new URLSearchParams({ [LTI_SESSION_PARAM]: issuedLtiSession(c)! });
    return c.redirect(`/lti/results?${query}`, 303);
  }
  await setLtiLearner(c, learnerId);
  return c.redirect(path, 303);
}

/** A deep-linking launch: the picker, in the launch's language, with the request sealed into its form. */
async function deepLinking(c: Context<AppEnv>, claims: Claims, platform: Platform, lang: string) {
  const { request, sealed } = await openDeepLink(c.env, claims, platform, lang);
  const items = pickerItems(await linkableQuizzes(c.env), lang);
  return renderPage(c, lang, <DeepLinkPicker items={items} multiple={request.multiple} request={sealed} />, {
    title: tFor(lang)('lti.picker.title'),
  });
}

/**
 * The launch (LTI Core 1.3 §5.1.2): the platform's auto-submitted form with `id_token` and `state`. The
 * state must be this browser's login (cookie) or, where the cookie was refused, the registry's copy; then
 * the id_token is verified (verify.ts) and the message dispatched. Cookies are set only after every check.
 */
async function launch(c: Context<AppEnv>) {
  const form = await c.req.parseBody();
  const state = field(form.state);
  guessLanguage(c, field(form.id_token));
  const login = await loginOf(c.env, state, state ? getCookie(c, stateCookieName(state)) : undefined);
  const { claims, platform } = await verifyLaunch(c.env, field(form.id_token), login);
  const lang = launchLanguage(claims, uiLanguages, 'en');
  rememberLanguage(c, lang);
  c.header('Cache-Control', 'no-store');
  const response =
    claims[CLAIM.messageType] === MESSAGE.deepLinking
      ? await deepLinking(c, claims, platform, lang)
      : await resourceLink(c, claims, platform, lang);
  deleteCookie(c, stateCookieName(login.state), { path: '/lti/', secure: true, sameSite: 'None', partitioned: true });
  return response;
}

export const launchRoutes = new Hono<AppEnv>().post('/launch', launch);
