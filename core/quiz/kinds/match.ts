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
type Pairs = { pairs: ReadonlyArray<{ right: Record<string, string> }> };
const sameText = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([lang, t]) => b[lang] === t);
/**
 * The pair whose right item stands for pair `i`'s answer: the first pair with the same right text. Moodle's
 * qtype_match merges equal answers into one choice ("Cat → mammal, Dog → mammal" offer "mammal" once), so
 * pairs that share an answer share one right item, named by the first one's key.
 */
export const answerOf = (q: Pairs, i: number) => q.pairs.findIndex((p) => sameText(p.right, q.pairs[i]!.right));
/** The indexes of the pairs whose right item is offered: one per distinct answer, in the author's order. */
export const offeredRights = (q: Pairs) => q.pairs.flatMap((_, i) => (answerOf(q, i) === i ? [i] : []));
/** True when two left items share an answer: then a right item may be chosen for several left items, as in Moodle. */
export const sharesAnswers = (q: Pairs) => offeredRights(q).length < q.pairs.length;
const rightId = (q: { id: string }, i: number, ids: PublicIds) => ids(q.id, rightKey(i));
/** The public id of the right item that answers pair `i`. */
const answerId = (q: Pairs & { id: string }, i: number, ids: PublicIds) => rightId(q, answerOf(q, i), ids);
const distractorId = (q: { id: string }, i: number, ids: PublicIds) => ids(q.id, distractorKey(i));

/**
 * Pairs of left and right items: the share of pairs right. No pair chosen is unanswered. Where every answer
 * differs, a right item chosen for two left items is a problem named at each of them, so the page can flag both
 * before checking; where some left items share an answer, any right item may be chosen more than once (as in
 * Moodle: refusing only the shared one would tell the learner which answer is shared).
 */
export const match = {
  graded: true,
  validate(q, r, at, ids) {
    const problems: Problem[] = [];
    const rights = new Set([
      ...offeredRights(q).map((i) => rightId(q, i, ids)),
      ...(q.distractors ?? []).map((_, i) => distractorId(q, i, ids)),
    ]);
    const reusable = sharesAnswers(q);
    const firstUse = new Map<string, string>();
    for (const [l, rid] of Object.entries(r.pairs)) {
      if (!q.pairs.some((_, i) => leftId(i) === l)) problems.push(unknownId(q, `${at}.pairs.${l}`, l));
      else if (!rights.has(rid)) problems.push(unknownId(q, `${at}.pairs.${l}`, rid));
      else if (!reusable && firstUse.has(rid)) {
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
      ...offeredRights(q).map((i) => [rightId(q, i, ids), pick(q.pairs[i]!.right, lang)] as const),
      ...(q.distractors ?? []).map((d, i) => [distractorId(q, i, ids), pick(d, lang)] as const),
    ]);
    let right = 0;
    const items = q.pairs.map((p, i) => {
      const given = Object.hasOwn(r.pairs, leftId(i)) ? r.pairs[leftId(i)] : undefined;
      const ok = given === answerId(q, i, ids);
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
  keyed: (q, _lang, ids) => ({ pairs: Object.fromEntries(q.pairs.map((_, i) => [leftId(i), answerId(q, i, ids)])) }),
  solutionText: (q, lang) => q.pairs.map((p) => `${pick(p.left, lang)} → ${pick(p.right, lang)}`).join('; '),
  learner: (q, lang, order, ids) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'match',
    left: q.pairs.map((p, i) => ({ id: leftId(i), text: pick(p.left, lang) })),
    right: order([
      ...offeredRights(q).map((i) => ({ id: rightId(q, i, ids), text: pick(q.pairs[i]!.right, lang) })),
      ...(q.distractors ?? []).map((d, i) => ({ id: distractorId(q, i, ids), text: pick(d, lang) })),
    ]),
    ...(sharesAnswers(q) ? { reusable: true } : {}),
  }),
  idKeys: (q) => [...offeredRights(q).map(rightKey), ...(q.distractors ?? []).map((_, i) => distractorKey(i)), ORDER_KEY],
  inKeys: (_q, r, keyOf) => ({ pairs: Object.fromEntries(Object.entries(r.pairs).map(([l, id]) => [l, keyOf(id)])) }),
} satisfies Kind<'match'>;
