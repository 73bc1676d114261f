import { multilangHtml, textToHtml } from '../shared/plain-html.ts';
import { normalRich } from '../shared/rich-text.ts';

/** GIFT escapes for a text: `\ ~ = # { } :` and line breaks. */
export const escapeGift = (text: string) =>
  text
    .replace(/[\\~=#{}:]/g, '\\$&')
    .replace(/\r\n?/g, '\n')
    .replace(/\n/g, '\\n');

/** Moodle Cloze escapes for a text: `\ ~ # { }`. */
export const escapeCloze = (text: string) => text.replace(/[\\~#{}]/g, '\\$&');

/** A text that would be read as a format, a weight or a comment gets an explicit format first. */
const needsFormat = (written: string) => /^(\[|%|=|\/\/)/.test(written);

/**
 * How texts are written for a set's languages. Rich texts (prompts, choices, feedback) are written as the HTML
 * of their safe markup, which Moodle's default format and `[html]` read alike; plain texts (typed answers,
 * options, right-hand sides) as words, `[plain]` where HTML would change them. A set in several languages
 * writes every text as multilang spans.
 */
export function textWriters(langs: readonly string[], escape: (text: string) => string = escapeGift) {
  const multi = langs.length > 1;
  const lang0 = langs[0]!;
  const guard = (written: string, format = '[html]') => (needsFormat(written) ? `${format}${written}` : written);
  /** Rich text as HTML; `->` written as `-&gt;` so that it never reads as a matching pair. */
  const html = (text: string) => normalRich(text).replace(/->/g, '-&gt;');
  /** One rich text, the same in every language. */
  const richOne = (text: string) => guard(escape(html(text)));
  /** One plain text (an answer shown in one language or all). */
  const plainOne = (text: string): string => {
    if (multi) return guard(escape(textToHtml(text)));
    if (text.includes('->')) return `[html]${escape(textToHtml(text))}`;
    const written = escape(text);
    return /[<&]|[^\S ]| {2}/.test(text) || text !== text.trim() ? `[plain]${written}` : guard(written, '[moodle]');
  };
  /** A localized rich text in the question's own format. */
  const loc = (text: Readonly<Record<string, string>>): string =>
    multi ? escape(multilangHtml(Object.fromEntries(langs.map((l) => [l, html(text[l] ?? '')])), langs)) : richOne(text[lang0] ?? '');
  /** A localized plain text that follows the question's format (the right side of a pair has no format of its own). */
  const plainLoc = (text: Readonly<Record<string, string>>): string =>
    multi
      ? escape(multilangHtml(Object.fromEntries(langs.map((l) => [l, textToHtml(text[l] ?? '')])), langs))
      : escape(textToHtml(text[lang0] ?? ''));
  const onlyIn = (lang: string, text: string) => escape(`<span lang="${lang}" class="multilang">${textToHtml(text)}</span>`);
  const stem = (text: Readonly<Record<string, string>>) => (multi ? `[html]${loc(text)}` : loc(text));

  /**
   * Answers given per language as one GIFT answer each: written once when every language has the same list,
   * as one multilang answer per position when the lists line up, else one single-language answer each.
   */
  function perLanguage<T>(byLang: Readonly<Record<string, readonly T[]>>, textOf: (t: T) => string, sameRest: (a: T, b: T) => boolean) {
    const lists = langs.map((l) => byLang[l] ?? []);
    const first = lists[0]!;
    const entries: Array<{ item: T; text: string }> = [];
    if (lists.every((l) => l.length === first.length && l.every((t, i) => textOf(t) === textOf(first[i]!) && sameRest(t, first[i]!))))
      for (const item of first) entries.push({ item, text: plainOne(textOf(item)) });
    else if (lists.every((l) => l.length === first.length && l.every((t, i) => sameRest(t, first[i]!))))
      first.forEach((item, i) =>
        entries.push({
          item,
          text: escape(multilangHtml(Object.fromEntries(langs.map((l, k) => [l, textToHtml(textOf(lists[k]![i]!))])), langs)),
        }),
      );
    else langs.forEach((l, k) => lists[k]!.forEach((item) => entries.push({ item, text: onlyIn(l, textOf(item)) })));
    return entries;
  }

  return { multi, lang0, richOne, plainOne, loc, plainLoc, stem, perLanguage, escape };
}

export type TextWriters = ReturnType<typeof textWriters>;

/** Our notes for re-import, in comments Moodle ignores: id, sources, and a typed question's case and typo rules. */
export function directiveLines(
  q: { id: string; sources: readonly string[]; type: string; caseSensitive?: boolean; typoTolerance?: boolean },
  importTypoTolerance: boolean,
): string[] {
  const lines = [`// @id ${q.id}`];
  if (q.sources.length) lines.push(`// @sources ${q.sources.join(' ')}`);
  if (q.type === 'short' || q.type === 'cloze') {
    if (q.caseSensitive) lines.push('// @caseSensitive true');
    if (q.typoTolerance !== importTypoTolerance) lines.push(`// @typoTolerance ${q.typoTolerance}`);
  }
  return lines;
}
