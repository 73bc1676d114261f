// Shared by the API contract tests: a learner copy's question (or review card) as the tests read it, and a
// well-formed response to it.

type Item = { id: string };

/** A question of a learner copy, or a review card (which adds its kind). */
export type Copy = {
  id: string;
  type: string;
  kind?: string;
  choices?: Item[];
  items?: Item[];
  left?: Item[];
  right?: Item[];
  parts?: Array<Record<string, unknown>>;
};

/** Some well-formed response to a learner copy (right or wrong does not matter here). */
export function someResponse(q: Copy): unknown {
  const first = (xs?: Item[]) => xs![0]!.id;
  if (q.type === 'single') return { choice: first(q.choices) };
  if (q.type === 'multiple') return { choices: [first(q.choices)] };
  if (q.type === 'truefalse') return { value: true };
  if (q.type === 'match') return { pairs: Object.fromEntries(q.left!.map((l, i) => [l.id, q.right![i % q.right!.length]!.id])) };
  if (q.type === 'order') return { order: q.items!.map((i) => i.id) };
  if (q.type === 'numerical') return { number: 2025 };
  if (q.type !== 'cloze') return { text: 'seltene Erden' };
  const gaps = q.parts!.filter((p) => 'gap' in p) as Array<{ gap: string; choices?: Item[]; multiple?: boolean; options?: string[] }>;
  return {
    gaps: Object.fromEntries(
      gaps.map((g) => [g.gap, g.choices ? (g.multiple ? [first(g.choices)] : first(g.choices)) : (g.options?.[0] ?? '3')]),
    ),
  };
}
