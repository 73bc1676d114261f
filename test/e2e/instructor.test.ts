import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, finishPracticeRun, openPage } from './browser.ts';
import { instructorToken } from './instructor-api.ts';

// `wrangler dev` (started by global-setup through scripts/wrangler.ts) created .dev.vars with the token.
const token = instructorToken;

const ml = (de: string, en: string) => `[html]<span lang="de" class="multilang">${de}</span><span lang="en" class="multilang">${en}</span>`;
const goodQuestion2 = `::Partner::${ml('Mit welchem Land arbeiten die USA zusammen?', 'Which country does the US work with?')}{=Japan ~China ~Brasilien}`;
const giftWithError = [
  '$CATEGORY: $course$/Seltene Erden',
  '',
  `::Produzent::${ml('Wer ist der größte Produzent?', 'Who is the largest producer?')}{=China ~Japan ~Die USA}`,
  '',
  `::Partner::${ml('Mit welchem Land arbeiten die USA zusammen?', 'Which country does the US work with?')}{~Japan}`,
].join('\n');

describeInBrowser('instructor area in Chromium', (browser) => {
  it('signs in, fixes an import error at its line, previews in both languages, publishes; a learner takes the set', async () => {
    const { page, problems, context } = await openPage(browser());
    await page.goto('/en/instructor');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Instructor token').fill(token());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New question set' }).first().click();

    await page.getByLabel('Paste the set').fill(giftWithError);
    await page.getByRole('button', { name: 'Check and save' }).click();
    const problemList = page.locator('.problems');
    await problemList.waitFor();
    expect(await problemList.innerText()).toMatch(/Line 5, column \d+/);
    expect(await page.locator('#line-5.bad').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Paste the set').fill(giftWithError.replace(/::Partner::.*$/m, goodQuestion2));
    await page.getByRole('button', { name: 'Check and save' }).click();
    await page.locator('.notice').waitFor();
    expect(await page.locator('.notice').innerText()).toMatch(/Saved: Seltene Erden, version 1/);

    await page.getByRole('link', { name: 'Preview in German' }).click();
    expect(await page.locator('.test-questions').innerText()).toContain('Wer ist der größte Produzent?');
    expect(await page.locator('.test-questions').getAttribute('lang')).toBe('de');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('.test-questions').innerText()).toContain('Who is the largest producer?');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/en/instructor');
    // Other tests' sets share this server: publish the row of this set.
    await page.locator('tr', { hasText: 'Seltene Erden' }).getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('.notice').waitFor();
    expect(await page.locator('.sets-table').innerText()).toMatch(/published \(version 1\)/);
    // The refused import answered 422 on purpose (Chromium logs that); nothing else may go wrong.
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);

    // A learner in another browser context finds the set on the overview and takes it.
    const learner = await openPage(browser());
    await learner.page.goto('/en/');
    await learner.page.getByRole('link', { name: 'Seltene Erden' }).click();
    await learner.page.waitForURL(/\/en\/sets\/s-[a-z0-9]+\?attempt=/);
    await finishPracticeRun(learner.page);
    await learner.page.locator('.result-score').waitFor();
    await learner.page.goto('/en/progress');
    const row = learner.page.locator('tr', { hasText: 'Seltene Erden' });
    expect(await row.locator('td').nth(1).innerText()).toBe('1');
    expect(learner.problems).toEqual([]);
    await learner.context.close();

    // The instructor sees the attempt counted, in this set's row (other tests' sets share this server, and
    // which row comes first depends on the order the files ran in).
    await page.goto('/en/instructor');
    const setRow = page.locator('.sets-table tbody tr', { hasText: 'Seltene Erden' });
    expect(await setRow.locator('td').nth(3).innerText()).toBe('1');
    await context.close();
  });
});
