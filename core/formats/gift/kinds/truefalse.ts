import { split, trim, type Src } from '../../shared/source.ts';
import type { Ctx } from '../context.ts';
import { localize, readText } from '../text.ts';
import type { KindFields } from '../types.ts';

/** `T`, `TRUE`, `F` or `FALSE` (before any `#`) makes a true/false block. */
export const TF = ['T', 'TRUE', 'F', 'FALSE'];

/** `{TRUE#fb1#fb2}`: the first feedback is shown for a wrong choice, the second for a right one. */
export function readTrueFalse(ctx: Ctx, block: Src, answer: string, fmt: string): KindFields<'truefalse'> {
  const [, wrong, right] = split(block, '#', 3);
  const feedback: { right?: Record<string, string>; wrong?: Record<string, string> } = {};
  if (right && trim(right).s) feedback.right = localize(ctx, readText(ctx, right, fmt).lt);
  if (wrong && trim(wrong).s) feedback.wrong = localize(ctx, readText(ctx, wrong, fmt).lt);
  return { type: 'truefalse', answer: answer[0] === 'T', ...(feedback.right || feedback.wrong ? { feedback } : {}) };
}
