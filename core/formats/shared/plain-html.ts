/** Escapes the characters that are special in HTML text and attribute values. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML whose visible text is exactly `text` (for plain fields such as answers written as HTML): specials
 * escaped, line breaks as `<br>`, and spaces that HTML would collapse (runs, or at a line's ends) as `&nbsp;`.
 */
export function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      escapeHtml(line)
        .replace(/ +/g, (run, at: number, whole: string) =>
          run.length === 1 && at > 0 && at + 1 < whole.length ? ' ' : '&nbsp;'.repeat(run.length),
        )
        .replace(/[\t\r\f\v]/g, (c) => `&#${c.charCodeAt(0)};`),
    )
    .join('<br>');
}

/** Multilang HTML: one span per language, in the given order (each text already HTML). */
export function multilangHtml(html: Readonly<Record<string, string>>, languages: readonly string[]): string {
  return languages.map((lang) => `<span lang="${lang}" class="multilang">${html[lang] ?? ''}</span>`).join('');
}
