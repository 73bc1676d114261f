import { pick } from '../../content/localized.ts';
import { gapChoiceKey, gapEmpty, gapKey, gapLearner, gapSolution, isChoice, scoreGap, validateGap } from './cloze-gaps.ts';
import { ORDER_KEY, unknownId, type Kind } from './kind.ts';

/** Splits a cloze text at its `{{gapId}}` marks. */
export function clozeParts(text: string): Array<{ text: string } | { gap: string }> {
  return text
    .split(/(\{\{[^}]+\}\})/)
    .filter(Boolean)
    .map((piece) => (/^\{\{[^}]+\}\}$/.test(piece) ? { gap: piece.slice(2, -2) } : { text: piece }));
}

const given = <T>(gaps: Readonly<Record<string, T>>, id: string) => (Object.hasOwn(gaps, id) ? gaps[id] : undefined);

/**
 * A text with gaps, scored as Moodle scores Cloze: each gap's credit (cloze-gaps.ts) times its weight (default 1),
 * over the sum of the weights; an ending slip in a typed gap earns its partial credit.
 */
export const cloze = {
  graded: true,
  validate: (q, r, at, ids) =>
    Object.keys(r.gaps).flatMap((key) => {
      const gap = q.gaps.find((g) => g.id === key);
      return gap ? validateGap(q, gap, r.gaps[key], at, ids) : [unknownId(q, `${at}.gaps.${key}`, key)];
    }),
  isUnanswered: (q, r) => q.gaps.every((g) => gapEmpty(given(r.gaps, g.id))),
  score(q, r, ctx) {
    let total = 0;
    let weights = 0;
    const notes: string[] = [];
    const items = q.gaps.map((g) => {
      const { credit, item, notes: said } = scoreGap(q, g, given(r.gaps, g.id), ctx);
      const w = g.weight ?? 1;
      total += credit * w;
      weights += w;
      notes.push(...said);
      return item;
    });
    return { score: total / weights, items, notes };
  },
  keyed: (q, lang, ids) => ({ gaps: Object.fromEntries(q.gaps.map((g) => [g.id, gapKey(q, g, lang, ids)])) }),
  solutionText(q, lang) {
    const gaps = new Map(q.gaps.map((g) => [g.id, gapSolution(g, lang)]));
    return clozeParts(pick(q.text, lang))
      .map((p) => ('gap' in p ? gaps.get(p.gap) : p.text))
      .join('');
  },
  learner: (q, lang, order, ids) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'cloze',
    parts: clozeParts(pick(q.text, lang)).map((part) =>
      'gap' in part
        ? gapLearner(
            q,
            q.gaps.find((g) => g.id === part.gap)!,
            lang,
            order,
            ids,
          )
        : part,
    ),
  }),
  // Choice gaps have ids; options and shuffled choices need the order key (typed gaps need nothing).
  idKeys(q) {
    const keys = q.gaps.flatMap((g) => (isChoice(g) ? g.choices.map((c) => gapChoiceKey(g, c.id)) : []));
    const shuffles = q.gaps.some((g) => (isChoice(g) ? g.shuffle : (g.kind === undefined || g.kind === 'text') && g.options));
    return shuffles ? [...keys, ORDER_KEY] : keys;
  },
  // Only a choice gap's value is an id: a typed gap's text stays as typed, even if it looks like one.
  inKeys: (q, r, keyOf) => ({
    gaps: Object.fromEntries(
      Object.entries(r.gaps).map(([gap, v]) => {
        const g = q.gaps.find((x) => x.id === gap);
        if (!g || !isChoice(g)) return [gap, v];
        return [gap, Array.isArray(v) ? v.map(keyOf) : v ? keyOf(v as string) : v];
      }),
    ),
  }),
} satisfies Kind<'cloze'>;
