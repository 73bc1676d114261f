import { pick } from '../../content/localized.ts';
import type { FeedbackItem } from '../feedback.ts';
import type { ClozePart } from '../learner-types.ts';
import type { Gap, GapOf, QuestionOf } from '../schema.ts';
import { textRules } from '../text-match.ts';
import { inLang, unknownId, type GradeContext, type Problem, type PublicIds, type Shuffler } from './kind.ts';
import { typedAnswer } from './typed-answer.ts';

/**
 * One gap of a cloze question, graded as Moodle grades its sub-question: a typed gap earns its best answer's
 * weight, a single-choice gap its choice's weight (a negative one costs, as in Moodle), a multi-response gap the
 * sum of its picks (0..1), a numerical gap its best matching value's weight. The question adds them up by weight.
 */

type Cloze = QuestionOf<'cloze'>;
export type GapValue = string | readonly string[] | undefined;
export type GapItem = Extract<FeedbackItem, { kind: 'gap' }>;
export interface GapScore {
  credit: number;
  item: GapItem;
  notes: string[];
}

export const isChoice = (g: Gap): g is GapOf<'single' | 'multi'> => g.kind === 'single' || g.kind === 'multi';
const asText = (v: GapValue) => (typeof v === 'string' ? v : '');
const asList = (v: GapValue): readonly string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
/** The authoring key of a gap's choice (`g1:a`): gap and choice, as one question's keys must be unique. */
export const gapChoiceKey = (g: { id: string }, choiceId: string) => `${g.id}:${choiceId}`;
/** A gap's choice id as the learner sees it: its public id, so it says nothing about the key. */
export const gapChoiceId = (q: { id: string }, g: { id: string }, choiceId: string, ids: PublicIds) => ids(q.id, gapChoiceKey(g, choiceId));

type Range = { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined };
const within = (n: number, a: Range) =>
  a.answer !== undefined ? Math.abs(n - a.answer) <= a.tolerance + 1e-9 : n >= a.min! && n <= a.max!;
const rangeText = (a: Range) =>
  a.answer === undefined ? `${a.min}–${a.max}` : a.tolerance ? `${a.answer} ± ${a.tolerance}` : String(a.answer);
/** A number as people type it ("2,5", " 1822 "); undefined when it is not one. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : undefined;
}

/** True when nothing was typed or picked in the gap. */
export const gapEmpty = (v: GapValue) => (Array.isArray(v) ? v.length === 0 : !asText(v).trim());

/** Problems with a gap's value beyond its shape: a list for a gap that takes one value, ids it does not have. */
export function validateGap(q: Cloze, g: Gap, v: GapValue, at: string, ids: PublicIds): Problem[] {
  const path = `${at}.gaps.${g.id}`;
  if (g.kind === 'multi') {
    const known = new Set(g.choices.map((c) => gapChoiceId(q, g, c.id, ids)));
    return asList(v).flatMap((id) => (known.has(id) ? [] : [unknownId(q, path, id)]));
  }
  if (Array.isArray(v)) return [{ path, message: `gap "${g.id}" takes one answer, not a list` }];
  if (g.kind === 'single' && asText(v) && !g.choices.some((c) => gapChoiceId(q, g, c.id, ids) === v))
    return [unknownId(q, path, asText(v))];
  return [];
}

/** Grades one gap in the quiz language. */
export function scoreGap(q: Cloze, g: Gap, v: GapValue, { lang, lexicon, ids, grading }: GradeContext): GapScore {
  const rules = textRules(q, lang, lexicon, grading);
  if (g.kind === undefined || g.kind === 'text') {
    // A gap with options is a choice: exact (after folding), no typo allowance.
    const opts = g.options ? { ...rules, typoTolerance: false } : rules;
    const accepted = inLang(g.answers, lang).map((text) => ({ text, weight: 1 }));
    const { credit, verdict } = typedAnswer(asText(v), accepted, opts);
    return { credit, item: { kind: 'gap', gap: g.id, ...verdict }, notes: [] };
  }
  if (g.kind === 'typed') {
    const opts = { ...rules, caseSensitive: rules.caseSensitive || !!g.caseSensitive };
    const { credit, verdict, feedback } = typedAnswer(asText(v), inLang(g.answers, lang), opts);
    return { credit, item: { kind: 'gap', gap: g.id, ...verdict }, notes: feedback ? [feedback] : [] };
  }
  if (g.kind === 'numerical') {
    const given = asText(v);
    const n = readNumber(given);
    const best = n === undefined ? undefined : g.answers.filter((a) => within(n, a)).sort((a, b) => b.weight - a.weight)[0];
    const full = g.answers.find((a) => a.weight === 1) ?? g.answers[0]!;
    const credit = best?.weight ?? 0;
    const feedback = best ? best.feedback : g.otherFeedback;
    return {
      credit,
      item: { kind: 'gap', gap: g.id, given, match: credit === 1 ? 'exact' : 'none', expected: rangeText(full), accepted: credit > 0 },
      notes: feedback ? [pick(feedback, lang)] : [],
    };
  }
  return scoreChoices(q, g as GapOf<'single' | 'multi'>, v, lang, ids);
}

function scoreChoices(q: Cloze, g: GapOf<'single' | 'multi'>, v: GapValue, lang: string, ids: PublicIds): GapScore {
  const picked = g.choices.filter((c) => asList(v).includes(gapChoiceId(q, g, c.id, ids)));
  const sum = picked.reduce((s, c) => s + c.weight, 0);
  const credit = g.kind === 'multi' ? Math.min(1, Math.max(0, sum)) : sum;
  const text = (list: typeof picked) => list.map((c) => pick(c.text, lang)).join(', ');
  return {
    credit,
    item: {
      kind: 'gap',
      gap: g.id,
      given: text(picked),
      match: credit >= 1 ? 'exact' : 'none',
      expected: text(rightChoices(g)),
      accepted: credit > 0,
    },
    notes: picked.flatMap((c) => (c.feedback ? [pick(c.feedback, lang)] : [])),
  };
}

const rightChoices = (g: GapOf<'single' | 'multi'>) =>
  g.kind === 'multi' ? g.choices.filter((c) => c.weight > 0) : g.choices.filter((c) => c.weight === 1).slice(0, 1);

/** The value that earns the whole gap, in the learner's ids. */
export function gapKey(q: Cloze, g: Gap, lang: string, ids: PublicIds): string | string[] {
  if (isChoice(g)) {
    const right = rightChoices(g).map((c) => gapChoiceId(q, g, c.id, ids));
    return g.kind === 'multi' ? right : right[0]!;
  }
  if (g.kind === 'numerical') {
    const a = g.answers.find((x) => x.weight === 1)!;
    return String(a.answer ?? (a.min! + a.max!) / 2);
  }
  if (g.kind === 'typed') return inLang(g.answers, lang).find((a) => a.weight === 1)!.text;
  return inLang(g.answers, lang)[0]!;
}

/** The gap's solution as a learner reads it. */
export function gapSolution(g: Gap, lang: string): string {
  if (isChoice(g))
    return rightChoices(g)
      .map((c) => pick(c.text, lang))
      .join(', ');
  if (g.kind === 'numerical') return rangeText(g.answers.find((a) => a.weight === 1)!);
  if (g.kind === 'typed') return inLang(g.answers, lang).find((a) => a.weight === 1)!.text;
  return inLang(g.answers, lang)[0]!;
}

/** The learner's copy of a gap: its controls, never its key. */
export function gapLearner(q: Cloze, g: Gap, lang: string, order: Shuffler, ids: PublicIds): ClozePart {
  if (g.kind === undefined || g.kind === 'text') return g.options ? { gap: g.id, options: order(inLang(g.options, lang)) } : { gap: g.id };
  if (g.kind === 'typed') return { gap: g.id };
  if (g.kind === 'numerical') return { gap: g.id, input: 'number' };
  const c = g as GapOf<'single' | 'multi'>;
  const choices = c.choices.map((x) => ({ id: gapChoiceId(q, c, x.id, ids), text: pick(x.text, lang) }));
  return {
    gap: c.id,
    choices: c.shuffle ? order(choices) : choices,
    multiple: c.kind === 'multi',
    display: c.display ?? (c.kind === 'multi' ? 'vertical' : 'select'),
  };
}
