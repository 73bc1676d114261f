import { z } from 'zod';

/** A language code as used in URLs, `lang` attributes and content keys (`de`, `en`, …). */
export const LangCode = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "de"');
export type Lang = string;

/**
 * Text in every content language: `{ "de": "…", "en": "…" }`.
 * The languages are data (see `content/course.json`), not code, so a third language is a content change:
 * the schema is built for a given list and reports each missing language by its path.
 */
export function localized(languages: readonly Lang[]) {
  const shape: Record<string, z.ZodString> = {};
  for (const lang of languages) shape[lang] = z.string().trim().min(1, `text in "${lang}" is empty`);
  return z.object(shape).strict();
}

export type LocalizedText = Record<Lang, string>;

/**
 * Picks the text for `lang`, falling back to the first language that has one. Accepts objects that carry
 * other fields beside their texts (a key fact has `sources`).
 */
export function pick(text: Readonly<Record<string, unknown>>, lang: Lang): string {
  const value = text[lang];
  if (typeof value === 'string') return value;
  return (Object.values(text).find((v) => typeof v === 'string') as string | undefined) ?? '';
}
