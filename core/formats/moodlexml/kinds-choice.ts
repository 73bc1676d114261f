import { choiceId } from '../gift/answers.ts';
import type { KindFields } from '../gift/types.ts';
import { drop, refuse, type XCtx } from './context.ts';
import { rich, richRequired } from './text.ts';
import { attr, child, children, field, flag, type XNode } from './xml.ts';

/** Moodle's `fraction`: a percentage (100 is the whole mark). */
export const fractionOf = (a: XNode) => {
  const n = Number(attr(a, 'fraction') ?? '0');
  return Number.isFinite(n) ? Math.round(n * 1e5) / 1e7 : 0;
};

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** The choices of a multichoice question: text, fraction, feedback. */
function choices(ctx: XCtx, q: XNode) {
  return children(q, 'answer').map((a, i) => ({
    id: choiceId(i),
    text: richRequired(ctx, a, `choice ${i + 1}`),
    fraction: fractionOf(a),
    feedback: rich(ctx, child(a, 'feedback')),
  }));
}

/**
 * `multichoice`: `single` (Moodle's default is true) is one right answer, partial credit allowed; otherwise the
 * score is the sum of the picked fractions. Fractions that cannot add up are refused as current Moodle does.
 */
export function readMultichoice(ctx: XCtx, q: XNode): KindFields<'single' | 'multiple'> | undefined {
  const list = choices(ctx, q);
  if (list.length < 2) return void refuse(ctx, 'a multiple-choice question needs at least two answers.');
  if (!flag(q, 'shuffleanswers', true)) drop(ctx, 'the choices are not to be shuffled in Moodle; here every attempt shuffles them.');
  const fb = (c: (typeof list)[number]) => (c.feedback ? { feedback: c.feedback } : {});
  if (flag(q, 'single', true)) {
    const right = list.filter((c) => same(c.fraction, 1));
    if (right.length !== 1)
      return void refuse(ctx, `a one-answer question needs exactly one answer worth 100 %; this one has ${right.length}.`);
    if (list.some((c) => c.fraction < 0))
      return void refuse(ctx, 'a negative fraction in a one-answer question would lower the mark below 0 here; make it 0 %.');
    const out = list.map((c) => ({
      id: c.id,
      text: c.text,
      ...(same(c.fraction, 1) ? { correct: true } : c.fraction > 0 ? { credit: c.fraction } : {}),
      ...fb(c),
    }));
    return { type: 'single', choices: out };
  }
  const positive = list.filter((c) => c.fraction > 0).reduce((s, c) => s + c.fraction, 0);
  if (!same(positive, 1))
    return void refuse(
      ctx,
      `the positive fractions of a multiple-answer question must add up to 100 %; they add up to ${Math.round(positive * 1000) / 10} %.`,
    );
  return { type: 'multiple', choices: list.map((c) => ({ id: c.id, text: c.text, weight: c.fraction, ...fb(c) })) };
}

/** `truefalse`: the right value is the answer worth 100 % (whatever the order), each answer's feedback kept. */
export function readTrueFalse(ctx: XCtx, q: XNode): KindFields<'truefalse'> | undefined {
  const answers = children(q, 'answer').map((a) => ({ a, value: (field(a, 'text') ?? '').toLowerCase(), fraction: fractionOf(a) }));
  const right = answers.find((x) => same(x.fraction, 1));
  if (!right || !['true', 'false'].includes(right.value))
    return void refuse(ctx, 'a true/false question needs the answer "true" or "false" worth 100 %.');
  const wrong = answers.find((x) => x !== right);
  const rightFb = rich(ctx, child(right.a, 'feedback'));
  const wrongFb = wrong && rich(ctx, child(wrong.a, 'feedback'));
  const feedback = { ...(rightFb ? { right: rightFb } : {}), ...(wrongFb ? { wrong: wrongFb } : {}) };
  return { type: 'truefalse', answer: right.value === 'true', ...(rightFb || wrongFb ? { feedback } : {}) };
}
