// A solver that knows the OLD public ids (an unkeyed FNV-1a of question id and key) and every authoring
// convention, and answers from what a learner's copy shows: its ids and its order, nothing else. Issue 17:
// it scored full marks before ids became MACs; now it must do no better than guessing (`guess`).
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { ORDER_KEY, type PublicIds } from '../../core/quiz/public-ids.ts';
import { shuffle } from '../../core/quiz/random.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';

/**
 * Authoring keys as people and importers write them, the right one usually first: `a, b, c…` (built-in content,
 * GIFT, Cloze choices), `c0, c1…` (review recognition cards, `c0` right), `r{i}` pairs with `l{i+1}`, `d{i}`
 * distractors, `i{k}` the k-th item of an order.
 */
const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const CHOICE_KEYS = [...LETTERS, ...Array.from({ length: 20 }, (_, i) => `c${i}`), ...Array.from({ length: 20 }, (_, i) => `c${i + 1}`)];
/** How likely each guess is the right one, best first: `a` (right first), `c0` (a review card's right choice). */
const RIGHT_FIRST = ['a', 'c0', 'c1'];

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Which key each id stands for under the old scheme: hash every guess and compare. */
function crack(questionId: string, ids: readonly string[], guesses: readonly string[]): Map<string, string> {
  const byId = new Map(guesses.map((k) => [legacyPublicId(questionId, k), k]));
  return new Map(ids.flatMap((id) => (byId.has(id) ? [[byId.get(id)!, id] as const] : [])));
}

/**
 * Where each authored item stands in the copy, if the copy was shuffled as before: by the public seed
 * `{seed}:{questionId}` (an order is turned once more when the shuffle left it in place).
 */
function shownAt(n: number, publicSeed: string, rotateIdentity = false): number[] {
  let shown = shuffle(range(n), publicSeed);
  if (rotateIdentity && shown.every((x, i) => x === i)) shown = [...shown.slice(1), shown[0]!];
  const at: number[] = [];
  shown.forEach((authored, position) => (at[authored] = position));
  return at;
}

/** The id of an authored position: by hashing guesses first, else by undoing the public shuffle. */
function authoredId(questionId: string, ids: readonly string[], keys: readonly string[], publicSeed: string): string {
  const cracked = crack(questionId, ids, keys);
  for (const k of keys) if (cracked.has(k)) return cracked.get(k)!;
  return ids[shownAt(ids.length, publicSeed)[0]!]!;
}

/**
 * The solver's answer to one question of an attempt with seed `seed`, or null where the copy has no ids and no
 * shuffled list to read (true/false, typed and number questions are out of its reach and of this test's).
 */
export function solve(copy: LearnerQuestion, seed: string): AnyResponse | null {
  const publicSeed = `${seed}:${copy.id}`;
  switch (copy.type) {
    case 'single':
      return {
        choice: authoredId(
          copy.id,
          copy.choices.map((c) => c.id),
          RIGHT_FIRST,
          publicSeed,
        ),
      };
    case 'multiple': {
      // The built-in convention: the right choices first (two of them, usually).
      const ids = copy.choices.map((c) => c.id);
      const cracked = crack(copy.id, ids, CHOICE_KEYS);
      if (cracked.has('a') && cracked.has('b')) return { choices: [cracked.get('a')!, cracked.get('b')!] };
      const at = shownAt(ids.length, publicSeed);
      return { choices: [ids[at[0]!]!, ids[at[1]!]!] };
    }
    case 'match': {
      const ids = copy.right.map((r) => r.id);
      const cracked = crack(copy.id, ids, [...range(20).map((i) => `r${i}`), ...range(20).map((i) => `d${i}`)]);
      const at = shownAt(ids.length, publicSeed);
      const pairs: Record<string, string> = {};
      copy.left.forEach((l, i) => {
        const id = cracked.get(`r${i}`) ?? ids[at[i]!]!;
        if (!Object.values(pairs).includes(id)) pairs[l.id] = id;
      });
      return { pairs };
    }
    case 'order': {
      const ids = copy.items.map((it) => it.id);
      const cracked = crack(
        copy.id,
        ids,
        range(20).map((i) => `i${i}`),
      );
      const at = shownAt(ids.length, publicSeed, true);
      const order = range(ids.length).map((k) => cracked.get(`i${k}`) ?? ids[at[k]!]!);
      return new Set(order).size === order.length ? { order } : { order: ids };
    }
    case 'cloze': {
      const gaps: Record<string, string | string[]> = {};
      for (const p of copy.parts) {
        if (!('gap' in p)) continue;
        // Options and choices list the right one first; each list was shuffled with the same public seed.
        if ('options' in p && p.options) gaps[p.gap] = p.options[shownAt(p.options.length, publicSeed)[0]!]!;
        else if ('choices' in p) {
          const id = authoredId(
            copy.id,
            p.choices.map((c) => c.id),
            LETTERS.map((l) => `${p.gap}:${l}`),
            publicSeed,
          );
          gaps[p.gap] = p.multiple ? [id] : id;
        }
      }
      return Object.keys(gaps).length ? { gaps } : null;
    }
    default:
      return null;
  }
}

/** The chance level: the same kind of answer, picked at random among what the copy offers. */
export function guess(copy: LearnerQuestion, random: () => number): AnyResponse | null {
  const pickOne = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const mixed = <T>(xs: readonly T[]) => shuffle(xs, String(random()));
  switch (copy.type) {
    case 'single':
      return { choice: pickOne(copy.choices).id };
    case 'multiple':
      return { choices: mixed(copy.choices.map((c) => c.id)).slice(0, 2) };
    case 'match': {
      const right = mixed(copy.right.map((r) => r.id));
      return { pairs: Object.fromEntries(copy.left.map((l, i) => [l.id, right[i]!])) };
    }
    case 'order':
      return { order: mixed(copy.items.map((it) => it.id)) };
    case 'cloze': {
      const gaps: Record<string, string | string[]> = {};
      for (const p of copy.parts) {
        if (!('gap' in p)) continue;
        if ('options' in p && p.options) gaps[p.gap] = pickOne(p.options);
        else if ('choices' in p) gaps[p.gap] = p.multiple ? [pickOne(p.choices).id] : pickOne(p.choices).id;
      }
      return Object.keys(gaps).length ? { gaps } : null;
    }
    default:
      return null;
  }
}

/** The copy as the old scheme made it: FNV-1a ids, shuffled by the public `{seed}:{questionId}`. */
export const oldSchemeIds =
  (seed: string): PublicIds =>
  (questionId, key) =>
    key === ORDER_KEY ? `${seed}:${questionId}` : legacyPublicId(questionId, key);
