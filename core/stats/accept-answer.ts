// "Accept this typed answer": a new question set with the answer added, for the set store to save as a new
// version (validated again by the caller with the one set schema).
import type { Question } from '../quiz/schema.ts';

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

/** The questions with the answer accepted, or null if that question cannot take it (gone, other type, bad number). */
export function acceptAnswer<Q extends Question>(questions: readonly Q[], a: Acceptance): Q[] | null {
  const value = a.value.trim();
  if (!value || !(a.credit > 0 && a.credit <= 1)) return null;
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
      const n = Number(value);
      if (!Number.isFinite(n)) return q;
      changed = true;
      return { ...q, alternatives: [...(q.alternatives ?? []), { answer: n, tolerance: 0, weight: a.credit }] };
    }
    if (q.type === 'cloze') {
      // Gaps have no partial credit: a gap's answers are all right.
      const gap = q.gaps.find((g) => g.id === a.part);
      if (!gap || a.credit !== 1 || !gap.answers[a.lang] || gap.options) return q;
      changed = true;
      return {
        ...q,
        gaps: q.gaps.map((g) => (g === gap ? { ...g, answers: { ...g.answers, [a.lang]: [...g.answers[a.lang]!, value] } } : g)),
      };
    }
    return q;
  });
  return changed ? out : null;
}
