import type { GradeResult } from '../quiz/grade.ts';
import type { Rating } from './schedule.ts';

/**
 * The rating comes from the server's grade, not from the learner's opinion: wrong → again; right but with a
 * reported typo (or after a hint) → hard; right → good; right and the learner says "too easy" → easy.
 * "Too easy" after a wrong answer is ignored: it cannot make a wrong answer count.
 */
export function ratingOf(result: Pick<GradeResult, 'correct' | 'items'>, opts: { easy?: boolean; hint?: boolean } = {}): Rating {
  if (!result.correct) return 'again';
  const typo = result.items.some((i) => (i.kind === 'text' || i.kind === 'gap') && i.match === 'typo');
  if (typo || opts.hint) return 'hard';
  return opts.easy ? 'easy' : 'good';
}
