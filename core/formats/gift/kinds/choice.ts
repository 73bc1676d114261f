import { choiceId, checkWeight, type Answer } from '../answers.ts';
import { problem, type Ctx } from '../context.ts';
import { isEmpty, localize } from '../text.ts';
import type { KindFields } from '../types.ts';

/**
 * A multiple-choice block: with an `=` one right answer (`single`, other answers may carry partial credit), without
 * one several (`multiple`, the score the sum of the picked weights, as Moodle's multiple response).
 */
export function readMultipleChoice(
  ctx: Ctx,
  answers: Answer[],
  open: number,
  single: boolean,
): KindFields<'single' | 'multiple'> | undefined {
  let filled = true;
  for (const a of answers) {
    if (!isEmpty(a.text)) continue;
    problem(ctx, a.at, 'this answer is empty.');
    filled = false;
  }
  return single ? readSingle(ctx, answers, open, filled) : readMultiple(ctx, answers, open, filled);
}

/** One right answer (`=` or %100%); the others score 0 or their partial credit, never below 0. */
function readSingle(ctx: Ctx, answers: Answer[], open: number, filled: boolean): KindFields<'single'> | undefined {
  let ok = filled;
  for (const a of answers) ok = checkWeight(ctx, a, -1) && ok;
  const right = answers.filter((a) => a.weight === 1);
  if (right.length > 1) {
    problem(
      ctx,
      open,
      `this question marks ${right.length} answers as right (= or %100%), but a question with "=" has exactly one right answer; for several right answers, give each a weight such as ~%50% and use no "=".`,
    );
    ok = false;
  }
  // Moodle's single choice scores a pick at its weight, so a negative one lowers the question's mark; our single
  // kind never goes below 0 and `multiple` would let the learner pick several: either would grade differently.
  for (const a of answers.filter((x) => x.weight < 0 && x.weight >= -1)) {
    problem(
      ctx,
      a.at,
      `the weight %${a.weightText}% would lower the score when this answer is picked, as in Moodle, but a question with one right answer (=) here scores a wrong answer 0: write it without a weight, or use no "=" and give the right answers weights that add up to 100 % (multiple response).`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return {
    type: 'single',
    choices: answers.map((a, i) => ({
      id: choiceId(i),
      text: localize(ctx, a.text),
      ...(a.weight === 1 ? { correct: true } : {}),
      ...(a.weight > 0 && a.weight < 1 ? { credit: a.weight } : {}),
      ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
    })),
  };
}

/** Weighted answers whose positive weights add up to 100 %. */
function readMultiple(ctx: Ctx, answers: Answer[], open: number, filled: boolean): KindFields<'multiple'> | undefined {
  let ok = filled;
  for (const a of answers) ok = checkWeight(ctx, a, -1) && ok;
  if (!ok) return undefined;
  const sum = answers.filter((a) => a.weight > 0).reduce((t, a) => t + a.weight, 0);
  if (sum === 0) {
    problem(ctx, open, 'no answer is marked as right: mark the right answer with "=", or give the right answers weights such as ~%50%.');
    return undefined;
  }
  if (Math.abs(sum - 1) > 0.001) {
    problem(
      ctx,
      open,
      `the weights of the right answers add up to ${Math.round(sum * 100000) / 1000} %; in a question with several right answers (no "=") they must add up to 100 %.`,
    );
    return undefined;
  }
  return {
    type: 'multiple',
    choices: answers.map((a, i) => ({
      id: choiceId(i),
      text: localize(ctx, a.text),
      weight: a.weight,
      ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
    })),
  };
}
