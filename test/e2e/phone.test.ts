// A learner's phone: 360 × 740 CSS px with touch. For every question of the course the page does not scroll
// sideways, the first answer control is on the first screen, and every target is at least 44 × 44 px;
// with feedback too; axe finds nothing in either UI language.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, finishPracticeRun, openPage, PHONE, scrollsSideways, smallTargets } from './browser.ts';

const LESSONS = ['alliance', 'china', 'cooperation', 'balance', 'sustainability', 'outlook'];

/**
 * Where a full 44 px of the question's first answer control ends (a choice counts with its label row): on the
 * first screen when this is at most 740, even if a tall text box goes on below.
 */
function firstControlBottom(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLInputElement>('.question-form fieldset :is(input:not([type=hidden]), select, textarea)');
    if (!el) return Infinity;
    const target = el.labels?.[0] && (el.type === 'radio' || el.type === 'checkbox') ? el.labels[0] : el;
    const box = target.getBoundingClientRect();
    return Math.min(box.bottom, box.top + 44);
  });
}

describeInBrowser('on a 360 × 740 phone', (browser) => {
  for (const ui of ['en', 'de'])
    it(`shows every question of the course with its first answer on the first screen (UI ${ui})`, async () => {
      const { page, problems, context } = await openPage(browser(), PHONE);
      const faults: string[] = [];
      let questions = 0;
      for (const lesson of LESSONS) {
        await page.goto(`/${ui}/lessons/${lesson}/quiz`);
        await page.waitForURL(/attempt=/);
        const url = new URL(page.url());
        const total = Number(await page.locator('#quiz-progress').getAttribute('max'));
        for (let n = 1; n <= total; n++) {
          url.searchParams.set('n', String(n));
          await page.goto(url.pathname + url.search);
          questions++;
          const where = `${lesson} ${n}`;
          const bottom = await firstControlBottom(page);
          if (bottom > 740) faults.push(`${where}: first control ends at y=${bottom.toFixed(0)}`);
          if (await scrollsSideways(page)) faults.push(`${where}: scrolls sideways`);
          for (const t of await smallTargets(page)) faults.push(`${where}: small target ${t}`);
        }
      }
      expect(questions).toBeGreaterThanOrEqual(60);
      expect(faults).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 240_000);

  it('keeps feedback full width and targets large after every check of a quiz', async () => {
    const { page, problems, context } = await openPage(browser(), PHONE);
    await page.goto('/en/lessons/alliance/quiz?ql=de');
    const faults: string[] = [];
    await finishPracticeRun(page, async (n) => {
      if (await scrollsSideways(page)) faults.push(`${n}: scrolls sideways`);
      for (const t of await smallTargets(page)) faults.push(`${n}: small target ${t}`);
      const fb = await page.locator('.feedback').boundingBox();
      if (!fb || fb.width < 350) faults.push(`${n}: feedback is ${fb?.width.toFixed(0)} px wide`);
    });
    expect(faults).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('has a one-row header and a one-line breadcrumb, and the menu opens without JavaScript', async () => {
    const { page, context } = await openPage(browser(), { ...PHONE, javaScriptEnabled: false });
    for (const ui of ['en', 'de']) {
      await page.goto(`/${ui}/lessons/sustainability/quiz?attempt=phone1&ql=${ui === 'en' ? 'de' : 'en'}&n=1`);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(50);
      const crumb = await page.locator('.breadcrumb').boundingBox();
      expect(crumb!.height).toBeLessThanOrEqual(46);
      await page.locator('.nav-menu summary').click();
      await expect.poll(() => page.locator('.nav-menu a').first().isVisible()).toBe(true);
      expect(await page.locator('.nav-menu a').count()).toBe(3);
    }
    await context.close();
  });

  for (const ui of ['en', 'de'])
    it(`has no axe-core violations and no small targets on the main pages (UI ${ui})`, async () => {
      const { page, context } = await openPage(browser(), PHONE);
      const faults: string[] = [];
      for (const path of ['/', '/lessons/alliance', '/lessons/china/quiz?attempt=phone2&n=1', '/test', '/progress']) {
        await page.goto(`/${ui}${path}`);
        for (const v of await axeViolations(page)) faults.push(`${path}: ${v}`);
        if (await scrollsSideways(page)) faults.push(`${path}: scrolls sideways`);
        for (const t of await smallTargets(page)) faults.push(`${path}: small target ${t}`);
      }
      expect(faults).toEqual([]);
      await context.close();
    }, 120_000);
});
