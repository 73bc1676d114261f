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
 * article lists it in its key, as alliance-15 and china-8 do, and is never passed here). The articles of every
 * language are tried, each under its own rule, because a question in English may ask for a German word
 * ("Type the German word": "die Förderung"). Without a quiz language (`lang`) no article is removed.
 * @example withoutArticle('Die Abhängigkeit', 'Abhängigkeit', 'de') // 'Abhängigkeit'
 */
export function withoutArticle(given: string, expected: string, lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const m = /^\s*(\S+)\s+(\S.*)$/su.exec(given);
  if (!m) return undefined;
  const key = expected.trim();
  const keyStart = fold(key.split(/\s+/)[0] ?? '').toLowerCase();
  const typed = fold(m[1]!).toLowerCase();
  const fits = Object.values(ARTICLES).some(
    (a) => a.words.has(typed) && !a.words.has(keyStart) && (!a.nounCapital || key[0] !== key[0]?.toLowerCase()),
  );
  return fits ? m[2] : undefined;
}
