import { readFileSync } from 'node:fs';
import { publishSet } from './instructor-api.ts';
import { beforeAll, expect, it } from 'vitest';
import { axeViolations, describeInBrowser, openPage } from './browser.ts';

// An imported Moodle XML set with a picture question and a sound question, as a learner meets it in Chromium:
// the picture loads from our origin with its alt text, the sound has its controls, and axe finds nothing.
const b64 = (name: string) => readFileSync(new URL(`../fixtures/moodlexml/${name}`, import.meta.url)).toString('base64');

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Map</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which country is marked on the map?</p><p><img src="@@PLUGINFILE@@/map.png" alt="A map with Japan marked"></p>]]></text>
      <file name="map.png" path="/" encoding="base64">${b64('pixel.png')}</file></questiontext>
    <answer fraction="100"><text>Japan</text></answer>
    <answer fraction="0"><text>China</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Listen</text></name>
    <questiontext format="html"><text><![CDATA[<p>Listen and type the word you hear.</p><p><audio controls><source src="@@PLUGINFILE@@/word.wav">word</audio></p>]]></text>
      <file name="word.wav" path="/" encoding="base64">${b64('tone.wav')}</file></questiontext>
    <answer fraction="100"><text>tone</text></answer>
  </question>
</quiz>`;

describeInBrowser('an imported picture question and sound question, as a learner sees them', (browser) => {
  let setId: string;
  beforeAll(async () => {
    setId = await publishSet('format=moodlexml&lang=en&title=Pictures%20and%20sounds', 'application/xml', XML);
  });

  it('shows the picture with its alt text and the sound with controls, from our origin, and axe finds nothing', async () => {
    const { page, problems, context } = await openPage(browser());
    await page.goto(`/en/sets/${setId}`);
    const img = page.locator('img[src^="/media/"]');
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
    expect(await img.getAttribute('alt')).toBe('A map with Japan marked');
    expect(await axeViolations(page)).toEqual([]);
    // The second question of the same attempt (a bare ?n=2 would open a new attempt at its first question).
    await page.goto(page.url().replace(/([?&])n=1\b/, '$1n=2'));
    const audio = page.locator('audio[controls][src^="/media/"]');
    expect(await audio.count()).toBe(1);
    const type = await page.evaluate(async (src) => (await fetch(src!)).headers.get('content-type'), await audio.getAttribute('src'));
    expect(type).toBe('audio/wav');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
