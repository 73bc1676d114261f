import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, finishPracticeRun, openPage } from './browser.ts';
import { startDev } from '../../scripts/lib/dev-server.ts';

describeInBrowser('progress in Chromium', (browser) => {
  it('keeps a finished quiz after a reload; a second browser starts empty; export downloads JSON; delete empties it', async () => {
    const { page, problems, context } = await openPage(browser());
    await page.goto('/en/lessons/balance/quiz?ql=de');
    await finishPracticeRun(page);
    await page.goto('/en/progress');
    await page.reload();
    const row = page.locator('tr:has(a[href$="/lessons/balance/quiz"])');
    expect(await row.locator('td').nth(1).innerText()).toBe('1');
    expect(await page.locator('.chart rect').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // In German: percentages and dates as German writes them, labelled chart axes, and the same data as a table.
    await page.goto('/de/progress');
    expect(await page.locator('.progress-table tr:has(a[href$="/lessons/balance/quiz"]) td').nth(2).innerText()).toMatch(/^\d+\s%$/);
    const axes = (await page.locator('.chart svg text').evaluateAll((els) => els.map((e) => e.textContent))).join(' | ');
    expect(axes).toMatch(/^Ergebnis \| 0\s% \| 50\s% \| 100\s% \| 1 \| Versuche, der älteste zuerst$/);
    await page.getByText('Als Tabelle zeigen').click();
    const cells = await page.locator('.history-table tbody td').allInnerTexts();
    expect(cells[1]).toMatch(/^\d{1,2}\. \S+ \d{4}, \d{2}:\d{2} UTC$/);
    expect(cells[3]).toMatch(/^\d+\s%$/);
    expect(await axeViolations(page)).toEqual([]);
    // The overview shows the lesson's state.
    await page.goto('/en/');
    // "completed, best 64%" (or passed): a finished quiz is never "in progress".
    expect(await page.locator('.badge').nth(3).innerText()).toMatch(/^(completed|passed \(80 % or more\)), best \d+%$/);
    await page.goto('/de/');
    expect(await page.locator('.badge').nth(3).innerText()).toMatch(
      /^(abgeschlossen|bestanden \(80 % oder mehr\)), bestes Ergebnis \d+\s%$/,
    );

    const other = await openPage(browser());
    await other.page.goto('/en/progress');
    expect(await other.page.locator('.empty').count()).toBe(1);
    await other.context.close();

    await page.goto('/en/progress');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download everything/ }).click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file!, 'utf8'));
    expect(exported.attempts).toHaveLength(1);
    expect(exported.attempts[0].quizId).toBe('balance');

    await page.getByLabel(/Yes, delete all my progress/).check();
    await page.getByRole('button', { name: 'Delete my progress' }).click();
    await page.waitForURL(/deleted=1/);
    expect(await page.locator('.empty').count()).toBe(1);
    await page.reload();
    expect(await page.locator('.empty').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('survives a restart of the local server (KV kept on disk)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'restart-state-'));
    try {
      let server = await startDev(dir);
      const res = await fetch(`${server.url}/api/quizzes/alliance/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ responses: { 'alliance-4': { value: true } } }),
      });
      expect(res.status).toBe(201);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      await server.stop();
      server = await startDev(dir);
      const progress = (await (await fetch(`${server.url}/api/progress`, { headers: { cookie } })).json()) as any;
      await server.stop();
      expect(progress.summary.total).toBe(1);
      expect(progress.summary.quizzes[0]).toMatchObject({ quizId: 'alliance', attempts: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
