// The gap each kind of embedded answer becomes: typed answers, numbers, or choices.
import { choiceId } from '../gift/answers.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { answerLangs, localize, oneString } from '../gift/text.ts';
import { NUMERIC, toNumber, type Alt } from './alternatives.ts';
import type { ChoiceType } from './cloze-types.ts';
import type { GapInput } from './types.ts';

type Weight = { weight?: number };

/** SHORTANSWER (SA, MW, and the case-sensitive SAC, MWC): weighted answers; `*` alone accepts anything. */
export function typedGap(
  ctx: Ctx,
  alts: Alt[],
  id: string,
  weight: Weight,
  caseSensitive: boolean,
  name: string,
  open: number,
): GapInput | undefined {
  for (const a of alts)
    if (a.raw !== '*' && a.raw.includes('*')) {
      problem(
        ctx,
        a.at,
        `"${a.raw}": a "*" inside an answer is a wildcard in Moodle, which is not supported here (it would grade differently); write the answers out, or use "*" alone to accept anything.`,
      );
      return undefined;
    }
  if (alts.some((a) => a.weight < 0)) {
    problem(ctx, open, `${name} has a negative weight: a typed answer's weight goes from 0 % to 100 %.`);
    return undefined;
  }
  if (!alts.some((a) => a.weight === 1)) {
    problem(ctx, open, `${name} has no answer worth 100 %: mark the right one with "=".`);
    return undefined;
  }
  const plain = alts.every((a) => a.weight === 1 && !a.feedback && a.raw !== '*');
  if (plain && !caseSensitive) {
    const answers: Record<string, string[]> = Object.fromEntries(ctx.langs.map((l) => [l, []]));
    for (const a of alts) for (const [l, t] of answerLangs(ctx, a.text)) answers[l]!.push(t);
    return { id, ...weight, answers };
  }
  const answers: Record<string, Array<{ text: string; weight: number; feedback?: string }>> = Object.fromEntries(
    ctx.langs.map((l) => [l, []]),
  );
  for (const a of alts) {
    const feedback = a.feedback ? oneString(ctx, a.feedback) : '';
    for (const [l, t] of answerLangs(ctx, a.text)) answers[l]!.push({ text: t, weight: a.weight, ...(feedback ? { feedback } : {}) });
  }
  return { id, kind: 'typed', ...weight, ...(caseSensitive ? { caseSensitive: true } : {}), answers };
}

/** NUMERICAL (NM): values with tolerances; `*` is the feedback for any other number. */
export function numericalGap(ctx: Ctx, alts: Alt[], id: string, weight: Weight, name: string, open: number): GapInput | undefined {
  let ok = true;
  let otherFeedback: Record<string, string> | undefined;
  const answers: Array<{ answer: number; tolerance: number; weight: number; feedback?: Record<string, string> }> = [];
  for (const a of alts) {
    const raw = a.raw;
    if (raw === '*') {
      if (a.weight !== 0) {
        problem(ctx, a.at, `"*" with a weight in ${name}: any other number can only be worth 0 % here.`);
        ok = false;
      } else if (a.feedback) otherFeedback = localize(ctx, a.feedback);
      continue;
    }
    const m = NUMERIC.exec(raw);
    if (!m) {
      problem(ctx, a.at, `"${raw}" in ${name} is not a number: write it as =1822 or =1822:2 (with a tolerance).`);
      ok = false;
      continue;
    }
    if (a.weight < 0) {
      problem(ctx, a.at, `a negative weight in ${name}: a numerical answer's weight goes from 0 % to 100 %.`);
      ok = false;
      continue;
    }
    answers.push({
      answer: toNumber(m[1]!),
      tolerance: m[2] ? Math.abs(toNumber(m[2])) : 0,
      weight: a.weight,
      ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
    });
  }
  if (!ok) return undefined;
  if (!answers.some((a) => a.weight === 1)) {
    problem(ctx, open, `${name} has no number worth 100 %: mark the right one with "=".`);
    return undefined;
  }
  return { id, kind: 'numerical', ...weight, answers, ...(otherFeedback ? { otherFeedback } : {}) };
}

/** MULTICHOICE (one pick) and MULTIRESPONSE (several): the simplest gap that grades the same. */
export function choiceGap(
  ctx: Ctx,
  alts: Alt[],
  id: string,
  weight: Weight,
  type: ChoiceType,
  name: string,
  open: number,
): GapInput | undefined {
  let weights = alts.map((a) => a.weight);
  if (type.kind === 'multi') {
    // As Moodle: the right answers' weights are scaled to add up to 100 %; without any %n%, each wrong answer
    // takes back one right answer's share.
    const total = weights.filter((w) => w > 0).reduce((s, w) => s + w, 0);
    if (!total) {
      problem(ctx, open, `${name} has no right answer: mark them with "=" or a positive %weight%.`);
      return undefined;
    }
    const specific = alts.some((a) => a.specific);
    weights = weights.map((w) => (w > 0 ? w / total : specific ? w : -1 / total));
  } else if (!weights.includes(1)) {
    problem(ctx, open, `${name} has no answer worth 100 %: mark the right one with "=".`);
    return undefined;
  }
  const choices = alts.map((a, i) => ({
    id: choiceId(i),
    text: localize(ctx, a.text, 'plain'),
    weight: weights[i]!,
    ...(a.feedback ? { feedback: localize(ctx, a.feedback) } : {}),
  }));
  const simple =
    type.kind === 'single' &&
    type.display === 'select' &&
    !type.shuffle &&
    alts.every((a) => (a.weight === 1 || a.weight === 0) && !a.feedback) &&
    ctx.langs.every((l) => new Set(choices.map((c) => c.text[l])).size === choices.length);
  if (simple) {
    // The simplest gap that holds it: a select of words, right ones marked (the built-in content's form).
    const by = (pick: (w: number) => boolean) =>
      Object.fromEntries(ctx.langs.map((l) => [l, choices.filter((c) => pick(c.weight)).map((c) => c.text[l]!)]));
    return { id, ...weight, answers: by((w) => w === 1), options: by(() => true) };
  }
  return {
    id,
    kind: type.kind,
    ...weight,
    ...(type.display !== (type.kind === 'multi' ? 'vertical' : 'select') ? { display: type.display } : {}),
    ...(type.shuffle ? { shuffle: true } : {}),
    choices,
  };
}
