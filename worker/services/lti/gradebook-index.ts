// Which context gradebooks a launched learner's attempt of a quiz goes to: one KV key per (learner, quiz)
// holding the gradebook names, written at launch, read once per attempt. Anonymous learners never reach it.
import { keys as kvKeys } from '../../stores/keys.ts';
import { listAllKeys } from '../../stores/kv-list.ts';

const learnerPrefix = kvKeys.ltiBooksPrefix;
const indexKey = kvKeys.ltiBooks;

/** A year, as long as attempts are kept; each launch renews it. */
const TTL_SECONDS = 365 * 24 * 3600;

async function read(kv: KVNamespace, key: string): Promise<string[]> {
  const v = await kv.get<unknown>(key, 'json');
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Adds a gradebook to the learner's index for `quiz`: one read, and one write only when it is new. Two launches
 * of one learner into two courses with the same quiz at the same second could lose one entry (KV keeps the last
 * write); the next launch of that link adds it back.
 */
export async function indexLaunch(kv: KVNamespace, learnerId: string, quiz: string, book: string): Promise<void> {
  const key = indexKey(learnerId, quiz);
  const books = await read(kv, key);
  if (books.includes(book)) return;
  await kv.put(key, JSON.stringify([...books, book].slice(-50)), { expirationTtl: TTL_SECONDS });
}

/** The gradebooks an attempt of `quiz` by the learner belongs to (one KV read). */
export const booksFor = (kv: KVNamespace, learnerId: string, quiz: string): Promise<string[]> => read(kv, indexKey(learnerId, quiz));

/** Every gradebook the learner appears in, and the index keys (one `list()` and one read per quiz launched). */
export async function booksOfLearner(kv: KVNamespace, learnerId: string): Promise<{ books: string[]; keys: string[] }> {
  const keys = await listAllKeys(kv, learnerPrefix(learnerId));
  const books = new Set((await Promise.all(keys.map((k) => read(kv, k)))).flat());
  return { books: [...books], keys };
}
