import { find, pos, sub, trim, type Src } from '../../shared/source.ts';
import { checkWeight, readWeighted, type Answer } from '../answers.ts';
import { problem, warn, type Ctx } from '../context.ts';
import { isEmpty, localize, oneString, readText, type LText } from '../text.ts';
import type { KindFields } from '../types.ts';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const plainOf = (lt: LText) => (!lt.multi ? lt.plain : (Object.values(lt.plain)[0] ?? ''));

type Value = { answer?: number; tolerance?: number; min?: number; max?: number };

/** A numerical block (after its `#`): `1822:5`, `1820..1830`, or several weighted answers, and `~#feedback`. */
export function readNumerical(ctx: Ctx, block: Src, open: number, fmt: string): KindFields<'numerical'> | undefined {
  let ok = true;
  const tilde = find(block, '~');
  const main = tilde >= 0 ? sub(block, 0, tilde) : block;
  const otherFeedback = tilde >= 0 ? readOtherFeedback(ctx, trim(sub(block, tilde + 1)), fmt) : undefined;
  const answers = readWeighted(ctx, main, fmt);
  if (!answers.length) {
    problem(ctx, open, 'this numerical question has no answer: write it as {#1822} or {#1822:5} or {#1820..1830}.');
    return undefined;
  }
  const values: Array<{ a: Answer; v: Value }> = [];
  for (const a of answers) {
    ok = checkWeight(ctx, a, -1) && ok;
    const v = readValue(ctx, a);
    if (v) values.push({ a, v });
    else ok = false;
  }
  if (!ok) return undefined;
  return numericalFields(ctx, values, open, otherFeedback);
}

/** `~#feedback`: what any other number is told (Moodle's wrong answer without a value). */
function readOtherFeedback(ctx: Ctx, other: Src, fmt: string): Record<string, string> | undefined {
  if (other.s[0] === '#' && !other.esc[0]) {
    const fb = trim(sub(other, 1));
    return fb.s !== '' ? localize(ctx, readText(ctx, fb, fmt).lt) : undefined;
  }
  if (other.s !== '')
    warn(ctx, pos(other), 'a wrong answer with a value (~…) was left out: any number no answer matches scores 0 here, as in Moodle.');
  return undefined;
}

/** One answer's value: `1822`, `1822:5` (with a tolerance) or `1820..1830` (a range); null after a problem. */
function readValue(ctx: Ctx, a: Answer): Value | null {
  let ok = true;
  const raw = plainOf(a.text).trim();
  const num = (x: string) => {
    const t = x.trim();
    if (!NUMBER.test(t)) {
      problem(
        ctx,
        a.at,
        `"${t}" is not a number: write a numerical answer as {#1822}, {#1822:5} (with a tolerance) or {#1820..1830} (a range).`,
      );
      ok = false;
      return NaN;
    }
    return Number(t);
  };
  const range = raw.indexOf('..');
  const colon = raw.indexOf(':');
  let v: Value;
  if (range > 0) {
    v = { min: num(raw.slice(0, range)), max: num(raw.slice(range + 2)) };
    if (v.min! > v.max!) {
      problem(ctx, a.at, `the range ${raw} is empty: write the smaller number first.`);
      ok = false;
    }
  } else if (colon > 0) {
    v = { answer: num(raw.slice(0, colon)), tolerance: num(raw.slice(colon + 1)) };
    if (v.tolerance! < 0) {
      problem(ctx, a.at, `the tolerance in "${raw}" is negative; write it without a minus sign.`);
      ok = false;
    }
  } else v = { answer: num(raw), tolerance: 0 };
  return ok ? v : null;
}

/** The first answer worth 100 % is the question's value; the others are its alternatives. */
function numericalFields(
  ctx: Ctx,
  values: Array<{ a: Answer; v: Value }>,
  open: number,
  otherFeedback: Record<string, string> | undefined,
): KindFields<'numerical'> | undefined {
  const first = values.findIndex((x) => x.a.weight === 1);
  if (first < 0) {
    problem(ctx, open, 'none of the numerical answers is worth 100 %: give at least one answer without a weight (or with %100%).');
    return undefined;
  }
  const best = values[first]!;
  // Moodle would score a number in a negative answer below 0; this course cannot, so it would grade differently.
  const negative = values.find((x) => x.a.weight < 0);
  if (negative) {
    problem(
      ctx,
      negative.a.at,
      `the weight %${negative.a.weightText}% would lower the score for this number, as in Moodle, but a numerical answer here scores 0 or more: write it as %0% (feedback only) or leave it out.`,
    );
    return undefined;
  }
  const answerFeedback = best.a.feedback && !isEmpty(best.a.feedback) ? localize(ctx, best.a.feedback) : undefined;
  const alternatives = values
    .filter((_, i) => i !== first)
    .map(({ a, v }) => {
      const feedback = a.feedback ? oneString(ctx, a.feedback) : '';
      return { ...v, weight: a.weight, ...(feedback ? { feedback } : {}) };
    });
  return {
    type: 'numerical',
    ...best.v,
    ...(alternatives.length ? { alternatives } : {}),
    ...(otherFeedback ? { otherFeedback } : {}),
    ...(answerFeedback ? { answerFeedback } : {}),
  };
}
