import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseURL = inject('baseURL');
export const executablePath = inject('chromium');
/** Browser tests run wherever a Chromium exists; global-setup fails CI when it does not. */
export const hasBrowser = executablePath !== '';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
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
  const result = await page.evaluate(() =>
    (window as any).axe.run(document, { resultTypes: ['violations'] }) as Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>,
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
