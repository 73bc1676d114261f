// Ledger rows parked in KV: a submit whose ledger call failed or timed out parks its row here before it
// answers, so an acknowledged attempt always exists somewhere durable; the ledger's sweep and every report
// move parked rows in (docs/decisions/0008-durable-attempts.md). None exist in the normal case.
import type { LedgerRow } from '../objects/results-ledger/schema.ts';
import { keys } from './keys.ts';
import { listAll } from './kv-list.ts';

/** KV metadata of a parked row: the learner's pseudonym, so an erase finds their rows without reading any. */
interface ParkedMeta {
  l?: string;
}

/** Parks one row (one KV write). Rejects if KV does too: then the submit fails and is not acknowledged. */
export async function parkRow(kv: KVNamespace, quizId: string, row: LedgerRow): Promise<void> {
  const metadata: ParkedMeta = { l: row.learnerKey };
  await kv.put(keys.resultsPending(quizId, row.attemptId), JSON.stringify(row), { metadata });
}

/** The parked keys of a quiz with their metadata: one `list()` per 1000 (one in all in the normal case). */
async function parkedKeys(kv: KVNamespace, quizId: string): Promise<Array<KVNamespaceListKey<ParkedMeta>>> {
  return listAll<ParkedMeta>(kv, keys.resultsPendingPrefix(quizId));
}

/**
 * Moves every parked row of a quiz into the ledger through `take` (which stores it, or skips it), then deletes
 * it from KV: a row is deleted only after `take` returned, so a crash in between leaves it parked, and taking
 * it again is harmless (the ledger is idempotent by attempt id). Returns how many rows were moved.
 */
export async function drainParked(kv: KVNamespace, quizId: string, take: (row: LedgerRow) => void): Promise<number> {
  let moved = 0;
  for (const k of await parkedKeys(kv, quizId)) {
    const row = await kv.get<LedgerRow>(k.name, 'json');
    if (row) take(row);
    await kv.delete(k.name);
    moved++;
  }
  return moved;
}

/** Deletes the parked rows of one learner in one quiz (rows parked before the metadata existed are read). */
export async function deleteParkedOf(kv: KVNamespace, quizId: string, learnerKey: string): Promise<number> {
  let deleted = 0;
  for (const k of await parkedKeys(kv, quizId)) {
    const owner = k.metadata?.l ?? (await kv.get<LedgerRow>(k.name, 'json'))?.learnerKey;
    if (owner !== learnerKey) continue;
    await kv.delete(k.name);
    deleted++;
  }
  return deleted;
}
