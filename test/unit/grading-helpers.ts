// Helpers for the grading tests (not a test file itself). Since issue 17 a learner names choices and items by
// the attempt's public ids: `testIds` stands in for the worker's MAC (worker/services/public-ids.ts, tested in
// public-ids.test.ts) with ids that are opaque, different per seed and synchronous, so these tests stay about
// grading. (They replace grade-helpers.ts, whose `pid` was the old unkeyed id.)
import { grade, ResponseError, type FeedbackItem, type GradeResult } from '../../core/quiz/grade.ts';
import type { PublicIds } from '../../core/quiz/public-ids.ts';
import { fnv1a } from '../../core/quiz/random.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { isSimpleGap, type Gap, type GapOf, type Question } from '../../core/quiz/schema.ts';

/** The ids of one attempt (`seed`); never an authoring key, so a test sending `a` for a choice still fails. */
export const testIds =
  (seed = 'seed1'): PublicIds =>
  (questionId, key) =>
    `x${fnv1a(`${seed}\u0000${questionId}\u0000${key}`).toString(36)}`;

/** The ids of the attempt most tests grade. */
export const IDS = testIds();

/** The public id of an authoring key in the attempt IDS. */
export const pid = (q: Question, key: string) => IDS(q.id, key);
export const score = (q: Question, r: AnyResponse, lang = 'de') => grade(q, r, lang, { ids: IDS }).score;
export const textItem = (res: GradeResult) => {
  const item = res.items[0];
  if (item?.kind !== 'text') throw new Error(`expected a text item, got ${JSON.stringify(item)}`);
  return item;
};
export const gapItem = (res: GradeResult, gap: string) => {
  const item = res.items.find((i): i is Extract<FeedbackItem, { kind: 'gap' }> => i.kind === 'gap' && i.gap === gap);
  if (!item) throw new Error(`no item for gap ${gap}`);
  return item;
};
/** Grades a short answer and returns score and match kind. */
export const typed = (q: Question, text: string, lang = 'de') => {
  const res = grade(q, { text }, lang);
  return { score: res.score, match: textItem(res).match, expected: textItem(res).expected };
};
export const responseError = (fn: () => unknown): ResponseError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ResponseError) return e;
    throw new Error(`expected a ResponseError, got ${String(e)}`);
  }
  throw new Error('expected a ResponseError, nothing was thrown');
};
/** The gap as the built-in content writes it (typed answers or options); throws for a Moodle-style gap. */
export const simpleGap = (g: Gap): GapOf<'text'> => {
  if (!isSimpleGap(g)) throw new Error(`gap ${g.id} is a ${g.kind} gap, not a simple one`);
  return g;
};
