import { pick } from '../content/localized.ts';
import { publicId, shuffle } from './random.ts';
import type { Question } from './schema.ts';

export interface LearnerItem {
  id: string;
  text: string;
}
export type ClozePart = { text: string } | { gap: string; options?: string[] };

/** A question as the learner receives it: text in one language, shuffled per attempt, and no key of any kind. */
export type LearnerQuestion = { id: string; prompt: string } & (
  | { type: 'single'; choices: LearnerItem[] }
  | { type: 'multiple'; choices: LearnerItem[] }
  | { type: 'truefalse' }
  | { type: 'short' }
  | { type: 'cloze'; parts: ClozePart[] }
  | { type: 'match'; left: LearnerItem[]; right: LearnerItem[] }
  | { type: 'order'; items: LearnerItem[] }
  | { type: 'numerical' }
  | { type: 'essay' }
);

/** Splits a cloze text at its `{{gapId}}` marks. */
export function clozeParts(text: string): Array<{ text: string } | { gap: string }> {
  return text
    .split(/(\{\{[^}]+\}\})/)
    .filter(Boolean)
    .map((piece) => (/^\{\{[^}]+\}\}$/.test(piece) ? { gap: piece.slice(2, -2) } : { text: piece }));
}

/** Left ids are positional; right, choice and item ids are opaque (see publicId). */
export const leftId = (i: number) => `l${i + 1}`;

/**
 * The learner's copy of one question for one attempt. `seed` fixes the order of choices and items, so the
 * same attempt renders the same way after a reload, and a new attempt gets a new order.
 */
export function learnerCopy(q: Question, lang: string, seed: string): LearnerQuestion {
  const base = { id: q.id, prompt: pick(q.prompt, lang) };
  const order = <T>(items: readonly T[]) => shuffle(items, `${seed}:${q.id}`);
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: q.type, choices: order(q.choices).map((c) => ({ id: publicId(q.id, c.id), text: pick(c.text, lang) })) };
    case 'truefalse':
    case 'short':
    case 'numerical':
    case 'essay':
      return { ...base, type: q.type };
    case 'cloze':
      return {
        ...base,
        type: 'cloze',
        parts: clozeParts(pick(q.text, lang)).map((part) => {
          if (!('gap' in part)) return part;
          const gap = q.gaps.find((g) => g.id === part.gap)!;
          return gap.options ? { gap: gap.id, options: order(gap.options[lang] ?? []) } : { gap: gap.id };
        }),
      };
    case 'match':
      return {
        ...base,
        type: 'match',
        left: q.pairs.map((p, i) => ({ id: leftId(i), text: pick(p.left, lang) })),
        right: order(q.pairs.map((p, i) => ({ id: publicId(q.id, `r${i}`), text: pick(p.right, lang) }))),
      };
    case 'order': {
      const items = q.items.map((t, i) => ({ id: publicId(q.id, `i${i}`), text: pick(t, lang) }));
      let shuffled = order(items);
      // A shuffle that happens to leave everything in place would give the answer away: rotate it.
      if (shuffled.every((it, i) => it.id === items[i]!.id)) shuffled = [...shuffled.slice(1), shuffled[0]!];
      return { ...base, type: 'order', items: shuffled };
    }
    default:
      return assertNever(q);
  }
}

export function assertNever(x: never): never {
  throw new Error(`Unhandled question type: ${JSON.stringify(x)}`);
}
