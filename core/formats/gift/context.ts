import type { FormatProblem } from '../shared/problems.ts';
import type { GiftOptions } from './types.ts';

/** What every reader of a GIFT file shares: options, the set's languages, and where problems go. */
export interface Ctx {
  opts: GiftOptions;
  /** The set's languages (provisional in the first pass). */
  langs: readonly string[];
  /** Languages the multilang spans use. */
  found: Set<string>;
  problems: FormatProblem[];
  warnings: FormatProblem[];
  where: (offset: number) => { line: number; column: number };
}

/** A problem (the import is refused) at a file offset. */
export const problem = (ctx: Ctx, offset: number, message: string) => ctx.problems.push({ ...ctx.where(offset), message });
/** A warning (imported, but something was left out) at a file offset. */
export const warn = (ctx: Ctx, offset: number, message: string) => ctx.warnings.push({ ...ctx.where(offset), message });
