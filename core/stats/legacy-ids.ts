// Responses in results ledgers recorded before issue 17 name choices and items by the old public ids: an
// unkeyed FNV-1a hash of question id and key, the same in every attempt (docs/decisions/0007-public-ids.md).
// Kept only to read those rows; nothing issues these ids any more, because anyone could compute them.
import { fnv1a } from '../quiz/random.ts';
import { idKeys, ORDER_KEY } from '../quiz/public-ids.ts';
import type { Question } from '../quiz/schema.ts';

/** The id the old scheme gave `key` of question `questionId`. */
export const legacyPublicId = (questionId: string, key: string) => fnv1a(`${questionId}\u0000${key}`).toString(36).padStart(7, '0');

/**
 * Reads one value of a stored response as an authoring key: a key stays as it is, an old public id of one of
 * the question's keys becomes that key, anything else (a typed text) stays as it is.
 */
export function legacyToKey(q: Question): (value: string) => string {
  const keys = idKeys(q).filter((k) => k !== ORDER_KEY);
  const own = new Set(keys);
  const old = new Map(keys.map((k) => [legacyPublicId(q.id, k), k]));
  return (value) => (own.has(value) ? value : (old.get(value) ?? value));
}
