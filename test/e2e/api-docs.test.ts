import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, openPage, PHONE, scrollsSideways } from './browser.ts';

// Issue 22 item 5: the API reference renders under the site's CSP (no inline script or style, so nothing is
// refused and no console error), in English, axe clean, and its contents lead to each operation by keyboard.
describeInBrowser('the API reference (/api/docs) in Chromium', (browser) => {
  it('renders under the CSP with no console error, is axe clean, and links to each operation and schema', async () => {
    const { page, problems, context } = await openPage(browser());
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Rare earths lessons API');
    // The site's stylesheet applied (a file, allowed by the CSP): the layout's header is styled, not bare.
    expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');

    const contents = page.getByRole('navigation', { name: 'Contents' });
    expect(await contents.getByRole('link').count()).toBeGreaterThan(20);
    // Keyboard: follow the contents link of the submit and land on its operation.
    const link = contents.getByRole('link', { name: 'POST /api/quizzes/{quizId}/attempts' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#op-submitAttempt$/);
    expect(await page.locator('#op-submitAttempt h3').innerText()).toBe('POST /api/quizzes/{quizId}/attempts');
    expect(await page.locator('#op-submitAttempt').innerText()).toMatch(/Idempotency-Key/);
    // A schema named in a response leads to its section.
    await page.locator('#op-submitAttempt').getByRole('link', { name: 'AttemptCreated' }).first().click();
    await page.waitForURL(/#schema-AttemptCreated$/);

    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads on a phone: axe clean, the page itself never scrolls sideways (a wide table scrolls in its own focusable box)', async () => {
    const { page, problems, context } = await openPage(browser(), PHONE);
    await page.goto('/api/docs#op-submitAttempt');
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
