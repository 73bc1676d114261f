import { quoted as list } from '../../shared/problems.ts';
import { checkWeight, type Answer } from '../answers.ts';
import { problem, type Ctx } from '../context.ts';
import { answerLangs, isEmpty, oneString } from '../text.ts';
import type { KindFields } from '../types.ts';

type Accepted = { text: string; weight: number; feedback?: string };

/** A short-answer block: every answer with its weight and feedback; `*` (anything) keeps its weight, usually 0 %. */
export function readShort(
  ctx: Ctx,
  answers: Answer[],
  open: number,
): Omit<KindFields<'short'>, 'caseSensitive' | 'typoTolerance'> | undefined {
  let ok = true;
  const byLang: Record<string, Accepted[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
  for (const a of answers) {
    ok = checkWeight(ctx, a, 0) && ok;
    if (isEmpty(a.text)) {
      problem(ctx, a.at, 'this answer is empty.');
      ok = false;
    }
    const langs = answerLangs(ctx, a.text);
    if (a.text.multi && !langs.length) {
      problem(ctx, a.at, `this answer has no version in ${list(ctx.langs)}.`);
      ok = false;
    }
    const feedback = a.feedback ? oneString(ctx, a.feedback) : '';
    for (const [lang, text] of langs) byLang[lang]!.push({ text, weight: a.weight, ...(feedback ? { feedback } : {}) });
  }
  for (const lang of ctx.langs) {
    if (!byLang[lang]!.some((a) => a.weight === 1)) {
      problem(
        ctx,
        open,
        ctx.langs.length > 1
          ? `none of the answers in "${lang}" is worth 100 %: give at least one answer without a weight (or with %100%).`
          : 'none of the answers is worth 100 %: give at least one answer without a weight (or with %100%).',
      );
      ok = false;
    }
  }
  return ok ? { type: 'short', answers: byLang } : undefined;
}
