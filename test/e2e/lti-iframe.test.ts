// LTI 1.3 in a real browser (issue 19): the platform emulator served over HTTP on another site
// (http://localhost:{port}) than the tool (wrangler dev at http://127.0.0.1:{port}), registered with the tool
// through the instructor API; its course page frames the activity, which runs login → launch → the quiz inside
// the frame; the learner hands the quiz in and the emulated LMS receives exactly one score.
import type { Frame, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/dev-server.ts';
import { coursePage, emulatorApp } from '../lti-emulator/index.ts';
import { ROLES } from '../lti-emulator/platform.ts';
import { serve, type EmulatorServer } from '../lti-emulator/serve.ts';
import { addLineItem, servicesState } from '../lti-emulator/services.ts';
import { createEmulatorState, type LaunchSpec } from '../lti-emulator/state.ts';
import { axeViolations, baseURL, describeInBrowser, finishPracticeRun, openPage, PHONE, scrollsSideways, smallTargets } from './browser.ts';
import { instructorToken } from './instructor-api.ts';

// `wrangler dev` (started by global-setup through scripts/wrangler.ts) created .dev.vars with the token.
const token = instructorToken;

let lms: EmulatorServer | undefined;
let state: ReturnType<typeof servicesState>;
let lmsOrigin = '';

beforeAll(async () => {
  const port = await freePort();
  lmsOrigin = `http://localhost:${port}`;
  state = servicesState(await createEmulatorState(lmsOrigin, baseURL));
  state.context = { id: 'e2e-course', title: 'Deutsch B2 (browser)' };
  lms = await serve(emulatorApp(state), port);
  // The administrator's manual registration, through the instructor API.
  const res = await fetch(`${baseURL}/api/lti/platforms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      issuer: state.issuer,
      clientId: state.tool.clientId,
      deploymentIds: [state.tool.deploymentId],
      authUrl: `${lmsOrigin}/auth`,
      tokenUrl: `${lmsOrigin}/token`,
      jwksUrl: `${lmsOrigin}/jwks`,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
});

afterAll(async () => {
  await fetch(`${baseURL}/api/lti/platforms?issuer=${encodeURIComponent(state.issuer)}&clientId=${state.tool.clientId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token()}` },
  });
  await lms?.close();
});

/** The iframe `#tool` of the LMS page, once it shows a page of the tool whose path matches `path`. */
async function toolFrame(page: Page, path: RegExp): Promise<Frame> {
  const frame = (await (await page.waitForSelector('#tool')).contentFrame())!;
  await frame.waitForURL(path);
  return frame;
}

/** Polls until `done` holds (the grade goes back through the gradebook's outbox, after the hand-in answered). */
async function eventually(done: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
}

describeInBrowser('LTI 1.3 inside an LMS iframe', (browser) => {
  it('launches the quiz in the frame, the learner hands it in, and the LMS gets exactly one score', async () => {
    const item = addLineItem(state, { scoreMaximum: 10, label: 'Lesson 2 quiz', resourceLinkId: 'link-china' });
    const learner = { sub: 'e2e-learner-1', name: 'Emma Frame', roles: ROLES.learner, locale: 'en-GB' };
    const spec: LaunchSpec = {
      user: learner,
      message: 'LtiResourceLinkRequest',
      quiz: 'china',
      resourceLinkId: 'link-china',
      lineitem: item.id,
    };
    const { page, problems } = await openPage(browser());
    const documents: Response[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'document' && r.url().startsWith(baseURL)) documents.push(r);
    });

    await page.goto(coursePage(state, 'china', spec));
    const frame = await toolFrame(page, /\/en\/lessons\/china\/quiz/);

    // The frame was allowed: the quiz page names the LMS as its only framer, and sends no X-Frame-Options.
    const quizDoc = documents.find((r) => new URL(r.url()).pathname === '/en/lessons/china/quiz')!;
    expect(quizDoc, documents.map((r) => r.url()).join('\n')).toBeDefined();
    const headers = await quizDoc.allHeaders();
    expect(headers['content-security-policy']).toMatch(new RegExp(`frame-ancestors ${lmsOrigin}(;|$)`));
    expect(headers['x-frame-options']).toBeUndefined();
    expect(state.authRequests).toHaveLength(1);
    expect(await frame.locator('h1').innerText()).not.toBe('');

    // Axe inside the frame, on the quiz page (browser.ts runs it through the DevTools protocol in that document).
    expect(await axeViolations(frame as unknown as Page)).toEqual([]);

    // The learner answers every question in the frame and hands the quiz in (browser.ts drives a Frame as a Page).
    const total = await finishPracticeRun(frame as unknown as Page);
    const shown = await frame.locator('.result-score').innerText();

    await eventually(() => state.scores.length > 0);
    await new Promise((r) => setTimeout(r, 1500)); // a second score would have arrived by now
    expect(state.scores).toHaveLength(1);
    const score = state.scores[0]!;
    expect(score).toMatchObject({
      lineitem: item.id,
      userId: learner.sub,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    // The points the learner saw are the points the LMS got (a description question scores nothing, so the
    // maximum need not be the number of questions).
    const [, given, max] = /([\d.]+) (?:out )?of ([\d.]+)/.exec(shown) ?? [];
    expect(score.scoreGiven, shown).toBeCloseTo(Number(given), 2); // the page rounds to two decimals
    expect(score.scoreMaximum, shown).toBe(Number(max));
    expect(score.scoreMaximum).toBeLessThanOrEqual(total);
    expect(Math.abs(Date.now() - Date.parse(String(score.timestamp)))).toBeLessThan(120_000);
    expect(problems).toEqual([]);
  });

  it('refuses to be framed outside a launch: a course page of the tool in the same LMS', async () => {
    const { page } = await openPage(browser());
    await page.goto('/en/');
    expect(await page.locator('a[href="/en/test"]').count()).toBeGreaterThan(0); // what the frame must not show
    const blocked = page.waitForResponse((r) => r.url() === `${baseURL}/en/`);
    await page.goto(`${lmsOrigin}/frame?src=${encodeURIComponent(`${baseURL}/en/`)}`);
    const res = await blocked;
    expect((await res.allHeaders())['content-security-policy']).toContain("frame-ancestors 'none'");
    const frame = (await (await page.waitForSelector('#tool')).contentFrame())!;
    await page.waitForTimeout(500);
    // Chromium shows its error page instead of the tool's: nothing of the course reached the frame.
    expect(await frame.locator('a[href="/en/test"]').count()).toBe(0);
  });

  it('instructor page at 360 px: URLs and platforms readable, registration and removal by keyboard, axe clean in both languages', async () => {
    const { page, problems } = await openPage(browser(), PHONE);
    await page.goto('/en/instructor');
    await page.getByLabel('Instructor token').fill(token());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /LTI 1\.3: connect a learning platform/ }).click();
    await page.waitForURL(/\/en\/instructor\/lti$/);
    expect(await page.locator('code.url', { hasText: `${baseURL}/lti/register?invite=` }).count()).toBe(1);
    expect(await page.locator('tr', { hasText: state.tool.clientId }).innerText()).toContain('by hand');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: into the form from the issuer field on, Tab from field to field, Enter on the button.
    await page.getByLabel('Issuer (platform ID)').focus();
    for (const value of [
      'https://keyboard.example',
      'kb-client',
      'kb-1',
      'https://keyboard.example/auth',
      'https://keyboard.example/token',
    ]) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('http://keyboard.example/jwks'); // not https: refused at its field
    await page.keyboard.press('Enter');
    await page.locator('.problems').waitFor();
    expect(await page.locator('.problems').innerText()).toContain('Public keyset URL: the address must start with https://');
    expect(await page.getByLabel('Public keyset URL').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Public keyset URL').fill('https://keyboard.example/jwks');
    await page.getByLabel('Public keyset URL').press('Enter');
    await page.locator('.notice').waitFor();
    expect(await page.locator('.notice').innerText()).toBe('Registered: https://keyboard.example (client ID kb-client).');

    const remove = page.getByRole('button', { name: 'Remove https://keyboard.example, client ID kb-client' });
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=Removed/);
    expect(await page.locator('tr', { hasText: 'kb-client' }).count()).toBe(0);

    await page.goto('/de/instructor/lti');
    expect(await page.locator('h1').innerText()).toBe('LTI-1.3-Plattformen (Moodle, Canvas, …)');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // The refused form is a 422 page, which Chromium reports once in the console: nothing else went wrong.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
  });
});
