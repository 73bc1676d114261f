// `npm run lighthouse`: Lighthouse (mobile, the default) with the system Chromium against the overview, a
// lesson and a quiz page of a local `wrangler dev`; prints the four category scores and checks the budgets
// (performance ≥ 95, accessibility 100, best practices 100). Exits 1 when a budget is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, findChromium, HOW_TO_GET_CHROMIUM } from './lib/chromium.ts';
import { startDev } from './lib/dev-server.ts';

const chromePath = findChromium();
if (!chromePath) {
  console.error(`lighthouse: no Chromium found. ${HOW_TO_GET_CHROMIUM}`);
  process.exit(1);
}

const BUDGET = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
const pages = ['/en/', '/de/lessons/china', '/en/lessons/alliance/quiz?attempt=lighthouse&ql=de&n=1'];

const state = mkdtempSync(join(tmpdir(), 'lh-state-'));
const server = await startDev(state);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
let failed = false;
try {
  const rows: Array<Record<string, string | number>> = [];
  for (const path of pages) {
    const result = await lighthouse(server.url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const cats = result!.lhr.categories;
    const score = (k: string) => Math.round((cats[k]?.score ?? 0) * 100);
    const row: Record<string, string | number> = {
      page: path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
    };
    const misses = Object.entries(BUDGET).filter(([k, min]) => (row[k] as number) < min);
    row.budget = misses.length ? `MISSED: ${misses.map(([k, min]) => `${k} < ${min}`).join(', ')}` : 'ok';
    if (misses.length) {
      failed = true;
      for (const [k] of misses)
        for (const ref of cats[k]?.auditRefs ?? []) {
          const audit = result!.lhr.audits[ref.id];
          if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0)
            console.log(`  ${path} ${k}: ${audit.id} — ${audit.title} (${audit.displayValue ?? audit.score})`);
        }
    }
    rows.push(row);
  }
  console.table(rows);
} finally {
  chrome.kill();
  await server.stop();
  rmSync(state, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
