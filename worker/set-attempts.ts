import { setStore } from './sets.ts';
import { attemptCounts } from './stores/results-store.ts';

/**
 * Attempts per instructor set, from the results ledger (one Durable Object call per set, in parallel): the
 * cost of the instructor list grows with the number of sets, never with learners, and no learner key is read.
 * Pass the set ids when the caller has the list already.
 */
export async function countSetAttempts(env: Env, setIds?: readonly string[]): Promise<Map<string, number>> {
  const ids = setIds ?? (await setStore(env).list()).map((s) => s.id);
  return attemptCounts(env, [...ids]);
}
