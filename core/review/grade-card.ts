import { parseResponse } from '../quiz/attempt.ts';
import { grade, type GradeResult } from '../quiz/grade.ts';
import type { PublicIds } from '../quiz/public-ids.ts';
import { fold } from '../quiz/normalize.ts';
import type { Question } from '../quiz/schema.ts';
import { ratingOf } from './rating.ts';
import type { Rating } from './schedule.ts';

export interface CardGrade {
  result: GradeResult;
  rating: Rating;
}

/**
 * Grades an answer to a card with the core grader (the same German-aware rules as every quiz), then keeps
 * the named near misses of a word card honest: "Rohstoffe" is one letter from "Rohstoff", but it is the
 * plural, not a typo (nor a wrong ending worth half), so a listed wrong form typed exactly wins over any near
 * match of the right one.
 * `lexicon` is the course's words, as quizzes grade with it (worker/services/review.ts says when): a course
 * word typed for the key's is named as another word, never accepted as a typo of it.
 * Throws ResponseError for a response that does not fit the card's question or names ids other than those of
 * the showing it answers (`ids`, required for a card with choices): a 4xx, nothing stored.
 */
export function gradeCard(
  q: Question,
  raw: unknown,
  lang: string,
  opts: { ids?: PublicIds; easy?: boolean; hint?: boolean; lexicon?: ReadonlySet<string> | undefined } = {},
): CardGrade {
  let result = grade(q, parseResponse(q, raw), lang, { ids: opts.ids, lexicon: opts.lexicon });
  const item = result.items[0];
  const same = (a: string, b: string) => fold(a).toLowerCase() === fold(b).toLowerCase();
  if (q.type === 'short' && item?.kind === 'text' && item.match !== 'exact') {
    const miss = q.answers[lang]?.find((a) => a.weight === 0 && same(item.given, a.text));
    if (miss)
      result = {
        ...result,
        score: 0,
        correct: false,
        items: [
          {
            ...item,
            match: 'none',
            expected: q.answers[lang]!.find((a) => a.weight === 1)!.text,
            ...(miss.feedback ? { note: miss.feedback } : {}),
          },
        ],
      };
  }
  return { result, rating: ratingOf(result, opts) };
}
