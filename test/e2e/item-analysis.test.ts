import { expect, it } from 'vitest';
import { axeViolations, baseURL, describeInBrowser, openPage } from './browser.ts';
import { capitalsSet } from '../fixtures/sets.ts';
import { instructorToken } from './instructor-api.ts';

// `wrangler dev` (started by global-setup) created .dev.vars with the token.
const token = instructorToken;
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${baseURL}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });

const set = capitalsSet;

describeInBrowser('item analysis in Chromium', (browser) => {
  it('signs in, opens a set’s results, sees flags and the chart, accepts a typed answer that then grades right', async () => {
    const auth = { authorization: `Bearer ${token()}` };
    const created = await api('/api/question-sets', { method: 'POST', headers: auth, body: JSON.stringify(set) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await api(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    const copy = (await (await api(`/api/quizzes/${id}?lang=de`)).json()) as any;
    const china = copy.questions[1].choices.find((c: any) => c.text === 'China').id;
    for (const text of ['Peking', 'Beijing', 'Peking'])
      expect(
        (
          await api(`/api/quizzes/${id}/attempts`, {
            method: 'POST',
            // Public ids belong to the copy's seed: the submit names it.
            body: JSON.stringify({ responses: { cap: { text }, who: { choice: china } }, lang: 'de', seed: copy.seed }),
          })
        ).status,
      ).toBe(201);

    const { page, problems } = await openPage(browser());
    await page.goto('/en/instructor');
    await page.getByLabel('Instructor token').fill(token());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`a[href="/en/instructor/results/${id}"]`).click();
    await page.getByRole('heading', { name: 'Item analysis: Capitals' }).waitFor();
    expect(await page.locator('.item-table').innerText()).toContain('Nobody chose “Iceland”.');
    expect(await page.locator('svg.item-chart[role="img"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Accept: Beijing' }).click();
    await page.getByRole('status').filter({ hasText: '“Beijing” is now accepted, and version 2 is published' }).waitFor();
    expect(problems).toEqual([]);

    const graded = (await (
      await api(`/api/quizzes/${id}/attempts`, {
        method: 'POST',
        body: JSON.stringify({ responses: { cap: { text: 'Beijing' } }, lang: 'de' }),
      })
    ).json()) as any;
    expect(graded.results.find((r: any) => r.questionId === 'cap').score).toBe(1);
  });
});
