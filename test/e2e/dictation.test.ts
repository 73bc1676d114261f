// Issue 18, item 3: a dictation in a real Chromium. Speech synthesis is stubbed (the headless browser has no
// voices), recording what would be spoken; the learner uses only the keyboard; a phone neither scrolls sideways
// nor has small targets; without a German voice, and without JavaScript, the sentence is behind a button; axe
// finds nothing.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, baseURL, describeInBrowser, openPage, PHONE, scrollsSideways, smallTargets } from './browser.ts';

/** Replaces the browser's speech synthesis before any script runs: one German voice (or none), and a log. */
function stubSpeech(voices: boolean) {
  const script = (withVoice: boolean) => {
    const spoken: Array<{ text: string; lang: string; rate: number; voice: string | null }> = [];
    (window as any).__spoken = spoken;
    const voice = { lang: 'de-DE', name: 'Stub Deutsch', voiceURI: 'stub-de', default: true, localService: true };
    (window as any).SpeechSynthesisUtterance = class {
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      constructor(public text: string) {}
    };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => (withVoice ? [voice] : []),
        speak: (u: any) => spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null }),
        cancel: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      },
    });
  };
  return (context: BrowserContext) => context.addInitScript(script, voices);
}

/** The practice page of the china lesson's dictation, and its sentence, as the API's learner copy has them. */
async function dictationPage(page: Page, ui = 'en') {
  const copy = (await (await fetch(`${baseURL}/api/quizzes/china?lang=de`)).json()) as any;
  const n = copy.questions.findIndex((q: any) => q.type === 'dictation') + 1;
  const sentence = copy.questions[n - 1].dictate as string;
  await page.goto(`/${ui}/lessons/china/quiz?attempt=dictat01&ql=de&n=${n}`);
  return sentence;
}

/** Presses Tab until the focused element has this accessible text (at most 60 times). */
async function tabTo(page: Page, text: RegExp) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return `${el?.tagName ?? ''} ${el?.textContent ?? ''} ${el?.getAttribute('aria-label') ?? ''} ${(el as HTMLTextAreaElement)?.name ?? ''}`;
    });
    if (text.test(focused)) return;
  }
  throw new Error(`no element reached by Tab matches ${text}`);
}

const spoken = (page: Page) =>
  page.evaluate(() => (window as any).__spoken as Array<{ text: string; lang: string; rate: number; voice: string }>);

describeInBrowser('a dictation', (browser) => {
  it("is played, written and checked with the keyboard alone, and its feedback says each word's class", async () => {
    const { page, problems, context } = await openPage(browser());
    await stubSpeech(true)(context);
    const sentence = await dictationPage(page);
    await page.getByRole('button', { name: 'Play the sentence' }).waitFor();
    // With a German voice the sentence is not on the page to read.
    expect(await page.locator('.dictation-text').count()).toBe(0);

    await tabTo(page, /^BUTTON .*Play the sentence/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^BUTTON .*Play slower/);
    await page.keyboard.press('Enter');
    const said = await spoken(page);
    expect(said).toHaveLength(2);
    expect(said[0]).toEqual({ text: sentence, lang: 'de-DE', rate: 1, voice: 'Stub Deutsch' });
    expect(said[1]!.text).toBe(sentence);
    expect(said[1]!.rate).toBeLessThan(1);

    await tabTo(page, /^TEXTAREA /);
    await page.keyboard.type(sentence.replace('entscheidende', 'entscheidente').replace('moderne ', ''));
    await tabTo(page, /^BUTTON Check answer/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.feedback');
    const feedback = await page.locator('.feedback').innerText();
    expect(feedback).toContain('14 of 16 words right');
    expect(feedback).toMatch(/misspelt: entscheidente/);
    expect(feedback).toMatch(/missing: moderne/);
    // Focus moves to the verdict, so a screen reader reads the result next.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('verdict'))).toBe(true);
    // The player came back with the server's answer, enhanced again: the learner can listen while reading.
    await page.locator('button.play').waitFor();
    expect(await page.locator('.dictation-text').count()).toBe(0);
    await page.locator('button.play').click();
    expect(await spoken(page)).toHaveLength(3);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits a 360 px phone with 44 px targets, before and after checking, in both UI languages', async () => {
    for (const ui of ['en', 'de']) {
      const { page, problems, context } = await openPage(browser(), PHONE);
      await stubSpeech(true)(context);
      const sentence = await dictationPage(page, ui);
      await page.locator('button.play').waitFor();
      expect(await scrollsSideways(page)).toBe(false);
      expect(await smallTargets(page)).toEqual([]);
      await page.locator('textarea.dictation-input').fill(`${sentence} und noch viel mehr Wörter als der Satz hat`);
      await page.locator('.question-form button[type=submit]').click();
      await page.waitForSelector('.feedback');
      expect(await scrollsSideways(page)).toBe(false);
      expect(await smallTargets(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }
  }, 60_000);

  it('says so where the browser has no German voice, and shows the sentence behind a button', async () => {
    const { page, problems, context } = await openPage(browser());
    await stubSpeech(false)(context);
    const sentence = await dictationPage(page, 'de');
    const message = page.getByRole('status').filter({ hasText: 'keine deutsche Stimme' });
    await message.waitFor();
    expect(await page.getByRole('button', { name: 'Satz abspielen' }).count()).toBe(0);
    const text = page.locator('.dictation-text p');
    expect(await text.isVisible()).toBe(false);
    await page.locator('.dictation-text summary').focus();
    await page.keyboard.press('Enter');
    expect(await text.isVisible()).toBe(true);
    expect(await text.innerText()).toBe(sentence);
    expect(await text.getAttribute('lang')).toBe('de');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('works without JavaScript: the sentence behind a button, and a plain form post graded word by word', async () => {
    const { page, problems, context } = await openPage(browser(), { javaScriptEnabled: false });
    const sentence = await dictationPage(page);
    expect(await page.locator('button.play').count()).toBe(0);
    await page.getByText('Show the sentence').click();
    expect(await page.locator('.dictation-text p').innerText()).toBe(sentence);
    await page.locator('textarea.dictation-input').fill(sentence.replace('Smartphones, ', ''));
    await page.locator('.question-form button[type=submit]').click();
    await page.waitForSelector('.feedback');
    expect(await page.locator('.feedback').innerText()).toMatch(/15 of 16 words right[\s\S]*missing: Smartphones/);
    // axe needs JavaScript in the page; the same markup is checked by it in the tests above.
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
