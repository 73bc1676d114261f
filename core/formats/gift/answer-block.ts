import { find, sub, trim, type Src } from '../shared/source.ts';
import { readChoices, readWeighted } from './answers.ts';
import { problem, type Ctx } from './context.ts';
import { readMultipleChoice } from './kinds/choice.ts';
import { readMatching } from './kinds/matching.ts';
import { readChoiceGap, readTypedGap } from './kinds/missing-word.ts';
import { readNumerical } from './kinds/numerical.ts';
import { readShort } from './kinds/short.ts';
import { readTrueFalse, TF } from './kinds/truefalse.ts';
import type { KindFields } from './types.ts';

/** Moodle compares short answers exactly (apart from case): imported questions get no typo allowance. */
export const IMPORT_TYPO_TOLERANCE = false;

/** Our extensions for one question, from `// @…` comments (and Moodle's `[id:…]`). */
export interface Directives {
  id?: { value: string; at: number };
  sources?: string[];
  caseSensitive?: boolean;
  typoTolerance?: boolean;
}

/** What sits in the braces, read into our model's type-specific fields, in Moodle's order of types. */
export function readAnswers(
  ctx: Ctx,
  args: { block: Src; open: number; fmt: string; missingWord: boolean; directives: Directives },
): KindFields | undefined {
  const { block, open, fmt, missingWord } = args;
  const s = block.s;
  const typed = <T extends KindFields | undefined>(fields: T): T => {
    if (!fields || (fields.type !== 'short' && fields.type !== 'cloze')) return fields;
    return {
      ...fields,
      caseSensitive: args.directives.caseSensitive ?? false,
      typoTolerance: args.directives.typoTolerance ?? IMPORT_TYPO_TOLERANCE,
    };
  };

  if (s === '') return { type: 'essay' };

  // True/false is the one type where "=" in the answers is harmless (its feedback may hold HTML attributes).
  const hash = find(block, '#');
  const tf = hash > 0 ? trim(sub(block, 0, hash)).s : s;
  const isTrueFalse =
    !(s[0] === '#' && !block.esc[0]) && find(block, '~') < 0 && !(find(block, '=') >= 0 && find(block, '->') >= 0) && TF.includes(tf);
  if (!isTrueFalse && equalsInTag(ctx, block)) return undefined;

  if (s[0] === '#' && !block.esc[0]) return readNumerical(ctx, sub(block, 1), open, fmt);

  if (find(block, '~') >= 0) {
    const answers = readChoices(ctx, block, fmt);
    if (answers.length < 2) {
      problem(
        ctx,
        open,
        answers.length
          ? 'this multiple-choice question has only one answer; it needs at least two.'
          : 'this multiple-choice question has no answers; it needs at least two.',
      );
      return undefined;
    }
    if (missingWord) return typed(readChoiceGap(ctx, answers, open));
    return readMultipleChoice(ctx, answers, open, find(block, '=') >= 0);
  }

  if (find(block, '=') >= 0 && find(block, '->') >= 0) return readMatching(ctx, block, open, fmt);

  if (isTrueFalse) return readTrueFalse(ctx, block, tf, fmt);

  const answers = readWeighted(ctx, block, fmt);
  if (!answers.length) {
    problem(ctx, open, 'this short-answer question has no answers: write them as {=answer =other answer}.');
    return undefined;
  }
  return typed(missingWord ? readTypedGap(ctx, answers, open) : readShort(ctx, answers, open));
}

/**
 * An unescaped `=` inside an HTML tag with attributes on one line (`<span lang="de">`) would start an answer,
 * which is never what the author meant: a problem at it. True when there is one.
 */
function equalsInTag(ctx: Ctx, block: Src): boolean {
  for (const m of block.s.matchAll(/<[A-Za-z][A-Za-z0-9]*[ \t][^<>\n]*/g)) {
    if (block.s[m.index + m[0].length] !== '>') continue;
    for (let i = m.index; i < m.index + m[0].length; i++)
      if (block.s[i] === '=' && !block.esc[i]) {
        problem(
          ctx,
          block.at[i]!,
          'an unescaped "=" inside an HTML tag in the answers: there "=" starts a right answer, so write it as \\= (as Moodle\'s own export does).',
        );
        return true;
      }
  }
  return false;
}
