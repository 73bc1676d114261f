import type { TextVerdict } from '../feedback.ts';
import { bestMatch, type MatchOptions } from '../text-match.ts';

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
  const wildcard = accepted.find((a) => a.text === '*');
  const best =
    bestMatch(
      given,
      accepted.filter((a) => a.text !== '*'),
      opts,
    ) ?? (wildcard && given.trim() ? { answer: wildcard, match: { kind: 'exact' as const }, credit: wildcard.weight } : undefined);
  const full = accepted.find((a) => a.weight === 1) ?? accepted[0];
  const expected = best && best.answer.text !== '*' ? best.answer.text : (full?.text ?? '');
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
