// `/lti/results`: the class results of the link an instructor launched (issue 19, item 5), its CSV, the rule
// for which attempt counts, and a retry of failed grade passbacks. Only with an instructor's LTI session.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import { InstructorsOnlyPage, LtiResultsPage } from '../../../web/pages/lti-results.tsx';
import { LTI_SESSION_PARAM, ltiSessionRef, readLtiSession } from '../../auth/lti-session.ts';
import type { AppEnv } from '../../env.ts';
import { renderPage } from '../../render/document.tsx';
import { isUiLanguage, tFor } from '../../render/i18n.ts';
import { isInstructor } from '../../services/lti/claims.ts';
import { LtiError } from '../../services/lti/errors.ts';
import { resultsCsv, resultsOf, retryFailedOf, setPolicyOf } from '../../services/lti/gradebook-results.ts';
import type { LtiLaunch } from '../../services/lti/types.ts';
import { reportedQuiz } from '../../services/results-report.ts';
import { isPolicy } from '../../objects/lti-gradebook/policy.ts';
import { rememberLanguage } from './error-page.tsx';

type C = Context<AppEnv>;

const launches = new WeakMap<C, LtiLaunch>();

/**
 * Every results route: the launch of the request's LTI session, in its UI language; without a session the LTI
 * error page (401), with a learner's session a 403 page (only the course's instructors see the class).
 */
const instructorOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  const launch = await readLtiSession(c);
  if (!launch) throw new LtiError('no_session', 'No LTI session: open the activity from the course as its instructor.');
  const lang = isUiLanguage(launch.lang) ? launch.lang : 'en';
  rememberLanguage(c, lang);
  c.set('lang', lang);
  c.set('t', tFor(lang));
  c.header('Cache-Control', 'no-store');
  if (!isInstructor(launch.roles))
    return renderPage(c, lang, <InstructorsOnlyPage />, { title: tFor(lang)('ltiResults.instructorsOnly'), status: 403 });
  launches.set(c, launch);
  await next();
};

const launchOf = (c: C) => launches.get(c)!;

/** `path` with the session of the fallback parameter when the request came with it (the cookie was refused). */
async function withSession(c: C, path: string): Promise<string> {
  const param = c.req.query(LTI_SESSION_PARAM);
  const fromParam = param && (await ltiSessionRef(c)) ? param : undefined;
  return fromParam ? `${path}?${new URLSearchParams({ [LTI_SESSION_PARAM]: fromParam })}` : path;
}

async function quizTitle(env: Env, quiz: string, lang: string): Promise<string> {
  const reported = await reportedQuiz(env, quiz);
  if (!reported) return quiz;
  return reported.kind === 'final' ? tFor(lang)('itemAnalysis.finalTitle') : pick(reported.title, lang);
}

/** 303 back to the results page, with a notice in the UI language. */
async function back(c: C, notice: string) {
  const to = await withSession(c, '/lti/results');
  return c.redirect(`${to}${to.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}`, 303);
}

export const resultsRoutes = new Hono<AppEnv>()
  .use('/results', instructorOnly)
  .use('/results.csv', instructorOnly)
  .use('/results/*', instructorOnly)
  .get('/results', async (c) => {
    const launch = launchOf(c);
    const [results, title] = await Promise.all([
      resultsOf(c.env, launch),
      quizTitle(c.env, launch.quiz.replace(/^set:/, ''), c.get('lang')),
    ]);
    if (!results) throw new LtiError('unknown_quiz', 'This link has no results in the course gradebook.');
    const lang = c.get('lang');
    const page = (
      <LtiResultsPage
        results={results}
        quizTitle={title}
        policyAction={await withSession(c, '/lti/results/policy')}
        retryAction={await withSession(c, '/lti/results/retry')}
        csvHref={await withSession(c, '/lti/results.csv')}
        itemAnalysisHref={`/${lang}/instructor/results/${results.quiz}`}
        notice={c.req.query('notice')?.slice(0, 200)}
      />
    );
    return renderPage(c, lang, page, { title: c.get('t')('ltiResults.title', { quiz: title }) });
  })
  .get('/results.csv', async (c) => {
    const launch = launchOf(c);
    const results = await resultsOf(c.env, launch);
    if (!results) throw new LtiError('unknown_quiz', 'This link has no results in the course gradebook.');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${results.quiz}-class-results.csv"`);
    return c.body(resultsCsv(results, c.get('t')));
  })
  .post('/results/policy', async (c) => {
    const launch = launchOf(c);
    const policy = (await c.req.parseBody()).policy;
    if (!isPolicy(policy)) throw new LtiError('bad_request', 'The form names no rule (best, last or first).');
    if (!(await setPolicyOf(c.env, launch, policy))) throw new LtiError('unknown_quiz', 'This link is not in the course gradebook.');
    return back(c, c.get('t')('ltiResults.policySaved', { policy: c.get('t')(`ltiResults.policies.${policy}`) }));
  })
  .post('/results/retry', async (c) => {
    const launch = launchOf(c);
    const n = await retryFailedOf(c.env, launch);
    return back(c, c.get('t')('ltiResults.retried', { count: n }));
  });
