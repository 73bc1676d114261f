// "Accept this typed answer": a new question set with the answer added, for the set store to save as a new
// version (validated again by the caller with the one set schema).
import { isSimpleGap, type Gap, type Question } from '../quiz/schema.ts';

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
    const n = Number(value.replace(',', '.'));
    if (!Number.isFinite(n)) return null;
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
