import { pos, sub, trim, type Src } from '../shared/source.ts';
import { choiceId } from '../gift/answers.ts';
import { problem, type Ctx } from '../gift/context.ts';
import { answerLangs, isEmpty, localize, oneString, readText, type LText } from '../gift/text.ts';
import type { GapInput } from './types.ts';

/**
 * One embedded answer, `{weight:TYPE:alternatives}`, read as Moodle's Cloze reads it (qtype_multianswer's
 * ANSWER_REGEX): alternatives split at `~`, each `=` (100 %), `%n%` (n %, "." or "," as the point) or nothing
 * (0 %), then the answer, then `#feedback`. Escapes (`\}`, `\~`, `\#`) are already resolved in the Src.
 */

/** Each type code with what it means: the gap kind, layout, shuffling, case. */
export const CLOZE_TYPES: Record<
  string,
  {
    kind: 'typed' | 'numerical' | 'single' | 'multi';
    display?: 'select' | 'vertical' | 'horizontal';
    shuffle?: boolean;
    caseSensitive?: boolean;
  }
> = {
  SHORTANSWER: { kind: 'typed' },
  SA: { kind: 'typed' },
  MW: { kind: 'typed' },
  SHORTANSWER_C: { kind: 'typed', caseSensitive: true },
  SAC: { kind: 'typed', caseSensitive: true },
  MWC: { kind: 'typed', caseSensitive: true },
  NUMERICAL: { kind: 'numerical' },
  NM: { kind: 'numerical' },
  MULTICHOICE: { kind: 'single', display: 'select' },
  MC: { kind: 'single', display: 'select' },
  MULTICHOICE_S: { kind: 'single', display: 'select', shuffle: true },
  MCS: { kind: 'single', display: 'select', shuffle: true },
  MULTICHOICE_V: { kind: 'single', display: 'vertical' },
  MCV: { kind: 'single', display: 'vertical' },
  MULTICHOICE_VS: { kind: 'single', display: 'vertical', shuffle: true },
  MCVS: { kind: 'single', display: 'vertical', shuffle: true },
  MULTICHOICE_H: { kind: 'single', display: 'horizontal' },
  MCH: { kind: 'single', display: 'horizontal' },
  MULTICHOICE_HS: { kind: 'single', display: 'horizontal', shuffle: true },
  MCHS: { kind: 'single', display: 'horizontal', shuffle: true },
  MULTIRESPONSE: { kind: 'multi', display: 'vertical' },
  MR: { kind: 'multi', display: 'vertical' },
  MULTIRESPONSE_S: { kind: 'multi', display: 'vertical', shuffle: true },
  MRS: { kind: 'multi', display: 'vertical', shuffle: true },
  MULTIRESPONSE_H: { kind: 'multi', display: 'horizontal' },
  MRH: { kind: 'multi', display: 'horizontal' },
  MULTIRESPONSE_HS: { kind: 'multi', display: 'horizontal', shuffle: true },
  MRHS: { kind: 'multi', display: 'horizontal', shuffle: true },
};

/** The start of an embedded answer after its `{`: Moodle's `([0-9]*):(TYPE):` (capitals, as Moodle reads it). */
export const CLOZE_START = new RegExp(`^([0-9]*):(${Object.keys(CLOZE_TYPES).join('|')}):`);

const FRACTION = /^%(-?[0-9]+(?:[.,][0-9]*)?)%/;
const NUMERIC = /^(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)(?::(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?))?$/;
const toNumber = (s: string) => Number(s.replace(',', '.'));

interface Alt {
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
function cut(t: Src, ch: string): Src[] {
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

function readAlt(ctx: Ctx, p: Src, fmt: string): Alt {
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
    return undefined;
  }
  if (!ok) return undefined;

  if (type.kind === 'numerical') return numericalGap(ctx, alts, id, weight, name, open);
  if (type.kind === 'typed') return typedGap(ctx, alts, id, weight, type.caseSensitive === true, name, open);

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

type Weight = { weight?: number };

function typedGap(
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

function numericalGap(ctx: Ctx, alts: Alt[], id: string, weight: Weight, name: string, open: number): GapInput | undefined {
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
