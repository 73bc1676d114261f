import { assertNever } from '../../quiz/kinds/assert-never.ts';
import { sub, trim, type Src } from '../shared/source.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { isEmpty } from '../gift/text.ts';
import { cut, readAlt, type Alt } from './alternatives.ts';
import { choiceGap, numericalGap, typedGap } from './gap-kinds.ts';
import { CLOZE_START, CLOZE_TYPES, type ClozeType } from './cloze-types.ts';
import type { GapInput } from './types.ts';

/**
 * One embedded answer, `{weight:TYPE:alternatives}`, read as Moodle's Cloze reads it (qtype_multianswer's
 * ANSWER_REGEX): alternatives split at `~`, each `=` (100 %), `%n%` (n %, "." or "," as the point) or nothing
 * (0 %), then the answer, then `#feedback`. Escapes (`\}`, `\~`, `\#`) are already resolved in the Src.
 */

/** Reads one embedded answer (the text between `{` and `}`) into a gap; undefined when it has problems. */
export function readSubquestion(ctx: Ctx, body: Src, id: string, open: number, fmt: string): GapInput | undefined {
  const m = CLOZE_START.exec(body.s)!;
  const type = CLOZE_TYPES[m[2]!]!;
  const mark = m[1] ? Number(m[1]) : 1;
  const weight = mark === 1 ? {} : { weight: mark };
  if (mark === 0) {
    problem(ctx, open, `the weight 0 in "{0:${m[2]}:…}" makes this gap count for nothing: give it a weight of 1 or more.`);
    return undefined;
  }
  const alts = cut(sub(body, m[0].length), '~')
    .map(trim)
    .filter((p) => p.s !== '')
    .map((p) => readAlt(ctx, p, fmt));
  const name = `{${m[1]}:${m[2]}:…}`;
  if (!checkAlts(ctx, alts, type, name, open)) return undefined;
  switch (type.kind) {
    case 'numerical':
      return numericalGap(ctx, alts, id, weight, name, open);
    case 'typed':
      return typedGap(ctx, alts, id, weight, type.caseSensitive === true, name, open);
    case 'single':
    case 'multi':
      return choiceGap(ctx, alts, id, weight, type, name, open);
    default:
      return assertNever(type, 'Cloze type');
  }
}

/** Weights within ±100 %, no empty answer, and enough answers for the type (two to choose among). */
function checkAlts(ctx: Ctx, alts: readonly Alt[], type: ClozeType, name: string, open: number): boolean {
  let ok = true;
  for (const a of alts)
    if (a.weight > 1 || a.weight < -1) {
      problem(ctx, a.at, `the weight in ${name} is not possible: weights go from -100 % to 100 %.`);
      ok = false;
    } else if (isEmpty(a.text)) {
      problem(ctx, a.at, `an answer in ${name} is empty.`);
      ok = false;
    }
  const min = type.kind === 'single' || type.kind === 'multi' ? 2 : 1;
  if (alts.length < min) {
    problem(ctx, open, `${name} needs at least ${min === 2 ? 'two answers' : 'one answer'}.`);
    return false;
  }
  return ok;
}
