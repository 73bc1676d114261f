import { pick } from '../../content/localized.ts';
import { ORDER_KEY, unknownId, type Kind, type Problem, type PublicIds } from './kind.ts';

/**
 * Left ids are positional: the left items are shown in the author's order anyway, so their ids say nothing
 * more. Right ids are public ids of `r{i}` (the partner of `l{i+1}`), so they say nothing about the pairing.
 */
export const leftId = (i: number) => `l${i + 1}`;
export const rightKey = (i: number) => `r${i}`;
/** Extra right-hand items (distractors) have keys of their own: choosing one is a wrong pair. */
const distractorKey = (i: number) => `d${i}`;
const rightId = (q: { id: string }, i: number, ids: PublicIds) => ids(q.id, rightKey(i));
const distractorId = (q: { id: string }, i: number, ids: PublicIds) => ids(q.id, distractorKey(i));

/**
 * Pairs of left and right items: the share of pairs right. No pair chosen is unanswered; a right item
 * chosen for two left items is a problem named at each of them, so the page can flag both before checking.
 */
export const match = {
  graded: true,
  validate(q, r, at, ids) {
    const problems: Problem[] = [];
    const rights = new Set([...q.pairs.map((_, i) => rightId(q, i, ids)), ...(q.distractors ?? []).map((_, i) => distractorId(q, i, ids))]);
    const firstUse = new Map<string, string>();
    for (const [l, rid] of Object.entries(r.pairs)) {
      if (!q.pairs.some((_, i) => leftId(i) === l)) problems.push(unknownId(q, `${at}.pairs.${l}`, l));
      else if (!rights.has(rid)) problems.push(unknownId(q, `${at}.pairs.${l}`, rid));
      else if (firstUse.has(rid)) {
        const first = firstUse.get(rid)!;
        const message = `the same right-hand item is chosen for "${first}" and "${l}"`;
        if (!problems.some((p) => p.path === `${at}.pairs.${first}`)) problems.push({ path: `${at}.pairs.${first}`, message });
        problems.push({ path: `${at}.pairs.${l}`, message });
      } else firstUse.set(rid, l);
    }
    return problems;
  },
  isUnanswered: (_q, r) => Object.keys(r.pairs).length === 0,
  score(q, r, { lang, ids }) {
    const texts = new Map([
      ...q.pairs.map((p, i) => [rightId(q, i, ids), pick(p.right, lang)] as const),
      ...(q.distractors ?? []).map((d, i) => [distractorId(q, i, ids), pick(d, lang)] as const),
    ]);
    let right = 0;
    const items = q.pairs.map((p, i) => {
      const given = Object.hasOwn(r.pairs, leftId(i)) ? r.pairs[leftId(i)] : undefined;
      const ok = given === rightId(q, i, ids);
      if (ok) right++;
      return {
        kind: 'pair' as const,
        left: pick(p.left, lang),
        given: given ? texts.get(given)! : null,
        expected: pick(p.right, lang),
        right: ok,
      };
    });
    return { score: right / q.pairs.length, items, notes: [] };
  },
  keyed: (q, _lang, ids) => ({ pairs: Object.fromEntries(q.pairs.map((_, i) => [leftId(i), rightId(q, i, ids)])) }),
  solutionText: (q, lang) => q.pairs.map((p) => `${pick(p.left, lang)} → ${pick(p.right, lang)}`).join('; '),
  learner: (q, lang, order, ids) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'match',
    left: q.pairs.map((p, i) => ({ id: leftId(i), text: pick(p.left, lang) })),
    right: order([
      ...q.pairs.map((p, i) => ({ id: rightId(q, i, ids), text: pick(p.right, lang) })),
      ...(q.distractors ?? []).map((d, i) => ({ id: distractorId(q, i, ids), text: pick(d, lang) })),
    ]),
  }),
  idKeys: (q) => [...q.pairs.map((_, i) => rightKey(i)), ...(q.distractors ?? []).map((_, i) => distractorKey(i)), ORDER_KEY],
  inKeys: (_q, r, keyOf) => ({ pairs: Object.fromEntries(Object.entries(r.pairs).map(([l, id]) => [l, keyOf(id)])) }),
} satisfies Kind<'match'>;
