import { pos, sub, trim, type Src } from '../shared/source.ts';
import type { Ctx } from '../gift/context.ts';
import { readText, type LText } from '../gift/text.ts';

/**
 * The alternatives of one embedded answer, as Moodle's Cloze reads them (qtype_multianswer's ANSWER_REGEX): split
 * at `~`, each `=` (100 %), `%n%` (n %, "." or "," as the point) or nothing (0 %), then the answer, then
 * `#feedback`. Escapes (`\}`, `\~`, `\#`) are already resolved in the Src.
 */

const FRACTION = /^%(-?[0-9]+(?:[.,][0-9]*)?)%/;
export const NUMERIC =
  /^(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)(?::(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?))?$/;
export const toNumber = (s: string) => Number(s.replace(',', '.'));

export interface Alt {
  weight: number;
  /** Whether the weight was written as `%n%` (Moodle then keeps multi-response weights as given). */
  specific: boolean;
  text: LText;
  raw: string;
  feedback: LText | undefined;
  at: number;
}

/** A `#` that is part of a character reference (`&#39;`, `&#x27;`), which Moodle's regex does not split at. */
const inEntity = (t: Src, i: number) => t.s[i - 1] === '&' && /^#(?:[0-9]+|x[0-9a-fA-F]+);/.test(t.s.slice(i, i + 10));

/** Splits at unescaped `ch` (a `#` of a character reference excepted). */
export function cut(t: Src, ch: string): Src[] {
  const out: Src[] = [];
  let start = 0;
  for (let i = 0; i < t.s.length; i++)
    if (t.s[i] === ch && !t.esc[i] && !(ch === '#' && inEntity(t, i))) {
      out.push(sub(t, start, i));
      start = i + 1;
    }
  out.push(sub(t, start));
  return out;
}

/** One alternative: its weight, its answer and its feedback. */
export function readAlt(ctx: Ctx, p: Src, fmt: string): Alt {
  const at = pos(p);
  let weight = 0;
  let specific = false;
  let rest = p;
  const f = FRACTION.exec(p.s);
  if (p.s[0] === '=' && !p.esc[0]) {
    weight = 1;
    rest = sub(p, 1);
  } else if (f) {
    weight = Number(`${f[1]!.replace(',', '.')}e-2`);
    specific = true;
    rest = sub(p, f[0].length);
  }
  const [answer, ...fb] = cut(rest, '#');
  // Moodle takes the feedback up to the next `~`; a second `#` is part of it.
  const feedbackSrc = fb.length ? sub(rest, answer!.s.length + 1) : undefined;
  const feedback = feedbackSrc && trim(feedbackSrc).s !== '' ? readText(ctx, feedbackSrc, fmt).lt : undefined;
  const a = trim(answer!);
  return { weight, specific, text: readText(ctx, a, fmt).lt, raw: a.s, feedback, at };
}
