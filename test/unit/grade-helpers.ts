// Shared helpers for the grading tests (not a test file itself).
import { grade, ResponseError, type FeedbackItem, type GradeResult } from '../../core/quiz/grade.ts';
import { publicId } from '../../core/quiz/random.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { isSimpleGap, type Gap, type GapOf, type Question } from '../../core/quiz/schema.ts';

export const pid = (q: Question, key: string) => publicId(q.id, key);
export const score = (q: Question, r: AnyResponse, lang = 'de') => grade(q, r, lang).score;
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
