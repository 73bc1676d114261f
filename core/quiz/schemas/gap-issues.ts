import { assertNever } from '../kinds/assert-never.ts';
import type { GapShape } from './gaps.ts';

type Issue = { path: (string | number)[]; message: string };

/** The rules a gap's answers follow that a shape cannot say (a right answer exists; weights add up). */
export function gapIssues(gap: GapShape, languages: readonly string[]): Issue[] {
  switch (gap.kind) {
    case undefined:
    case 'text':
      return simpleGapIssues(gap, languages);
    case 'typed':
      return typedGapIssues(gap, languages);
    case 'numerical':
      return gap.answers.some((a) => a.weight === 1) ? [] : [{ path: ['answers'], message: 'needs at least one answer worth 100 %' }];
    case 'single':
    case 'multi':
      return choiceGapIssues(gap);
    default:
      return assertNever(gap, 'gap kind');
  }
}

type GapOfKind<K> = Extract<GapShape, { kind?: K }>;

/** A select's options must offer an accepted answer, in every language. */
function simpleGapIssues(gap: GapOfKind<'text' | undefined>, languages: readonly string[]): Issue[] {
  const out: Issue[] = [];
  if (gap.options)
    for (const lang of languages)
      if (!gap.answers[lang]!.some((a) => gap.options![lang]!.includes(a)))
        out.push({ path: ['options', lang], message: 'the options must include an accepted answer' });
  return out;
}

function typedGapIssues(gap: GapOfKind<'typed'>, languages: readonly string[]): Issue[] {
  const out: Issue[] = [];
  for (const lang of languages)
    if (!gap.answers[lang]!.some((a) => a.weight === 1))
      out.push({ path: ['answers', lang], message: 'needs at least one answer worth 100 %' });
  return out;
}

/** Distinct choice ids; one choice worth 100 % (one pick), or positive weights that add up to 100 % (several). */
function choiceGapIssues(gap: GapOfKind<'single' | 'multi'>): Issue[] {
  const out: Issue[] = [];
  const ids = new Set<string>();
  gap.choices.forEach((c, i) => {
    if (ids.has(c.id)) out.push({ path: ['choices', i, 'id'], message: `duplicate id "${c.id}"` });
    ids.add(c.id);
  });
  if (gap.kind === 'single' && !gap.choices.some((c) => c.weight === 1))
    out.push({ path: ['choices'], message: 'needs one choice worth 100 %' });
  if (gap.kind === 'multi') {
    const sum = gap.choices.filter((c) => c.weight > 0).reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 1) > 0.001)
      out.push({
        path: ['choices'],
        message: `the positive weights must add up to 1 (100 %), they add up to ${Math.round(sum * 1000) / 1000}`,
      });
  }
  return out;
}
