import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, openPage } from './browser.ts';

/** Picks a wrong meaning with the keyboard alone: Tab into the choices, arrow keys until another gloss is chosen. */
async function chooseWrongByKeyboard(page: Page, right: string) {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio')) break;
  }
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) {
    const label = await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
    if (!label.includes(right)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error('no wrong choice reached');
}

async function reviewOneWordTwice(page: Page) {
  // From the reader: the glossary list's "Add to my review" for the entry, by keyboard (a plain form post).
  await page.goto('/en/lessons/alliance');
  await page.locator('#g-vereinbarung + dd button', { hasText: 'Add to my review' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/added=2/); // its two cards: the meaning, and the word with its article
  expect(await page.locator('.notice[role="status"]').innerText()).toMatch(/added to your review/);
  await page.goto('/en/review');
  expect(await page.locator('h2#card-prompt').innerText()).toContain('Vereinbarung');
  expect(await page.locator('progress#review-progress').count()).toBe(1);
  const counters = async () =>
    `${await page.locator('label[for="review-progress"]').innerText()} · ${await page.locator('.progress span').innerText()}`;
  expect(await counters()).toBe('Card 1 of 2 · 0 due, 2 new');
  await chooseWrongByKeyboard(page, 'agreement');
  await page.keyboard.press('Enter'); // submits with the first button: Check
  await page.waitForSelector('#review-verdict');
  const feedback = await page.locator('.review').innerText();
  expect(feedback).toMatch(/Due again in 1 minute/);
  expect(await counters()).toBe('Card 1 of 3 · 1 due, 1 new'); // the wrong card comes back: one more in this session
  expect(feedback).toContain('agreement');
  expect(await page.locator('.feedback [lang="de"]').count()).toBeGreaterThan(0);
  await page.locator('#review-next').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('h2#card-prompt');
  expect(await counters()).toBe('Card 2 of 3 · 1 due, 1 new');
  // The production card: type the noun with its article.
  expect(await page.locator('h2#card-prompt').innerText()).toContain('agreement');
  await page.locator('input[type="text"]').focus();
  await page.keyboard.type('die Vereinbarung');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#review-verdict');
  expect(await page.locator('.review').innerText()).toMatch(/Due again in \d+ days?/);
  expect(await counters()).toBe('Card 2 of 3 · 1 due, 0 new');
  await page.locator('#review-next').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('h2#card-prompt');
  // The card answered wrong comes back in the same session.
  expect(await page.locator('h2#card-prompt').innerText()).toContain('Vereinbarung');
  expect(await page.locator('label[for="review-progress"]').innerText()).toBe('Card 3 of 3');
}

describeInBrowser('review in Chromium', (browser) => {
  it('reviews a word by keyboard alone, answered wrong, and sees it again in the same session', async () => {
    const { page, problems, context } = await openPage(browser());
    await reviewOneWordTwice(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does the same without JavaScript', async () => {
    const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: false });
    await reviewOneWordTwice(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('has no axe violations on a card, its feedback and the empty review, at 360 px', async () => {
    const { page, problems, context } = await openPage(browser(), { viewport: { width: 360, height: 740 } });
    await page.goto('/de/review');
    expect(await axeViolations(page), page.url()).toEqual([]);
    await page.request.post('/api/review/cards', { data: { glossary: 'vorsehen' } });
    await page.goto('/de/review');
    expect(await axeViolations(page), page.url()).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.locator('input[type="radio"]').first().check();
    await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
    await page.waitForSelector('#review-verdict');
    expect(await axeViolations(page), page.url()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks the sentence with de-DE where a German voice exists, and shows no Listen button without one', async () => {
    const stub = (voices: string[]) => `
      window.__spoken = [];
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } };
      Object.defineProperty(window, 'speechSynthesis', { value: {
        getVoices: () => ${JSON.stringify(voices)}.map((lang) => ({ lang, name: lang })),
        speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
        cancel() {}, addEventListener() {}, removeEventListener() {},
      } });`;
    const german = await openPage(browser());
    await german.context.addInitScript(stub(['en-US', 'de-DE']));
    await german.page.request.post('/api/review/cards', { data: { glossary: 'vereinbarung' } });
    await german.page.goto('/en/review');
    const sentence = await german.page.locator('.review-context blockquote').innerText();
    await german.page.getByRole('button', { name: /Listen/ }).click();
    expect(await german.page.evaluate(() => (window as any).__spoken)).toEqual([{ text: sentence, lang: 'de-DE' }]);
    // Each German sentence of the reader has one too.
    await german.page.goto('/en/lessons/alliance?view=both');
    const first = german.page.locator('#s-p1s1 p[lang="de"]');
    await first.getByRole('button', { name: /Listen/ }).click();
    const spoken = await german.page.evaluate(() => (window as any).__spoken.at(-1));
    expect(spoken.lang).toBe('de-DE');
    expect((await first.innerText()).startsWith(spoken.text.slice(0, 30))).toBe(true);
    await german.context.close();

    const none = await openPage(browser());
    await none.context.addInitScript(stub(['en-US']));
    await none.page.request.post('/api/review/cards', { data: { glossary: 'vereinbarung' } });
    await none.page.goto('/en/review');
    await none.page.waitForLoadState('networkidle');
    expect(await none.page.getByRole('button', { name: /Listen/ }).count()).toBe(0);
    await none.context.close();
  });
});
