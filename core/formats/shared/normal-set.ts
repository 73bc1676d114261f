import { assertNever } from '../../quiz/kinds/assert-never.ts';
import type { Gap, GapOf, Question } from '../../quiz/schema.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { normalRich } from './rich-text.ts';

const each = (text: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(text).map(([l, t]) => [l, normalRich(t)]));
const maybe = <T extends Readonly<Record<string, string>> | undefined>(text: T) => (text ? each(text) : text);

/** A question with every rich text (shown as text, may keep markup) in its normal form. */
export function normalQuestion(q: Question): Question {
  const outcome = q.outcomeFeedback && Object.fromEntries(Object.entries(q.outcomeFeedback).map(([k, t]) => [k, t && each(t)]));
  const base = {
    ...q,
    prompt: each(q.prompt),
    ...(q.explanation ? { explanation: each(q.explanation) } : {}),
    ...(outcome ? { outcomeFeedback: outcome } : {}),
  };
  switch (base.type) {
    case 'single':
      return {
        ...base,
        choices: base.choices.map((c) => ({ ...c, text: each(c.text), ...(c.feedback ? { feedback: each(c.feedback) } : {}) })),
      };
    case 'multiple':
      return {
        ...base,
        choices: base.choices.map((c) => ({ ...c, text: each(c.text), ...(c.feedback ? { feedback: each(c.feedback) } : {}) })),
      };
    case 'truefalse':
      return base.feedback
        ? { ...base, feedback: { ...base.feedback, right: maybe(base.feedback.right), wrong: maybe(base.feedback.wrong) } }
        : base;
    case 'short': {
      const answers = Object.fromEntries(
        Object.entries(base.answers).map(([l, list]) => [
          l,
          list.map((a) => (a.feedback ? { ...a, feedback: normalRich(a.feedback) } : a)),
        ]),
      );
      return { ...base, answers };
    }
    case 'numerical':
      return {
        ...base,
        ...(base.alternatives
          ? { alternatives: base.alternatives.map((a) => (a.feedback ? { ...a, feedback: normalRich(a.feedback) } : a)) }
          : {}),
        ...(base.otherFeedback ? { otherFeedback: each(base.otherFeedback) } : {}),
        ...(base.answerFeedback ? { answerFeedback: each(base.answerFeedback) } : {}),
      };
    case 'match':
      return { ...base, pairs: base.pairs.map((p) => ({ ...p, left: each(p.left) })) };
    case 'cloze':
      return { ...base, text: each(base.text), gaps: base.gaps.map(normalGap) };
    case 'order':
    case 'essay':
    case 'dictation':
      return base;
    default:
      return assertNever(base);
  }
}

/**
 * A set with every rich text in its normal form: what an export to GIFT (or Cloze) and a re-import give back.
 * Plain texts (typed answers, options, right-hand sides, items) are kept exactly.
 */
export function normalSet(set: QuestionSet): QuestionSet {
  return { ...set, passages: set.passages.map((p) => ({ ...p, text: each(p.text) })), questions: set.questions.map(normalQuestion) };
}

/**
 * A gap in its normal form: the simplest gap that grades the same (what the Cloze reader gives back), defaults
 * left out (weight 1, the default layout, no shuffling, case as the question's).
 */
export function normalGap(g: Gap): Gap {
  const weight = g.weight !== undefined && g.weight !== 1 ? { weight: g.weight } : {};
  switch (g.kind) {
    case undefined:
    case 'text':
      return { id: g.id, ...weight, answers: g.answers, ...(g.options ? { options: g.options } : {}) };
    case 'typed':
      return normalTypedGap(g, weight);
    case 'numerical':
      return {
        id: g.id,
        kind: 'numerical',
        ...weight,
        answers: g.answers.map((a) => (a.feedback ? { ...a, feedback: each(a.feedback) } : a)),
        ...(g.otherFeedback ? { otherFeedback: each(g.otherFeedback) } : {}),
      };
    case 'single':
    case 'multi':
      return normalChoiceGap(g, weight);
    default:
      return assertNever(g, 'gap kind');
  }
}

type Weight = { weight?: number };

/** Typed answers all worth 100 %, without feedback, catch-all or case: the simple gap. */
function normalTypedGap(g: GapOf<'typed'>, weight: Weight): Gap {
  const lists = Object.values(g.answers);
  if (!g.caseSensitive && lists.every((l) => l.every((a) => a.weight === 1 && !a.feedback && a.text !== '*')))
    return {
      id: g.id,
      ...weight,
      answers: Object.fromEntries(Object.entries(g.answers).map(([l, list]) => [l, list.map((a) => a.text)])),
    };
  return {
    id: g.id,
    kind: 'typed',
    ...weight,
    ...(g.caseSensitive ? { caseSensitive: true } : {}),
    answers: Object.fromEntries(
      Object.entries(g.answers).map(([l, list]) => [l, list.map((a) => (a.feedback ? { ...a, feedback: normalRich(a.feedback) } : a))]),
    ),
  };
}

/** One right choice of distinct words in a select, without feedback: the simple gap with options. */
function normalChoiceGap(g: GapOf<'single' | 'multi'>, weight: Weight): Gap {
  const display = g.display ?? (g.kind === 'multi' ? 'vertical' : 'select');
  const langs = Object.keys(g.choices[0]!.text);
  if (
    g.kind === 'single' &&
    display === 'select' &&
    !g.shuffle &&
    g.choices.every((c) => (c.weight === 0 || c.weight === 1) && !c.feedback) &&
    langs.every((l) => new Set(g.choices.map((c) => c.text[l])).size === g.choices.length)
  ) {
    const by = (keep: (w: number) => boolean) =>
      Object.fromEntries(langs.map((l) => [l, g.choices.filter((c) => keep(c.weight)).map((c) => c.text[l]!)]));
    return { id: g.id, ...weight, answers: by((w) => w === 1), options: by(() => true) };
  }
  return {
    id: g.id,
    kind: g.kind,
    ...weight,
    ...(display !== (g.kind === 'multi' ? 'vertical' : 'select') ? { display } : {}),
    ...(g.shuffle ? { shuffle: true } : {}),
    choices: g.choices.map((c) => ({ ...c, ...(c.feedback ? { feedback: each(c.feedback) } : {}) })),
  };
}
