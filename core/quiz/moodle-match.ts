import type { TextVerdict } from './feedback.ts';

/**
 * Typed answers graded as Moodle's short-answer question grades them, for sets whose instructor chose that
 * (a set's `grading: "moodle"`): the answer, trimmed and with runs of white space made one space, must equal an
 * accepted answer, in any case unless the question counts case. A `*` in an accepted answer stands for any
 * run of characters (a backslash before it makes it a literal star). No typo, spelling, ending or article
 * allowance: what Moodle marks wrong is wrong. The first accepted answer that matches wins, as in Moodle.
 */

const spaces = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `given` matches Moodle's pattern `pattern` (Moodle's compare_string_with_wildcard). */
export function moodleMatches(given: string, pattern: string, caseSensitive: boolean): boolean {
  const bits = spaces(pattern)
    .split(/(?<!\\)\*+/)
    .map((bit) => escapeRegExp(bit.replace(/\\\*/g, '*')));
  return new RegExp(`^${bits.join('.*')}$`, caseSensitive ? 'su' : 'isu').test(spaces(given));
}

/** The accepted answer as a learner reads it: an escaped star is a plain star. */
const shown = (text: string) => text.replace(/\\\*/g, '*');

/** Grades one typed text the Moodle way: the first matching accepted answer's weight; no notes. */
export function moodleAnswer(
  given: string,
  accepted: readonly { text: string; weight: number; feedback?: string | undefined }[],
  caseSensitive: boolean,
): { credit: number; verdict: TextVerdict; feedback?: string } {
  const hit = given.trim() ? accepted.find((a) => moodleMatches(given, a.text, caseSensitive)) : undefined;
  const full = accepted.find((a) => a.weight === 1) ?? accepted[0];
  const credit = hit?.weight ?? 0;
  const verdict: TextVerdict = {
    given,
    match: hit ? 'exact' : 'none',
    expected: shown(hit && hit.text !== '*' ? hit.text : (full?.text ?? '')),
    accepted: credit > 0,
  };
  return { credit, verdict, ...(hit?.feedback ? { feedback: hit.feedback } : {}) };
}
