import { WEIGHT, weightOf } from '../shared/weights.ts';
import { pieces, pos, split, sub, trim, type Src } from '../shared/source.ts';
import { problem, type Ctx } from './context.ts';
import { readText, type LText } from './text.ts';

/** One answer of a block: its weight (a fraction, possibly negative), text and `#feedback`. */
export interface Answer {
  weight: number;
  /** The weight as written (`50`, `-33.3`), for messages. */
  weightText: string;
  text: LText;
  feedback: LText | undefined;
  at: number;
}

/** An answer's text and its `#feedback`. */
export function comment(ctx: Ctx, t: Src, fmt: string): { text: LText; feedback: LText | undefined } {
  const [text, fb] = split(t, '#', 2);
  const feedback = fb && trim(fb).s !== '' ? readText(ctx, fb, fmt).lt : undefined;
  return { text: readText(ctx, text!, fmt).lt, feedback };
}

/** Multiple-choice answers: every `=` starts an answer (Moodle turns `=` into `~=`), `~` separates them. */
function choicePieces(t: Src): Src[] {
  const out: Src[] = [];
  let start = 0;
  for (let i = 0; i < t.s.length; i++) {
    if (t.esc[i]) continue;
    if (t.s[i] === '~') {
      out.push(sub(t, start, i));
      start = i + 1;
    } else if (t.s[i] === '=') {
      out.push(sub(t, start, i));
      start = i;
    }
  }
  out.push(sub(t, start));
  return pieces(out);
}

/** The answers of a multiple-choice block: `=` is 100 %, `~%n%` weighs, a bare `~` is 0 %. */
export function readChoices(ctx: Ctx, block: Src, fmt: string): Answer[] {
  return choicePieces(block).map((p) => {
    const at = pos(p);
    if (p.s[0] === '=' && !p.esc[0]) {
      const rest = trim(sub(p, 1));
      const w = WEIGHT.exec(rest.s);
      if (w) problem(ctx, at, `"=${w[0]}…": "=" always means 100 %; for partial credit write "~${w[0]}…".`);
      return { weight: 1, weightText: '100', at, ...comment(ctx, rest, fmt) };
    }
    const w = weightOf(p);
    if (w) return { weight: w.weight, weightText: w.text, at, ...comment(ctx, w.rest, fmt) };
    return { weight: 0, weightText: '0', at, ...comment(ctx, p, fmt) };
  });
}

/** Short-answer and numerical answers: separated by `=`, each worth 100 % unless it has a `%weight%`. */
export function readWeighted(ctx: Ctx, block: Src, fmt: string): Answer[] {
  return pieces(split(block, '=')).map((p) => {
    const at = pos(p);
    const w = weightOf(p);
    if (w) return { weight: w.weight, weightText: w.text, at, ...comment(ctx, w.rest, fmt) };
    return { weight: 1, weightText: '100', at, ...comment(ctx, p, fmt) };
  });
}

/** A weight outside `min`…100 % is a problem at the answer; true when it is fine. */
export function checkWeight(ctx: Ctx, a: Answer, min: number): boolean {
  if (Number.isNaN(a.weight) || a.weight > 1 || a.weight < min) {
    problem(ctx, a.at, `the weight %${a.weightText}% is not possible here: weights go from ${min < 0 ? '-100' : '0'} % to 100 %.`);
    return false;
  }
  return true;
}

/** Ids of choices by position: a, b, c, … (and c27, c28, … beyond z). */
export const choiceId = (i: number) => (i < 26 ? String.fromCharCode(97 + i) : `c${i + 1}`);
