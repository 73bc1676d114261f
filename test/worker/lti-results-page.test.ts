import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { afterAttempt, eraseLearner, exportLearner } from '../../worker/services/lti/grades.ts';
import { bookName } from '../../worker/services/lti/gradebook-object.ts';
import { ltiLearnerId } from '../../worker/services/lti/quiz-links.ts';
import { servicesState } from '../lti-emulator/services.ts';
import type { EmulatorUser } from '../lti-emulator/state.ts';
import { request, visibleText } from './helpers.ts';
import { attemptOf, settle } from './lti-grades-helpers.ts';
import { cookiesOf, launch, LEARNER, registeredPlatform, TEACHER } from './lti-helpers.ts';

// The instructor's class results (issue 19, item 5) through real launches from the emulated platform: the
// learner's name and score for that context only, the CSV, the rule form, a failed passback shown, the erase.

const emu = registeredPlatform('lms');

const link = (user: EmulatorUser, resourceLinkId = 'rl-1') =>
  launch(emu.state, emu.app, { user, message: 'LtiResourceLinkRequest', quiz: 'china', resourceLinkId });

/** A learner launched into the link who hands in an attempt with `points` of 10 (the score is then sent). */
async function learnerWith(points: number, user: EmulatorUser = LEARNER) {
  expect((await link(user)).status).toBe(303);
  const learnerId = await ltiLearnerId(env, emu.state.issuer, user.sub);
  await afterAttempt(env, learnerId, attemptOf(points));
  await settle(bookName(emu.state.issuer, emu.state.context.id));
  return learnerId;
}

/** The instructor's launch: its redirect to /lti/results and the session cookie. */
async function instructor(user: EmulatorUser = TEACHER) {
  const res = await link(user);
  expect(res.status).toBe(303);
  const location = res.headers.get('location')!;
  expect(location).toMatch(/^\/lti\/results\?/);
  const cookie = cookiesOf(res).join('; ');
  const get = (path = '/lti/results') => request(path, { headers: { cookie } });
  return { location, cookie, get, page: async () => visibleText(await (await get()).text()) };
}

describe('GET /lti/results', () => {
  it("shows the instructor each learner's name, attempts, counted score and the sent grade", async () => {
    await learnerWith(7);
    const teacher = await instructor();
    const res = await teacher.get();
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en"');
    const text = visibleText(html);
    expect(text).toContain('Lena Lernt');
    expect(text).toContain('7 of 10 (70%)');
    expect(text).toMatch(/Lena Lernt\s*1\s*7 of 10 \(70%\).*sent/);
    expect(text).toContain('Seltene Erden'); // the learner's answer, in the disclosure
    expect(html).toContain('href="/en/instructor/results/china"');
  });

  it('works with the session in the redirect when the browser refused the cookie', async () => {
    await learnerWith(5);
    const teacher = await instructor();
    const res = await request(teacher.location);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(visibleText(html)).toContain('Lena Lernt');
    expect(html).toMatch(/action="\/lti\/results\/policy\?lti_session=/);
  });

  it("never shows a learner to another course's instructor", async () => {
    await learnerWith(7);
    emu.state.context = { id: 'course-other', title: 'Another course' };
    const other = await instructor();
    const text = await other.page();
    expect(text).not.toContain('Lena Lernt');
    expect(text).toContain('No learner has opened this activity yet');
  });

  it('is a 401 page without a session and a 403 page for a learner', async () => {
    const none = await request('/lti/results');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('text/html');
    const learner = await link(LEARNER);
    const res = await request('/lti/results', { headers: { cookie: cookiesOf(learner).join('; ') } });
    expect(res.status).toBe(403);
    expect(visibleText(await res.text())).toContain('Nur für Lehrende'); // in the learner's language (de-DE)
  });

  const failures = [
    { status: 500, what: 'a failed grade passback, retried later,', shown: ['failed after one try.', 'answered 500', 'Next try'] },
    {
      status: 400,
      what: 'a score the platform refused, not retried by itself,',
      shown: [
        'refused by the platform, not tried again automatically.',
        'answered 400: invalid score: the line item is closed',
        'They are not sent again by themselves',
      ],
    },
  ];
  for (const { status, what, shown } of failures) {
    it(`shows ${what} with what the platform answered (${status}), and sends it once after "try again"`, async () => {
      Object.assign(servicesState(emu.state), { failScores: 1, failStatus: status });
      await learnerWith(6);
      const teacher = await instructor();
      const text = await teacher.page();
      for (const words of shown) expect(text).toContain(words);
      if (status === 400) expect(text).not.toContain('Next try');
      const retry = await request('/lti/results/retry', {
        method: 'POST',
        headers: { cookie: teacher.cookie, 'sec-fetch-site': 'same-origin' },
        redirect: 'manual',
      });
      expect(retry.status).toBe(303);
      expect(servicesState(emu.state).scores).toHaveLength(1);
      expect(await teacher.page()).toMatch(/Lena Lernt.*sent/);
    });
  }

  it('names learners from NRPS when the platform grants it, asking at most every ten minutes', async () => {
    servicesState(emu.state).members = [{ ...LEARNER, name: 'Lena Musterfrau' }];
    await learnerWith(7);
    const teacher = await instructor();
    const text = await teacher.page();
    expect(text).toContain('Lena Musterfrau');
    expect(text).not.toContain('Lena Lernt');
    // Asked again at most every ten minutes, not at every page view.
    await teacher.page();
    expect(servicesState(emu.state).membershipRequests).toBe(1);
  });

  it('forgets the name and attempts of a learner who erased their data', async () => {
    const learnerId = await learnerWith(7);
    expect(await exportLearner(env, learnerId)).toMatchObject([
      { course: emu.state.context.title, name: 'Lena Lernt', attempts: [{ points: 7, max: 10 }] },
    ]);
    expect(await eraseLearner(env, learnerId)).toBe(1);
    const text = await (await instructor()).page();
    expect(text).not.toContain('Lena Lernt');
    expect(text).not.toContain('7 of 10');
    expect(await exportLearner(env, learnerId)).toEqual([]);
  });
});

describe('POST /lti/results/policy', () => {
  it('sets which attempt counts and goes back to the results (303)', async () => {
    const teacher = await instructor();
    const res = await request('/lti/results/policy', {
      method: 'POST',
      headers: { cookie: teacher.cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'policy=last',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/lti\/results\?notice=/);
    expect(await (await teacher.get()).text()).toMatch(/<option value="last" selected/);
  });

  it('refuses an unknown rule (400 page) and a post from another site (403)', async () => {
    const teacher = await instructor();
    const post = (body: string, site: string) =>
      request('/lti/results/policy', {
        method: 'POST',
        headers: { cookie: teacher.cookie, 'sec-fetch-site': site, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    expect((await post('policy=median', 'same-origin')).status).toBe(400);
    expect((await post('policy=last', 'cross-site')).status).toBe(403);
    expect(await (await teacher.get()).text()).toMatch(/<option value="best" selected/);
  });
});

describe('GET /lti/results.csv', () => {
  it('lists every attempt with its learner, and no cell runs as a formula', async () => {
    await learnerWith(4, { ...LEARNER, sub: 'learner-eq', name: '=HYPERLINK("http://evil.test")' });
    const res = await (await instructor()).get('/lti/results.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^learner,attempt,submitted_at,points,max,counted,passback,passback_error/);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil.test""\)",1,.*,4,10,yes,sent,/);
  });
});
