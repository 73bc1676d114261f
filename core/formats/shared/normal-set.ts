import type { Question } from '../../quiz/schema.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { normalRich } from './rich-text.ts';

const each = (text: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(text).map(([l, t]) => [l, normalRich(t)]));
const maybe = <T extends Readonly<Record<string, string>> | undefined>(text: T) => (text ? each(text) : text);

/** A question with every rich text (shown as text, may keep markup) in its normal form. */
export function normalQuestion(q: Question): Question {
  const base = { ...q, prompt: each(q.prompt), ...(q.explanation ? { explanation: each(q.explanation) } : {}) };
  switch (base.type) {
    case 'single':
      return { ...base, choices: base.choices.map((c) => ({ ...c, text: each(c.text), ...(c.feedback ? { feedback: each(c.feedback) } : {}) })) };
    case 'multiple':
      return { ...base, choices: base.choices.map((c) => ({ ...c, text: each(c.text), ...(c.feedback ? { feedback: each(c.feedback) } : {}) })) };
    case 'truefalse':
      return base.feedback ? { ...base, feedback: { ...base.feedback, right: maybe(base.feedback.right), wrong: maybe(base.feedback.wrong) } } : base;
    case 'short': {
      const answers = Object.fromEntries(
        Object.entries(base.answers).map(([l, list]) => [l, list.map((a) => (a.feedback ? { ...a, feedback: normalRich(a.feedback) } : a))]),
      );
      return { ...base, answers };
    }
    case 'numerical':
      return base.alternatives
        ? { ...base, alternatives: base.alternatives.map((a) => (a.feedback ? { ...a, feedback: normalRich(a.feedback) } : a)) }
        : base;
    case 'match':
      return { ...base, pairs: base.pairs.map((p) => ({ ...p, left: each(p.left) })) };
    case 'cloze':
      return { ...base, text: each(base.text) };
    default:
      return base;
  }
}

/**
 * A set with every rich text in its normal form: what an export to GIFT (or Cloze) and a re-import give back.
 * Plain texts (typed answers, options, right-hand sides, items) are kept exactly.
 */
export function normalSet(set: QuestionSet): QuestionSet {
  return { ...set, passages: set.passages.map((p) => ({ ...p, text: each(p.text) })), questions: set.questions.map(normalQuestion) };
}
