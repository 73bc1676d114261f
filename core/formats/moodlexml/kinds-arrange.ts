import type { KindFields } from '../gift/types.ts';
import { drop, refuse, type XCtx } from './context.ts';
import { plain, readLText, rich } from './text.ts';
import { child, children, type XNode } from './xml.ts';

/**
 * `matching`: each subquestion with a text is a pair; one without a text is an extra right-hand item (as
 * Moodle's importer keeps it: an answer no question asks for). Right-hand items are plain text.
 */
export function readMatching(ctx: XCtx, q: XNode): KindFields<'match'> | undefined {
  const pairs: Array<{ left: Record<string, string>; right: Record<string, string> }> = [];
  const distractors: Record<string, string>[] = [];
  for (const sub of children(q, 'subquestion')) {
    const right = plain(ctx, child(sub, 'answer'));
    if (!right) continue;
    if (!readLText(ctx, sub)) distractors.push(right);
    else pairs.push({ left: rich(ctx, sub)!, right });
  }
  if (pairs.length < 2) return void refuse(ctx, 'a matching question needs at least two pairs (a question text with its answer).');
  return { type: 'match', pairs, ...(distractors.length ? { distractors } : {}) };
}

/**
 * `ordering` (qtype_ordering): the answers are the items, and `fraction` is each item's position (not a
 * percentage, unlike every other type). Our order questions show every item and grade the whole order.
 */
export function readOrdering(ctx: XCtx, q: XNode): KindFields<'order'> | undefined {
  const items = children(q, 'answer')
    .map((a, i) => ({ text: plain(ctx, a), at: Number(a['@fraction'] ?? i + 1) || i + 1, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const present = items.filter((x): x is typeof x & { text: Record<string, string> } => x.text !== undefined);
  if (present.length < 2) return void refuse(ctx, 'an ordering question needs at least two items.');
  const select = (child(q, 'selecttype')?.['#text'] as string | undefined)?.trim();
  if (select && select !== 'ALL' && select !== '0') drop(ctx, 'learners order all its items here (Moodle would show a selection of them).');
  return { type: 'order', items: present.map((x) => x.text) };
}
