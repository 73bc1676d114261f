// "Accept this typed answer": a new question set with the answer added, for the set registry to save as a new
// version in the same transaction that checks the version the instructor looked at.
import { readNumber } from '../quiz/kinds/cloze-gaps.ts';
import { isSimpleGap, type Gap, type Question } from '../quiz/schema.ts';
import { setSchemas, type QuestionSet } from '../sets/schema.ts';

export interface Acceptance {
  questionId: string;
  /** The typed text (or number) as the report showed it. */
  value: string;
  lang: string;
  /** 1 (full) or a partial credit in (0, 1). */
  credit: number;
  /** The gap of a cloze question. */
  part?: string | undefined;
}

/** What accepting answers: the set with the answer, or why not (nothing to accept, or the question cannot take it). */
export type Accepted = { ok: true; set: QuestionSet; text: string } | { ok: false; reason: 'empty' | 'cannotAccept' };

// Line breaks, tabs and runs of spaces become one space: the matcher folds them alike (core/quiz/normalize.ts),
// so grading is unchanged, and a stored answer never carries a line break into GIFT or a CSV cell.
const WHITE_SPACE = /\s+/g;
// Other control characters, and the bidirectional overrides that make a text read differently than it
// matches, cannot be typed on purpose: they are dropped rather than stored.
const CONTROLS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
// The only text a typed-answer matcher reads as a pattern is `*` alone (GIFT's catch-all, "anything non-blank").
// Moodle writes the literal star as `\*`; a star after backslashes gets one backslash more, so the escape is
// reversible and `\*` typed by a learner stays that literal text too.
const PATTERN = /^\\*\*$/;

/** A learner's typed text as a literal accepted answer: cleaned, never a pattern; null when nothing is left. */
export function literalAnswer(value: string): { stored: string; text: string } | null {
  const text = value
    .replace(CONTROLS, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(WHITE_SPACE, ' ')
    .trim();
  if (!text) return null;
  return { stored: PATTERN.test(text) ? `\\${text}` : text, text };
}

/**
 * The set with the answer accepted and validated again by the one set schema, or why it cannot be. The value
 * is taken literally (`literalAnswer`); a number is read as the grader reads a typed number.
 */
export function acceptIntoSet(set: QuestionSet, a: Acceptance): Accepted {
  const literal = literalAnswer(a.value);
  if (!literal) return { ok: false, reason: 'empty' };
  const questions = acceptAnswer(set.questions, { ...a, value: literal.stored });
  const parsed = questions && setSchemas(set.languages).QuestionSet.safeParse({ ...set, questions });
  return parsed?.success ? { ok: true, set: parsed.data, text: literal.text } : { ok: false, reason: 'cannotAccept' };
}

/**
 * The questions with the answer accepted, or null if that question cannot take it (gone, other type, bad number).
 * `a.value` is stored as given: pass it through `literalAnswer` first (as `acceptIntoSet` does).
 */
export function acceptAnswer<Q extends Question>(questions: readonly Q[], a: Acceptance): Q[] | null {
  const value = a.value;
  if (!value.trim() || !(a.credit > 0 && a.credit <= 1)) return null;
  let changed = false;
  const out = questions.map((q): Q => {
    if (q.id !== a.questionId) return q;
    if (q.type === 'short') {
      const answers = q.answers[a.lang];
      if (!answers) return q;
      const rest = answers.filter((x) => x.text !== value);
      changed = true;
      return { ...q, answers: { ...q.answers, [a.lang]: [...rest, { text: value, weight: a.credit }] } };
    }
    if (q.type === 'numerical') {
      const n = readNumber(value);
      if (n === undefined || !Number.isFinite(n)) return q;
      changed = true;
      return { ...q, alternatives: [...(q.alternatives ?? []), { answer: n, tolerance: 0, weight: a.credit }] };
    }
    if (q.type === 'cloze') {
      const gap = q.gaps.find((g) => g.id === a.part);
      const next = gap && acceptIntoGap(gap, value, a);
      if (!next) return q;
      changed = true;
      return { ...q, gaps: q.gaps.map((g) => (g === gap ? next : g)) };
    }
    return q;
  });
  return changed ? out : null;
}

/**
 * The gap with the answer accepted, or null if it cannot take it. A choice gap's choices are the author's; a
 * simple gap with options is a choice too. A simple typed gap takes a full-credit answer as it is and becomes a
 * weighted typed gap for a partial one (its answers worth 100 %, so it grades as before).
 */
function acceptIntoGap(gap: Gap, value: string, a: Acceptance): Gap | null {
  if (gap.kind === 'numerical') {
    const n = readNumber(value);
    if (n === undefined || !Number.isFinite(n)) return null;
    return { ...gap, answers: [...gap.answers, { answer: n, tolerance: 0, weight: a.credit }] };
  }
  if (gap.kind === 'typed') {
    const answers = gap.answers[a.lang];
    if (!answers) return null;
    const rest = answers.filter((x) => x.text !== value);
    return { ...gap, answers: { ...gap.answers, [a.lang]: [...rest, { text: value, weight: a.credit }] } };
  }
  if (!isSimpleGap(gap) || gap.options || !gap.answers[a.lang]) return null;
  const own = gap.answers[a.lang]!;
  if (a.credit === 1) return own.includes(value) ? gap : { ...gap, answers: { ...gap.answers, [a.lang]: [...own, value] } };
  const answers = Object.fromEntries(
    Object.entries(gap.answers).map(([lang, list]) => [
      lang,
      list.filter((t) => lang !== a.lang || t !== value).map((text) => ({ text, weight: 1 })),
    ]),
  );
  answers[a.lang]!.push({ text: value, weight: a.credit });
  const { options: _none, kind: _text, ...rest } = gap;
  return { ...rest, kind: 'typed', answers };
}
