// A production card says what form of the word to write, by the entry's part of speech: only a noun needs
// its article (QA: "bedeutend" and "geopolitisch" were asked for "a noun with its article").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../core/content/load.ts';
import { readContentFiles } from '../../core/content/read-files.ts';
import { gradeCard } from '../../core/review/grade-card.ts';
import { productionPromptKey } from '../../core/review/production-prompt.ts';
import { wordCard, type ReviewTexts } from '../../core/review/word-cards.ts';

const root = new URL('../..', import.meta.url).pathname;
const content = loadContent(readContentFiles(root));
const locales = Object.fromEntries(
  ['en', 'de'].map((l) => [
    l,
    JSON.parse(readFileSync(`${root}locales/${l}.json`, 'utf8')) as { review: { card: Record<string, string> } },
  ]),
);
/** The real review.card strings, interpolated as i18next does for {{gloss}}. */
const texts: ReviewTexts = (lang, key, vars) => {
  const s = locales[lang]!.review.card[key];
  if (s === undefined) throw new Error(`review.card.${key} missing in ${lang}.json`);
  return s.replace(/\{\{(\w+)\}\}/g, (_, v: string) => vars[v] ?? '');
};
const sentences = new Map(content.article.sentences.map((s) => [s.id, s.text.de!]));
const input = { glossary: content.glossary, sentence: (id: string) => sentences.get(id), languages: content.course.languages, texts };
const entry = (id: string) => {
  const e = content.glossary.find((x) => x.id === id);
  if (!e) throw new Error(`no glossary entry ${id}`);
  return e;
};
const production = (id: string) => wordCard(entry(id), 'production', input)!.question;
const prompt = (id: string, lang = 'en') => production(id).prompt[lang];

describe('production card prompts', () => {
  it('ask an adjective for its base form, never for an article: bedeutend, geopolitisch', () => {
    expect(prompt('bedeutend')).toBe('Write the German adjective for “significant, important” (the base form, without an ending).');
    expect(prompt('geopolitisch')).toBe('Write the German adjective for “geopolitical” (the base form, without an ending).');
    expect(prompt('bedeutend', 'de')).toBe('Schreiben Sie das deutsche Adjektiv für „wichtig, groß“ (die Grundform, ohne Endung).');
    for (const id of ['bedeutend', 'geopolitisch']) for (const l of ['en', 'de']) expect(prompt(id, l)).not.toMatch(/article|Artikel/);
  });

  it('ask a singular noun, and only a noun, for its article', () => {
    expect(prompt('vereinbarung')).toMatch(/a noun with its article/);
    expect(prompt('vereinbarung', 'de')).toMatch(/ein Nomen mit Artikel/);
    const withArticle = content.glossary.filter((e) => /with its article\)/.test(wordCard(e, 'production', input)!.question.prompt.en!));
    expect(withArticle.length).toBeGreaterThan(0);
    for (const e of withArticle) expect([e.id, e.pos, e.gender]).toEqual([e.id, 'noun', expect.stringMatching(/^[mfn]$/)]);
  });

  it('ask a plural-only noun for the plural without an article: seltene Erden', () => {
    expect(prompt('seltene-erden')).toBe(
      'Write the German noun for “rare earths, rare earth elements” (in the plural, without an article).',
    );
  });

  it('ask a verb for its infinitive, a separable one with its prefix: stärken, darstellen', () => {
    expect(productionPromptKey(entry('staerken'))).toBe('productionVerb');
    expect(prompt('staerken')).toMatch(/German verb for .* \(the infinitive\)\.$/);
    expect(productionPromptKey(entry('darstellen'))).toBe('productionSeparable');
    expect(prompt('darstellen', 'de')).toMatch(/Verb für .* \(den Infinitiv, mit seinem trennbaren Präfix zusammengeschrieben\)\.$/);
  });

  it('ask a phrase, conjunction, preposition or adverb for itself', () => {
    expect(productionPromptKey(entry('im-auge-behalten'))).toBe('productionPhrase');
    expect(productionPromptKey(entry('nicht-nur-sondern-auch'))).toBe('productionConjunction');
    expect(productionPromptKey(entry('einschliesslich'))).toBe('productionPreposition');
    expect(productionPromptKey(entry('somit'))).toBe('productionAdverb');
  });

  it('has a prompt in both languages for every entry of the glossary', () => {
    for (const e of content.glossary)
      for (const l of ['en', 'de']) expect(prompt(e.id, l), `${e.id} ${l}`).toMatch(/^(Write|Schreiben Sie) /);
  });
});

describe('production card answers', () => {
  const answer = (id: string, text: string) => gradeCard(production(id), { text }, 'en').result.score;

  it('take an adjective in its base form', () => {
    expect(answer('bedeutend', 'bedeutend')).toBe(1);
  });

  it('take a phrase without its grammar note and a paired conjunction with or without "…"', () => {
    expect(answer('auf-kosten', 'auf Kosten')).toBe(1);
    expect(answer('nicht-nur-sondern-auch', 'nicht nur … sondern auch')).toBe(1);
    expect(answer('nicht-nur-sondern-auch', 'nicht nur ... sondern auch')).toBe(1);
    expect(answer('nicht-nur-sondern-auch', 'nicht nur sondern auch')).toBe(1);
  });
});
