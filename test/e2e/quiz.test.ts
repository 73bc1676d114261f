import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, finishPracticeRun, openPage } from './browser.ts';

/** Presses Tab until the focused element matches `test`; fails after `max` presses. */
async function tabTo(page: Page, test: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, test)) return;
  }
  throw new Error(`no element matching ${test} reached by Tab`);
}

/** Answers the focused question with the keyboard: the first control of each kind it meets; an order in full. */
async function answerByKeyboard(page: Page) {
  await tabTo(page, '.question-form fieldset :is(input, select, textarea)');
  const kind = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return el.closest('.order') ? 'order' : el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'text' : el.type;
  });
  if (kind === 'radio' || kind === 'checkbox') await page.keyboard.press('Space');
  else if (kind === 'order') {
    // Positions start empty: item k goes to position k (k presses of ArrowDown past "—"), then Tab to the next.
    const count = await page.locator('.question-form .order select').count();
    for (let k = 1; k <= count; k++) {
      for (let i = 0; i < k; i++) await page.keyboard.press('ArrowDown');
      if (k < count) await page.keyboard.press('Tab');
    }
  } else if (kind === 'select') await page.keyboard.press('ArrowDown');
  else await page.keyboard.type('2');
}

/** The number of the first question of a lesson's quiz that shows `selector`, opened in `page`. */
async function findQuestion(page: Page, base: string, selector: string): Promise<number> {
  for (let n = 1; n <= 20; n++) {
    await page.goto(`${base}&n=${n}`);
    if (await page.locator(selector).count()) return n;
  }
  throw new Error(`no question with ${selector} in ${base}`);
}

describeInBrowser('quizzes in Chromium', (browser) => {
  it('takes a lesson quiz by keyboard alone, from the first question to the results', async () => {
    const { page, problems, context } = await openPage(browser());
    await page.goto('/en/lessons/alliance');
    await tabTo(page, 'a[href$="/lessons/alliance/quiz"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/quiz\?attempt=/);
    const total = Number(await page.locator('#quiz-progress').getAttribute('max'));
    expect(total).toBeGreaterThanOrEqual(10);
    for (let n = 1; n <= total; n++) {
      await page.waitForSelector('[data-island="PracticeQuestion"] .question-form');
      await page.waitForFunction(() => (window as any).__hydrated ?? document.readyState === 'complete');
      await answerByKeyboard(page);
      await tabTo(page, 'button[type="submit"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.feedback');
      // Focus moved to the feedback, and the progress bar counts this answer.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('verdict'))).toBe(true);
      expect(Number(await page.locator('#quiz-progress').getAttribute('value'))).toBe(n);
      if (n < total) {
        await tabTo(page, 'a.button.primary');
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`n=${n + 1}`));
      } else {
        await tabTo(page, '.question-card form[method="post"] button');
        await page.keyboard.press('Enter');
      }
    }
    await page.waitForSelector('.result-score');
    expect(await page.locator('.review-item').count()).toBe(total);
    expect(await page.locator('.result-score').innerText()).toMatch(/of \d+ points/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("checks in place: the page's own GET form sent by fetch, the server's feedback swapped in, a lost connection said", async () => {
    const { page, context } = await openPage(browser());
    const base = '/en/lessons/alliance/quiz?attempt=inplace1&ql=de';
    await page.goto(`${base}&n=1`);
    const url = page.url();
    const checks: Array<{ url: string; type: string; accept: string | undefined }> = [];
    page.on('request', (r) => {
      if (/[?&]r\./.test(r.url()) || r.url().includes('/api/'))
        checks.push({ url: r.url(), type: r.resourceType(), accept: r.headers().accept });
    });
    // The connection fails once: the problem line says so, and nothing is shown as checked.
    await page.route(
      (u) => [...u.searchParams.keys()].some((k) => k.startsWith('r.')),
      (route) => route.abort('internetdisconnected'),
    );
    await answerByKeyboard(page);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect.poll(() => page.locator('.problem').innerText()).toBe('The answer could not be checked. Please try again.');
    expect(await page.locator('.feedback').count()).toBe(0);
    await page.unrouteAll();
    // Again, with the connection back: the same button, the feedback in place, focus on its verdict.
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForSelector('.feedback');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('verdict'))).toBe(true);
    expect(page.url()).toBe(url); // no navigation
    expect(checks.length).toBe(2);
    for (const c of checks) {
      expect(c.type).toBe('fetch');
      expect(c.accept).toBe('text/html');
      expect(new URL(c.url).pathname).toBe('/en/lessons/alliance/quiz'); // the page's form, not the JSON API
    }
    expect(await page.locator('.problem').innerText()).toBe('');
    expect(await page.locator('#quiz-progress').getAttribute('value')).toBe('1');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('takes the final test and reviews it, feedback only after submitting', async () => {
    const { page, problems, context } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto('/de/test');
    await page.waitForURL(/attempt=/);
    expect(await page.locator('.test-questions > li').count()).toBe(20);
    expect(await page.locator('.feedback').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // Answer every single-choice and true/false question with its first option.
    for (const fs of await page.locator('.test-questions fieldset').all()) {
      const radio = fs.locator('input[type="radio"]').first();
      if (await radio.count()) await radio.check();
    }
    await page.getByRole('button', { name: 'Test abgeben' }).click();
    // Questions are still open: the test asks once, names how many, keeps the answers, and a second submit hands in.
    await page.waitForSelector('.open-notice');
    expect(await page.locator('.open-notice').innerText()).toMatch(/\d+ Fragen? (ist|sind) noch offen/);
    expect(await page.locator('.result-score').count()).toBe(0);
    expect(await page.locator('.test-questions input[type="radio"]:checked').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Trotzdem abgeben' }).click();
    await page.waitForSelector('.result-score');
    expect(await page.locator('.review-item').count()).toBe(20);
    expect(await page.locator('.review-item .feedback').count()).toBe(20);
    expect(await page.locator('.result-score').innerText()).toMatch(/von 20 Punkten/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers a quiz with JavaScript disabled: plain form posts graded on the server', async () => {
    const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto('/en/lessons/china/quiz?ql=en');
    const total = await finishPracticeRun(page, (n) => {
      expect(new URL(page.url()).searchParams.get('n')).toBe(String(n)); // graded by a plain GET form
    });
    await page.waitForSelector('.result-score');
    expect(await page.locator('.review-item').count()).toBe(total);
    expect(await page.locator('.review-item .feedback').count()).toBe(total);
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const js of [true, false])
    it(`says so when nothing is chosen, and flags two items at one position (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: js });
      const base = `/en/lessons/alliance/quiz?attempt=empty${js ? 1 : 0}&ql=de`;
      await page.goto(`${base}&n=1`);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => page.locator('.problem').innerText()).toBe('Please answer the question first.');
      expect(await page.locator('.feedback').count()).toBe(0);

      // An order left as shown is unanswered; two items at position 1 are flagged before checking.
      const n = await findQuestion(page, base, '.question-form .order');
      const selects = page.locator('.question-form .order select');
      expect(await selects.first().inputValue()).toBe(''); // starts empty ("—")
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => page.locator('.problem').innerText()).toBe('Please answer the question first.');
      await page.goto(`${base}&n=${n}`);
      await selects.nth(0).selectOption('1');
      await selects.nth(1).selectOption('1');
      if (js) {
        await expect.poll(() => page.locator('.question-form select[aria-invalid="true"]').count()).toBe(2);
        expect(await page.locator('.problem').innerText()).toMatch(/^Give each item its own position, from 1 to \d+\.$/);
      }
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect.poll(() => page.locator('.problem').innerText()).toMatch(/^Give each item its own position/);
      expect(await page.locator('.feedback').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });

  it('asks before handing in an empty final test without JavaScript too, then stores it', async () => {
    const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto('/en/test');
    await page.getByRole('button', { name: 'Submit the test' }).click();
    await page.waitForSelector('.open-notice');
    expect(await page.locator('.open-notice').innerText()).toMatch(/20 questions are still open/);
    expect(await page.locator('.result-score').count()).toBe(0);
    await page.getByRole('button', { name: 'Hand in anyway' }).click();
    await page.waitForSelector('.result-score');
    expect(await page.locator('.result-score').innerText()).toMatch(/0 of 20/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks the pick in the list after checking, with a verdict unlike the True/False labels', async () => {
    const { page, context } = await openPage(browser(), { locale: 'de-DE' });
    const base = '/de/lessons/alliance/quiz?attempt=marks1&ql=en';
    await findQuestion(page, base, '.question-form input[type="radio"][value="true"]');
    await page.locator('.question-form input[value="true"]').check();
    await page.getByRole('button', { name: 'Antwort prüfen' }).click();
    await page.waitForSelector('.feedback');
    const verdict = await page.locator('.feedback .verdict').innerText();
    expect(verdict).toMatch(/Richtig beantwortet|Nicht ganz/);
    expect(verdict).not.toMatch(/^\W*Richtig \(/);
    // The chosen row says it was the learner's answer and whether it was right, in words and an icon.
    expect(await page.locator('.choices li.chosen .mark').innerText()).toMatch(/^[✓✗] Ihre Antwort, (nicht )?richtig$/);
    expect(await page.locator('.feedback[aria-labelledby]').count()).toBe(1);
    await context.close();
  });

  it('has no axe-core violations on a quiz question with feedback', async () => {
    const { page, context } = await openPage(browser());
    await page.goto('/de/lessons/outlook/quiz?attempt=axe1&ql=de&n=1');
    expect(await axeViolations(page)).toEqual([]);
    await answerByKeyboard(page);
    await page.locator('button[type="submit"]').click();
    await page.waitForSelector('.feedback');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
