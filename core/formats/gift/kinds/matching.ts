import { find, pieces, pos, split, sub, type Src } from '../../shared/source.ts';
import { problem, type Ctx } from '../context.ts';
import { isEmpty, localize, readText } from '../text.ts';
import type { KindFields } from '../types.ts';

/**
 * A matching block: `=left -> right` pairs; the right side has no format prefix of its own and is plain words;
 * a pair with nothing left of `->` is an extra wrong answer on the right (`= -> Chat`).
 */
export function readMatching(ctx: Ctx, block: Src, open: number, fmt: string): KindFields<'match'> | undefined {
  let ok = true;
  const pairs: Array<{ left: Record<string, string>; right: Record<string, string> }> = [];
  const distractors: Array<Record<string, string>> = [];
  for (const p of pieces(split(block, '='))) {
    const arrow = find(p, '->');
    if (arrow < 0) {
      problem(ctx, pos(p), `"${p.s.length > 40 ? `${p.s.slice(0, 40)}…` : p.s}" has no "->": write each pair as =left -> right.`);
      ok = false;
      continue;
    }
    const left = readText(ctx, sub(p, 0, arrow), fmt).lt;
    const right = readText(ctx, sub(p, arrow + 2), fmt, false).lt;
    if (isEmpty(right)) {
      problem(ctx, pos(p), 'this pair has nothing right of "->".');
      ok = false;
      continue;
    }
    if (isEmpty(left)) {
      distractors.push(localize(ctx, right, 'plain'));
      continue;
    }
    pairs.push({ left: localize(ctx, left), right: localize(ctx, right, 'plain') });
  }
  if (ok && pairs.length < 2) {
    problem(ctx, open, `this matching question has only ${pairs.length === 1 ? 'one pair' : 'no pairs'}; it needs at least two.`);
    ok = false;
  }
  // Moodle merges equal right-hand texts into one choice: an extra equal to an answer (or to another extra) adds
  // nothing, so it is dropped; pairs that share an answer stay pairs (core/quiz/kinds/match.ts offers it once).
  const same = (a: Record<string, string>) => (b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);
  const extras = distractors.filter((d, i) => !pairs.some((p) => same(d)(p.right)) && distractors.findIndex(same(d)) === i);
  return ok ? { type: 'match', pairs, ...(extras.length ? { distractors: extras } : {}) } : undefined;
}
