import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';

export const baseURL = inject('baseURL');
export const executablePath = inject('chromium');
/** Browser tests run wherever a Chromium exists; global-setup fails CI when it does not. */
export const hasBrowser = executablePath !== '';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
}

/** A page that records console errors, page errors and failed requests, to be checked by the test. */
export async function openPage(browser: Browser, opts: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL, ...opts });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A request cut off by the next navigation (ERR_ABORTED) is not a fault of the page.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (through the DevTools protocol, so the page's CSP stays as it is). */
export async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    () =>
      (window as any).axe.run(document, { resultTypes: ['violations'] }) as Promise<{
        violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
      }>,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Answers every question of the practice quiz open in `page` through the form (the first option, the first
 * select entry, every item of an order at its place as shown, or "3"), then opens the results. `afterCheck` runs after each question's feedback appears.
 */
export async function finishPracticeRun(page: Page, afterCheck?: (n: number) => void | Promise<void>) {
  const total = Number(await page.locator('#quiz-progress').getAttribute('max'));
  for (let n = 1; n <= total; n++) {
    const first = page.locator('.question-form fieldset').locator('input:not([type=hidden]), select, textarea').first();
    const type = await first.evaluate((el) =>
      el.tagName === 'SELECT' ? 'select' : el.tagName === 'TEXTAREA' ? 'text' : (el as HTMLInputElement).type,
    );
    const order = page.locator('.question-form .order select');
    if (await order.count()) {
      // An order needs every item at its own position (they start empty): 1, 2, 3 … as shown.
      for (let k = 0; k < (await order.count()); k++) await order.nth(k).selectOption({ index: k + 1 });
    } else if (type === 'radio' || type === 'checkbox') await first.check();
    else if (type === 'select') await first.selectOption({ index: 1 });
    else await first.fill('3');
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.waitForSelector('.feedback');
    await afterCheck?.(n);
    if (n < total) {
      await page.getByRole('link', { name: /Next question/ }).click();
      await page.waitForURL(new RegExp(`n=${n + 1}`));
    } else await page.getByRole('button', { name: 'See results' }).click();
  }
  await page.waitForSelector('.result-score');
  return total;
}

/** Interactive elements whose target is smaller than 44 × 44 CSS px (a radio or checkbox counts with its label). */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = 'a[href], button, select, textarea, summary, input:not([type=hidden]), [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.classList.contains('skip')) continue; // off screen until focused
      const input = el as HTMLInputElement;
      const target = (input.type === 'radio' || input.type === 'checkbox') && input.labels?.[0] ? input.labels[0] : el;
      const rects = [...target.getClientRects()];
      if (!rects.length || rects.every((r) => r.width === 0 || r.height === 0)) continue; // not rendered
      // A link broken over two lines is one target: its boxes together must reach 44 px.
      const w = Math.max(...rects.map((r) => r.width));
      const h = Math.max(...rects.map((r) => r.height));
      if (w < 43.5 || h < 43.5)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ${w.toFixed(0)}×${h.toFixed(0)}`,
        );
    }
    return out;
  });
}

/** Whether the page scrolls sideways (content wider than the viewport). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    // On a touch phone the layout viewport grows to the content, so compare with the device width itself.
    const width = window.screen.width;
    return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) > width;
  });

/** A phone: 360 × 740 CSS px, touch. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/**
 * A describe block with one Chromium for its tests (launched before them, closed after), skipped where no
 * Chromium exists; `browser()` gives it to the tests.
 * @example describeInBrowser('quizzes', (browser) => { it('…', async () => { const { page } = await openPage(browser()); }); });
 */
export function describeInBrowser(name: string, body: (browser: () => Browser) => void) {
  describe.skipIf(!hasBrowser)(name, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launch();
    });
    afterAll(() => browser?.close());
    body(() => {
      if (!browser) throw new Error('the browser is not launched yet: call browser() inside a test or hook');
      return browser;
    });
  });
}
