import { beforeAll, expect, it } from 'vitest';
import { axeViolations, describeInBrowser, openPage } from './browser.ts';

describeInBrowser('in Chromium', (browser) => {
  beforeAll(async () => {
    console.log(`e2e: running in ${browser().browserType().name()} ${browser().version()}`);
  });

  it('redirects / by the browser language and switches language on the same page', async () => {
    const { page, problems, context } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/de/');
    await page.goto('/de/lessons/china');
    await page.getByRole('link', { name: 'English' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/en/lessons/china');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // the choice is remembered for /
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/en/');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads a lesson in German, in English and side by side, and remembers the view', async () => {
    const { page, problems, context } = await openPage(browser(), { locale: 'en-US' });
    await page.goto('/en/lessons/alliance');
    const viewNav = page.getByRole('navigation', { name: 'Show the text in' });

    await viewNav.getByRole('link', { name: 'German', exact: true }).click();
    await expect.poll(() => page.locator('.reader p.single').getAttribute('lang')).toBe('de');
    expect(await page.locator('.reader').innerText()).toContain('Die jüngste Entwicklung in den internationalen Beziehungen');

    await viewNav.getByRole('link', { name: 'English', exact: true }).click();
    await expect.poll(() => page.locator('.reader p.single').getAttribute('lang')).toBe('en');
    expect(await page.locator('.reader [lang="de"]').count()).toBe(0);

    await viewNav.getByRole('link', { name: 'Side by side' }).click();
    await expect.poll(() => page.locator('.reader .pair').count()).toBe(3);
    expect(await page.locator('.pair').first().locator('p[lang="de"]').count()).toBe(1);
    expect(await page.locator('.pair').first().locator('p[lang="en"]').count()).toBe(1);

    await viewNav.getByRole('link', { name: 'German', exact: true }).click();
    await expect.poll(() => page.locator('.reader p.single').getAttribute('lang')).toBe('de');
    // In place: the page was not loaded again, its address says the view, and focus stays on the switch.
    expect(new URL(page.url()).search).toBe('?view=de');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('true');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    // The swapped-in text is enhanced too: a term opens its entry in place.
    expect(await page.locator('.reader a.term').first().getAttribute('aria-haspopup')).toBe('dialog');
    await page.locator('.reader a.term').first().click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.goto('/en/lessons/china'); // another lesson, no ?view=
    expect(await page.locator('.reader p.single').getAttribute('lang')).toBe('de');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens and closes a glossary entry by keyboard alone', async () => {
    const { page, problems, context } = await openPage(browser());
    await page.goto('/en/lessons/cooperation?view=de');
    await page.waitForFunction(() => document.querySelector('[data-island]') !== null);
    // Tab from the top of the page until a glossary term has focus.
    let onTerm = false;
    for (let i = 0; i < 40 && !onTerm; i++) {
      await page.keyboard.press('Tab');
      onTerm = await page.evaluate(() => document.activeElement?.classList.contains('term') ?? false);
    }
    expect(onTerm).toBe(true);
    const term = await page.evaluate(() => document.activeElement!.textContent);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    expect(await dialog.innerText()).toMatch(/\w+/);
    expect(new URL(page.url()).hash).toBe(''); // opened in place, not followed as a link
    // In the UI language, named by its German headword (marked as German), with the list entry's grammar.
    const head = dialog.locator('.pop-head');
    expect(await dialog.getAttribute('lang')).toBe('en');
    expect(await head.getAttribute('lang')).toBe('de');
    expect(await page.getByRole('dialog', { name: await head.innerText(), exact: true }).count()).toBe(1);
    expect(await dialog.locator('.pop-grammar').innerText()).toMatch(/^(noun|verb|adjective|adverb|phrase|preposition|conjunction)\b/);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(term);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');

    // Space opens it too; "Add to my review" posts the glossary list's form in place and says what the server
    // said (a word has one or two cards); the page stays; the close button closes the dialog and focus returns
    // to the term.
    await page.keyboard.press('Space');
    await expect.poll(() => dialog.count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add to my review');
    const before = page.url();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('[role="status"]').textContent()).toMatch(/^[12] cards? added to your review\.$/);
    const said = await dialog.locator('[role="status"]').textContent();
    expect(await dialog.locator('button.pop-add').innerText()).toBe(`✓ ${said}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))).toBe('true');
    expect(page.url()).toBe(before);
    expect(await axeViolations(page), 'the open dialog after adding').toEqual([]);
    const exported = (await (await page.request.get('/api/progress/export')).json()) as { review: { cards: unknown[] } };
    expect(exported.review.cards).toHaveLength(Number(said!.charAt(0)));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(term);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: view links reload, terms link to the glossary list', async () => {
    const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto('/de/lessons/china');
    await page.getByRole('navigation', { name: 'Text anzeigen auf' }).getByRole('link', { name: 'Englisch' }).click();
    expect(new URL(page.url()).search).toBe('?view=en');
    expect(await page.locator('.reader p.single').getAttribute('lang')).toBe('en');
    await page.goto('/de/lessons/china?view=de');
    const first = page.locator('a.term').first();
    const target = await first.getAttribute('href');
    await first.click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.locator(`${target}`).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const { page, context } = await openPage(browser(), { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    for (const path of ['/en/', '/de/lessons/sustainability']) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await page.locator('a.term').first().tap();
    const box = await page.getByRole('dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await context.close();
  });

  for (const path of ['/en/', '/de/', '/en/lessons/alliance', '/de/lessons/outlook?view=de', '/en/nope']) {
    it(`has no axe-core violations on ${path}`, async () => {
      const { page, problems, context } = await openPage(browser());
      await page.goto(path);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
      await context.close();
    });
  }
});
