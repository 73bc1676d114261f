import { publishSet } from './instructor-api.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, finishPracticeRun, openPage } from './browser.ts';

// An EFL teacher's GIFT file is in English only. Played to its results in the browser, with JavaScript and
// without, it must never meet a server error (it answered 500 on question 2 before the one attempt path).

const GIFT = [
  '::Partner:: Which country signed the agreement with the US? {=Japan ~China ~Brazil}',
  '::Controls:: China restricts the export of rare earths. {T}',
  '::Word:: Which word means "Vereinbarung"? {=agreement =deal}',
  '::Pairs:: Match the words. {=supply -> Versorgung =agreement -> Vereinbarung =rare -> selten}',
  '::Year:: In which year was the agreement signed? {#2025:0}',
].join('\n\n');

describeInBrowser('an English-only set in Chromium', (browser) => {
  let setId: string;
  beforeAll(async () => {
    setId = await publishSet('format=gift&lang=en&title=EFL%20only', 'text/plain', GIFT);
  });

  for (const javaScriptEnabled of [true, false])
    it(`is played to its results ${javaScriptEnabled ? 'with' : 'without'} JavaScript, from a German UI too`, async () => {
      for (const ui of ['en', 'de']) {
        const { page, problems, context } = await openPage(browser(), { javaScriptEnabled, locale: ui });
        await page.goto(`/${ui}/sets/${setId}`);
        expect(await page.locator('fieldset[lang="en"]').count()).toBeGreaterThan(0);
        // One language: no language switch that would do nothing.
        expect(await page.locator('.ql-switch').count()).toBe(0);
        if (ui === 'en') {
          expect(await finishPracticeRun(page)).toBe(5);
          expect(await page.locator('.result-score').innerText()).toMatch(/of 5/);
        } else {
          // The German UI: answer through the form alone and hand the run in from the last question.
          await page.goto(`/${ui}/sets/${setId}?attempt=abcd1234&ql=en&n=5`);
          await page.locator('.question-form input[type=text], .question-form input[inputmode]').first().fill('2025');
          await page.locator('.question-form button[type=submit]').first().click();
          await page.waitForSelector('.feedback');
          await page.locator('form[action$="/results"] button[type=submit]').click();
          await page.waitForSelector('.result-score');
          expect(await page.locator('html').getAttribute('lang')).toBe('de');
        }
        expect(problems).toEqual([]);
        await context.close();
      }
    });

  it('shows a failing form post as an HTML page in the UI language, not JSON', async () => {
    const { page, context } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`/de/sets/${setId}?attempt=abcd1234&ql=en&n=5`);
    await page.locator('.question-form input[type=text], .question-form input[inputmode]').first().fill('2025');
    await page.locator('.question-form button[type=submit]').first().click();
    await page.waitForSelector('.feedback');
    // A form whose attempt was tampered with: the server refuses it, as a page.
    await page.locator('form[action$="/results"] input[name="attempt"]').evaluate((el) => ((el as HTMLInputElement).value = 'NOT OK'));
    await page.locator('form[action$="/results"] button[type=submit]').click();
    await page.waitForLoadState();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('h1').innerText()).toMatch(/unvollständig/);
    expect(await page.content()).not.toContain('"error"');
    await context.close();
  });
});
