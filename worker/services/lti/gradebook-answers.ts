// A learner's response as the instructor's results table shows it: choice, item and pair ids of the attempt's
// copy replaced by their texts (the ids are per-attempt MACs that mean nothing to a reader).
import type { LearnerQuestion } from '../../../core/quiz/learner.ts';

const MAX_CHARS = 500;

/** Every id the copy names (choices, items, pair sides, cloze choices) with its text. */
function idTexts(copy: LearnerQuestion | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!copy) return out;
  const add = (items: ReadonlyArray<{ id: string; text: string }> | undefined) => items?.forEach((i) => out.set(i.id, i.text));
  if ('choices' in copy) add(copy.choices);
  if ('items' in copy) add(copy.items);
  if (copy.type === 'match') (add(copy.left), add(copy.right));
  if (copy.type === 'cloze') for (const part of copy.parts) if ('choices' in part) add(part.choices);
  return out;
}

/** The response in words: `a; b` for several choices, `left → right` for pairs, `gap: text` for gaps. */
export function answerText(copy: LearnerQuestion | undefined, response: unknown): string {
  const names = idTexts(copy);
  const word = (v: unknown): string =>
    typeof v === 'string'
      ? (names.get(v) ?? v)
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? v.map(word).join(', ')
          : '';
  let text: string;
  if (response === null || typeof response !== 'object') text = word(response);
  else {
    const r = response as Record<string, unknown>;
    const entries = (o: unknown) => (o && typeof o === 'object' ? Object.entries(o as Record<string, unknown>) : []);
    if ('pairs' in r)
      text = entries(r.pairs)
        .map(([left, right]) => `${word(left)} → ${word(right)}`)
        .join('; ');
    else if ('gaps' in r)
      text = entries(r.gaps)
        .map(([gap, v]) => `${gap}: ${word(v)}`)
        .join('; ');
    else
      text = Object.values(r)
        .map((v) => (Array.isArray(v) ? v.map(word).join('; ') : word(v)))
        .join('; ');
  }
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
