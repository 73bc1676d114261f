import { LIMITS } from '../../sets/limits.ts';
import { oneString } from '../gift/text.ts';
import type { KindFields } from '../gift/types.ts';
import { drop, refuse, type XCtx } from './context.ts';
import { fractionOf } from './kinds-choice.ts';
import { readLText, rich, typedAnswer } from './text.ts';
import { child, children, field, flag, type XNode } from './xml.ts';

/** A typed answer's feedback, in the import language (our typed answers keep one feedback string). */
function feedbackOf(ctx: XCtx, a: XNode): string | undefined {
  const lt = readLText(ctx, child(a, 'feedback'));
  return lt && oneString(ctx, lt);
}

/**
 * `shortanswer`: answers are plain text compared as written (a `*` anywhere is Moodle's wildcard, which the
 * set's Moodle grading keeps), `usecase` says whether case counts; answers worth 0 keep their feedback.
 */
export function readShortAnswer(ctx: XCtx, q: XNode): KindFields<'short'> | undefined {
  const answers: Record<string, Array<{ text: string; weight: number; feedback?: string }>> = {};
  for (const a of children(q, 'answer')) {
    const weight = fractionOf(a);
    if (weight < 0 || weight > 1) return void refuse(ctx, `an answer's fraction ${weight * 100} % is outside 0–100 %.`);
    const feedback = feedbackOf(ctx, a);
    for (const [lang, text] of typedAnswer(ctx, a)) (answers[lang] ??= []).push({ text, weight, ...(feedback ? { feedback } : {}) });
  }
  if (!ctx.langs.every((l) => answers[l]?.some((a) => a.weight === 1)))
    return void refuse(ctx, 'a short-answer question needs an answer worth 100 % (in every language of the set).');
  return { type: 'short', answers, caseSensitive: flag(q, 'usecase', false), typoTolerance: false };
}

type NumAnswer = { answer: number; tolerance: number; weight: number; feedback?: string; node?: XNode };
const overlaps = (a: NumAnswer, b: NumAnswer) => Math.abs(a.answer - b.answer) <= a.tolerance + b.tolerance;

/**
 * `numerical`: each answer a value with a tolerance, tried in order (the first that matches counts, as in
 * Moodle); here the 100 % answer is tried first and then the best other, so an earlier answer worth less that
 * overlaps a later one would grade differently and is refused. `*` (any other number) keeps its feedback.
 * Units are not read here: a learner types the number alone.
 */
export function readNumericalQuestion(ctx: XCtx, q: XNode): KindFields<'numerical'> | undefined {
  if (children(child(q, 'units'), 'unit').length) drop(ctx, 'its units were left out: learners type the number alone.');
  const list: NumAnswer[] = [];
  let otherFeedback: Record<string, string> | undefined;
  for (const a of children(q, 'answer')) {
    const raw = field(a, 'text') ?? '';
    const weight = fractionOf(a);
    if (raw === '*') {
      if (weight > 0) return void refuse(ctx, 'the answer "*" (any number) earns marks; here any other number scores 0.');
      otherFeedback = rich(ctx, child(a, 'feedback'));
      continue;
    }
    const answer = Number(raw.replace(',', '.'));
    const tolerance = Math.abs(Number(field(a, 'tolerance') ?? '0'));
    if (raw === '' || !Number.isFinite(answer) || !Number.isFinite(tolerance)) return void refuse(ctx, `"${raw}" is not a number.`);
    if (weight < 0 || weight > 1) return void refuse(ctx, `an answer's fraction ${weight * 100} % is outside 0–100 %.`);
    const feedback = feedbackOf(ctx, a);
    list.push({ answer, tolerance, weight, ...(feedback ? { feedback } : {}), node: a });
  }
  const main = list.findIndex((a) => a.weight === 1);
  if (main < 0) return void refuse(ctx, 'a numerical question needs an answer worth 100 %.');
  for (const [i, a] of list.entries())
    if (list.slice(0, i).some((b) => b.weight < a.weight && overlaps(a, b)))
      return void refuse(
        ctx,
        `the answer ${a.answer} overlaps an earlier answer worth less; Moodle takes the first that matches: put the better answer first.`,
      );
  const { answer, tolerance, node } = list[main]!;
  const alternatives = list.filter((_, i) => i !== main).map(({ node: _node, ...a }) => a);
  const answerFeedback = rich(ctx, child(node, 'feedback'));
  return {
    type: 'numerical',
    answer,
    tolerance,
    ...(alternatives.length ? { alternatives } : {}),
    ...(otherFeedback ? { otherFeedback } : {}),
    ...(answerFeedback ? { answerFeedback } : {}),
  };
}

/** `essay`: kept ungraded; the grader information becomes the model answer shown after submitting. */
export function readEssay(ctx: XCtx, q: XNode): KindFields<'essay'> {
  const modelAnswer = rich(ctx, child(q, 'graderinfo'), LIMITS.longTextChars);
  if (modelAnswer) drop(ctx, 'its information for graders is shown to learners as the model answer after they submit.');
  if (readLText(ctx, child(q, 'responsetemplate'))) drop(ctx, 'its response template was left out.');
  return { type: 'essay', ...(modelAnswer ? { modelAnswer } : {}) };
}
