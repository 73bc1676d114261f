// Which attempt counts (issue 19, item 4): the instructor's rule per link. Pure, so the rule is tested apart.
import type { AttemptPolicy } from '../../services/lti/types.ts';

export const POLICIES: readonly AttemptPolicy[] = ['best', 'last', 'first'];

export const isPolicy = (v: unknown): v is AttemptPolicy => typeof v === 'string' && (POLICIES as readonly string[]).includes(v);

/** The learner's attempts of a link as the rule needs them, in the order the gradebook received them. */
export type Scored = {
  attemptId: string;
  score: number;
  submittedAt: string;
};

/**
 * Whether a newly received attempt changes the score that counts, so that it must be passed back: under
 * `last` always, under `first` only when it is the learner's first, under `best` only when it is strictly
 * better than every earlier one (an equal score changes nothing the platform shows). `earlier` are the
 * attempts received before it (the gradebook serialises receipt, so two concurrent hand-ins never both count
 * as first).
 */
export function changesCountedScore(policy: AttemptPolicy, earlier: readonly Scored[], next: Scored): boolean {
  switch (policy) {
    case 'last':
      return true;
    case 'first':
      return earlier.length === 0;
    case 'best':
      return earlier.every((a) => next.score > a.score);
    default: {
      const never: never = policy;
      throw new Error(`unknown policy ${String(never)}`);
    }
  }
}

/**
 * The attempt that counts under `policy` among all of a learner's attempts of a link (in receipt order), for
 * the instructor's table: the best (the earliest of equals), the last or the first; null for none.
 */
export function countedAttempt<T extends Scored>(policy: AttemptPolicy, attempts: readonly T[]): T | null {
  if (!attempts.length) return null;
  if (policy === 'first') return attempts[0]!;
  if (policy === 'last') return attempts[attempts.length - 1]!;
  return attempts.reduce((best, a) => (a.score > best.score ? a : best));
}
