import { pick } from '../../content/localized.ts';
import { ORDER_KEY, unknownId, type Kind, type Problem, type PublicIds } from './kind.ts';

/** An item's key is its place in the right order (`i0` first): only its public id reaches the learner. */
export const itemKey = (i: number) => `i${i}`;
const itemId = (q: { id: string }, i: number, ids: PublicIds) => ids(q.id, itemKey(i));

/**
 * Length of the longest subsequence of `given` that is in the right relative order (LIS of positions).
 * The `order` rule: score = (L − 1) / (n − 1), so all in place scores 1, a reversed list 0, and every item
 * put back into sequence earns an equal share.
 */
export function longestInOrder(positions: readonly number[]): number {
  const tails: number[] = [];
  for (const p of positions) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
  }
  return tails.length;
}

/**
 * Turns the positions a learner chose per item (form selects: item id → 1-based position, blank when not
 * chosen) into an order response. Items without a position are left out, so the response is unanswered;
 * two items at one position are a problem named at each item (`<at>.<itemId>`), so the page can flag them.
 */
export function orderFromPositions(
  positions: Readonly<Record<string, number | undefined>>,
  at = 'response.order',
): { order: string[] } | { problems: Problem[] } {
  const byPosition = new Map<number, string[]>();
  for (const [id, pos] of Object.entries(positions))
    if (pos !== undefined && Number.isFinite(pos)) byPosition.set(pos, [...(byPosition.get(pos) ?? []), id]);
  const problems = [...byPosition]
    .filter(([, ids]) => ids.length > 1)
    .flatMap(([pos, ids]) => ids.map((id) => ({ path: `${at}.${id}`, message: `position ${pos} is chosen for ${ids.length} items` })));
  if (problems.length) return { problems };
  return { order: [...byPosition].sort(([a], [b]) => a - b).map(([, ids]) => ids[0]!) };
}

/**
 * Items to put in order. A response that leaves any item without a place (fewer ids than items, an empty
 * list) is unanswered and scores 0: an order left as shown or half done is not an answer.
 */
export const order = {
  graded: true,
  validate(q, r, at, ids) {
    const known = new Set(q.items.map((_, i) => itemId(q, i, ids)));
    const seen = new Set<string>();
    return r.order.flatMap((id, i): Problem[] => {
      if (!known.has(id)) return [unknownId(q, `${at}.order`, id)];
      if (seen.has(id)) return [{ path: `${at}.order.${i}`, message: `names item "${id}" twice` }];
      seen.add(id);
      return [];
    });
  },
  isUnanswered: (q, r) => r.order.length < q.items.length,
  score(q, r, { lang, ids }) {
    const position = new Map(q.items.map((_, i) => [itemId(q, i, ids), i]));
    const n = q.items.length;
    const longest = r.order.length ? longestInOrder(r.order.map((id) => position.get(id)!)) : 0;
    const score = longest === n ? 1 : n > 1 ? Math.max(0, longest - 1) / (n - 1) : 0;
    return {
      score,
      items: [
        {
          kind: 'order',
          longestInOrder: longest,
          total: n,
          given: r.order.map((id) => pick(q.items[position.get(id)!]!, lang)),
          expected: q.items.map((t) => pick(t, lang)),
        },
      ],
      notes: [],
    };
  },
  keyed: (q, _lang, ids) => ({ order: q.items.map((_, i) => itemId(q, i, ids)) }),
  solutionText: (q, lang) => q.items.map((t) => pick(t, lang)).join(' → '),
  learner(q, lang, shuffle, ids) {
    const items = q.items.map((t, i) => ({ id: itemId(q, i, ids), text: pick(t, lang) }));
    let shuffled = shuffle(items);
    // A shuffle that happens to leave everything in place would give the answer away: rotate it.
    if (shuffled.every((it, i) => it.id === items[i]!.id)) shuffled = [...shuffled.slice(1), shuffled[0]!];
    return { id: q.id, prompt: pick(q.prompt, lang), type: 'order', items: shuffled };
  },
  idKeys: (q) => [...q.items.map((_, i) => itemKey(i)), ORDER_KEY],
  inKeys: (_q, r, keyOf) => ({ order: r.order.map(keyOf) }),
} satisfies Kind<'order'>;
