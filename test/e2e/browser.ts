import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
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
 * select entry or "3"), then opens the results. `afterCheck` runs after each question's feedback appears.
 */
export async function finishPracticeRun(page: Page, afterCheck?: (n: number) => void | Promise<void>) {
  const total = Number(await page.locator('#quiz-progress').getAttribute('max'));
  for (let n = 1; n <= total; n++) {
    const first = page.locator('.question-form fieldset').locator('input:not([type=hidden]), select').first();
    const type = await first.evaluate((el) => (el.tagName === 'SELECT' ? 'select' : (el as HTMLInputElement).type));
    if (type === 'radio' || type === 'checkbox') await first.check();
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
