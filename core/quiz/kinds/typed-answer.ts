import type { TextVerdict } from '../feedback.ts';
import { moodleAnswer } from '../moodle-match.ts';
import { bestMatch, type MatchOptions } from '../text-match.ts';

/** GIFT's catch-all: an accepted answer that is exactly this accepts anything non-blank. */
const WILDCARD = '*';
/** A star after backslashes (Moodle's escape) stands for that text with one backslash less: backslash-star is the literal star. */
const literal = (text: string) => (/^\\+\*$/.test(text) ? text.slice(1) : text);

/**
 * Grades one typed text against weighted accepted answers (short answers and gaps share this), with the
 * credit it earns and the verdict the learner reads. `*` accepts anything non-blank (GIFT's catch-all),
 * only where nothing better matched.
 */
export function typedAnswer(
  given: string,
  accepted: readonly { text: string; weight: number; feedback?: string | undefined }[],
  opts: MatchOptions,
): { credit: number; verdict: TextVerdict; feedback?: string } {
  if (opts.moodle) return moodleAnswer(given, accepted, opts.caseSensitive);
  const wildcard = accepted.find((a) => a.text === WILDCARD);
  const best =
    bestMatch(
      given,
      accepted.filter((a) => a.text !== WILDCARD).map((a) => ({ ...a, text: literal(a.text) })),
      opts,
    ) ?? (wildcard && given.trim() ? { answer: wildcard, match: { kind: 'exact' as const }, credit: wildcard.weight } : undefined);
  const full = accepted.find((a) => a.weight === 1) ?? accepted[0];
  const expected = best && best.answer.text !== WILDCARD ? best.answer.text : literal(full?.text ?? '');
  const match = best?.match ?? { kind: 'none' as const };
  const credit = best?.credit ?? 0;
  const verdict: TextVerdict = {
    given,
    match: match.kind,
    expected,
    accepted: credit > 0,
    ...(match.kind === 'ending' ? { ending: match.ending, word: match.word } : {}),
    ...(match.kind === 'otherWord' ? { word: match.word } : {}),
  };
  return { credit, verdict, ...(best?.answer.feedback ? { feedback: best.answer.feedback } : {}) };
}
