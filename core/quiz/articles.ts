import { fold } from './normalize.ts';

/**
 * Articles: "die Abhängigkeit" typed for the key "Abhängigkeit" names the same thing, and a learner who adds
 * the article has done nothing wrong in a meaning question. Data per language, folded as answers are.
 * German requires the key to start with a capital (a noun); an English key may be any noun phrase.
 */
const ARTICLES: Readonly<Record<string, { words: ReadonlySet<string>; nounCapital: boolean }>> = {
  de: {
    words: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']),
    nounCapital: true,
  },
  en: { words: new Set(['the', 'a', 'an']), nounCapital: false },
};

/**
 * The typed answer without a leading article, where the key is a noun answer without one; else undefined.
 * Which article is not checked: in a meaning question the noun is the answer (a form question that wants the
 * article lists it in its key, as alliance-15 and china-8 do, and is never passed here).
 * @example withoutArticle('Die Abhängigkeit', 'Abhängigkeit', 'de') // 'Abhängigkeit'
 */
export function withoutArticle(given: string, expected: string, lang: string | undefined): string | undefined {
  const articles = lang ? ARTICLES[lang] : undefined;
  if (!articles) return undefined;
  const isArticle = (word: string | undefined) => word !== undefined && articles.words.has(fold(word).toLowerCase());
  const key = expected.trim();
  if (isArticle(key.split(/\s+/)[0])) return undefined;
  if (articles.nounCapital && key[0] === key[0]?.toLowerCase()) return undefined;
  const m = /^\s*(\S+)\s+(\S.*)$/su.exec(given);
  return m && isArticle(m[1]) ? m[2] : undefined;
}
