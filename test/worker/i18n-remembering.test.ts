import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED, tFor } from '../../worker/render/i18n.ts';

// tFor remembers its answers per language, key and options (worker/render/i18n.ts): these show that what it
// remembers is never another language's, another key's or other options' answer, also once the memo is full.
describe('tFor (remembering its answers)', () => {
  it('answers per language, key and interpolation values, the same when asked again', () => {
    const en = tFor('en');
    const de = tFor('de');
    expect(en('review.card.recognition', { word: 'Erden' })).toBe('What does “Erden” mean in this sentence?');
    expect(en('review.card.recognition', { word: 'Vereinbarung' })).toBe('What does “Vereinbarung” mean in this sentence?');
    expect(de('review.card.recognition', { word: 'Erden' })).toBe('Was bedeutet „Erden“ in diesem Satz?');
    expect(en('review.card.noArticle', { right: 'die Erde' })).toBe('The article is missing: “die Erde”.');
    expect(en('review.card.recognition', { word: 'Erden' })).toBe('What does “Erden” mean in this sentence?');
    expect(en('meta.nativeName')).toBe('English');
    expect(de('meta.nativeName')).toBe('Deutsch');
  });

  it("still names its language, as i18next's fixed t does (labels set `lang` from it)", () => {
    expect((tFor('de') as unknown as { lng: string }).lng).toBe('de');
    expect((tFor('en') as unknown as { lng: string }).lng).toBe('en');
  });

  it('keeps answering right after more distinct questions than it remembers', () => {
    const en = tFor('en');
    for (let i = 0; i < MAX_REMEMBERED + 50; i++)
      expect(en('review.card.gap', { gloss: `w${i}` })).toBe(`Fill in the missing words: “w${i}”.`);
    expect(en('review.card.gap', { gloss: 'w0' })).toBe('Fill in the missing words: “w0”.');
  });
});
