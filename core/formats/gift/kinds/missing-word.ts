import { checkWeight, type Answer } from '../answers.ts';
import { problem, type Ctx } from '../context.ts';
import { answerLangs, isEmpty, type LText } from '../text.ts';
import type { KindFields } from '../types.ts';
import { readMultipleChoice } from './choice.ts';
import { readShort } from './short.ts';

/** The gap id of a missing-word question. */
export const GAP_ID = 'g1';

const hasFeedback = (answers: Answer[]) => answers.some((a) => a.feedback && !isEmpty(a.feedback));
const isStar = (lt: LText) => (!lt.multi ? lt.plain === '*' : Object.values(lt.plain).includes('*'));

/**
 * A missing-word question with choices. Moodle imports it as a multiple-choice question whose text shows
 * `_____`; we keep it as a one-gap cloze (the choice inline) while a gap can hold it, and as Moodle's own
 * type when it has partial credit or per-answer feedback, so that nothing is lost and it grades as in Moodle.
 */
export function readChoiceGap(ctx: Ctx, answers: Answer[], open: number): KindFields<'cloze' | 'single' | 'multiple'> | undefined {
  // Partial credit, feedback or a negative weight: Moodle's own type (which refuses what it cannot grade alike).
  if (answers.some((a) => a.weight < 1 && a.weight !== 0) || hasFeedback(answers)) return readMultipleChoice(ctx, answers, open, true);
  let ok = true;
  const options: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  const accepted: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  for (const a of answers) {
    ok = checkWeight(ctx, a, -1) && ok;
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    for (const [lang, text] of answerLangs(ctx, a.text)) {
      options[lang]!.push(text);
      if (a.weight === 1) accepted[lang]!.push(text);
    }
  }
  if (ok && !answers.some((a) => a.weight === 1)) {
    problem(ctx, open, 'this missing-word gap has no right answer: mark it with "=".');
    ok = false;
  }
  return ok ? { type: 'cloze', text: {}, gaps: [{ id: GAP_ID, answers: accepted, options }] } : undefined;
}

/**
 * A missing-word question with typed answers: a one-gap cloze while every answer is simply right, else (partial
 * credit, feedback, a `*` catch-all) Moodle's own type, a short answer whose text shows `_____`.
 */
export function readTypedGap(ctx: Ctx, answers: Answer[], open: number): KindFields<'cloze' | 'short'> | undefined {
  if (answers.some((a) => a.weight !== 1 || isStar(a.text)) || hasFeedback(answers)) {
    return readShort(ctx, answers, open);
  }
  let ok = true;
  const accepted: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  for (const a of answers) {
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    for (const [lang, text] of answerLangs(ctx, a.text)) accepted[lang]!.push(text);
  }
  return ok ? { type: 'cloze', text: {}, gaps: [{ id: GAP_ID, answers: accepted }] } : undefined;
}
