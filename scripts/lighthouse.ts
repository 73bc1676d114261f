// `npm run lighthouse`: Lighthouse (mobile, the default) with the system Chromium against a local `wrangler dev`:
// the overview, a lesson, a practice quiz, the review (a learner with due cards) and a results page (the final
// test handed in, a form post, so Lighthouse measures the navigation the post starts). Prints the four category
// scores and checks the budgets (100 in each, docs/performance.md). Exits 1 when a budget is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { navigation, type Flags } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_FLAGS, findChromium, HOW_TO_GET_CHROMIUM } from './lib/chromium.ts';
import { startDev } from './lib/dev-server.ts';

const chromePath = findChromium();
if (!chromePath) {
  console.error(`lighthouse: no Chromium found. ${HOW_TO_GET_CHROMIUM}`);
  process.exit(1);
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const BUDGET: Record<(typeof CATEGORIES)[number], number> = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };

/** A page to audit: a URL, or a form post started from a page (`from`) by `submit`. */
interface Audited {
  name: string;
  path: string;
  submit?: (page: Page) => Promise<void>;
}
const all: Audited[] = [
  { name: 'overview', path: '/en/' },
  { name: 'lesson', path: '/de/lessons/china' },
  { name: 'quiz', path: '/en/lessons/alliance/quiz?attempt=lighthouse&ql=de&n=1' },
  { name: 'review', path: '/en/review' },
  {
    name: 'results (final test handed in)',
    path: '/en/test?attempt=lighthouse&ql=de',
    // Handed in as it is: the page asks once when questions are open, and `confirm` is that answer. A string,
    // because it runs in the page (this script is type-checked without the DOM's types).
    submit: (page) =>
      page.evaluate(`(() => {
        const form = document.querySelector('form[method="post"]');
        form.append(Object.assign(document.createElement('input'), { type: 'hidden', name: 'confirm', value: '1' }));
        form.submit();
      })()`) as Promise<unknown> as Promise<void>,
  },
];

/** `LIGHTHOUSE_PAGES=quiz,review` audits only those (names as in the table, by their first word). */
const only = process.env.LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim());
const pages = all.filter((p) => !only || only.includes(p.name.split(' ')[0]!));

/** A learner with cards to review (so the review page shows one), as the cookie a browser would hold. */
async function learnerWithCards(url: string): Promise<{ name: string; value: string }> {
  const res = await fetch(`${url}/api/review/cards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lesson: 'china' }),
  });
  const [name, value] = (res.headers.get('set-cookie') ?? '').split(';')[0]!.split('=') as [string, string];
  if (res.status !== 201 || !value) throw new Error(`lighthouse: could not add review cards (${res.status})`);
  return { name, value };
}

const state = mkdtempSync(join(tmpdir(), 'lh-state-'));
const server = await startDev(state);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
let failed = false;
try {
  const cookie = await learnerWithCards(server.url);
  const rows: Array<Record<string, string | number>> = [];
  for (const audited of pages) {
    const page = await browser.newPage();
    await page.setCookie({ ...cookie, url: server.url });
    const flags: Flags = { logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const submit = audited.submit;
    if (submit) await page.goto(server.url + audited.path);
    const result = await navigation(page, submit ? () => submit(page) : server.url + audited.path, { flags });
    await page.close();
    if (result!.lhr.runtimeError) console.log(`  ${audited.name}: ${result!.lhr.runtimeError.code} — ${result!.lhr.runtimeError.message}`);
    const cats = result!.lhr.categories;
    const row: Record<string, string | number> = { page: audited.name, path: audited.path };
    for (const k of CATEGORIES) row[k] = Math.round((cats[k]?.score ?? 0) * 100);
    const misses = CATEGORIES.filter((k) => (row[k] as number) < BUDGET[k]);
    row.budget = misses.length ? `MISSED: ${misses.join(', ')}` : 'ok';
    failed ||= misses.length > 0;
    for (const k of misses)
      for (const ref of cats[k]?.auditRefs ?? []) {
        const audit = result!.lhr.audits[ref.id];
        if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0) {
          console.log(`  ${audited.name} ${k}: ${audit.id} — ${audit.title} (${audit.displayValue ?? audit.score})`);
          // What it found, briefly: the console message, the element, the URL.
          const items = (audit.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
          for (const item of items.slice(0, 3)) console.log(`      ${JSON.stringify(item).slice(0, 300)}`);
        }
      }
    rows.push(row);
  }
  console.table(rows);
} finally {
  await browser.disconnect();
  chrome.kill();
  await server.stop();
  rmSync(state, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
