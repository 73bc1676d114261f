import { CLOZE_START } from '../cloze/cloze-types.ts';

export type SetFormat = 'gift' | 'cloze' | 'json' | 'moodlexml';

/**
 * Which import format a file is, by its content (the editor's upload: a name or a content type says little):
 * XML that opens a `<quiz>` is Moodle XML, a JSON object ours, a text whose every `{…}` is an embedded answer
 * (`{1:SA:=…}`) Moodle Cloze, anything else GIFT. A wrong guess costs nothing: that reader names the problems.
 */
export function detectFormat(text: string): SetFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(\?xml|quiz[\s>]|!--)/.test(head)) return 'moodlexml';
  if (head.startsWith('{')) {
    try {
      if (typeof JSON.parse(head) === 'object') return 'json';
    } catch {
      // Not JSON: GIFT may start with a brace-free line, but a file starting with "{" is a broken JSON file or
      // a GIFT question without a text; GIFT's reader explains either.
    }
  }
  const braces = [...head.matchAll(/(?<!\\)\{/g)].map((m) => head.slice(m.index + 1));
  if (braces.length && braces.every((rest) => CLOZE_START.test(rest))) return 'cloze';
  return 'gift';
}
