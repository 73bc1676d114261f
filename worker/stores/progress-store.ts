import type { AttemptMeta, AttemptRecord } from '../../core/progress/attempt-record.ts';
import { metaOf } from '../../core/progress/attempt-record.ts';
import { keys } from './keys.ts';
import { listAllKeys } from './kv-list.ts';

/** Where learners' attempts live. KV in production; the interface keeps routes free of KV details. */
export interface ProgressStore {
  /** Stores one attempt: exactly one write (the same attempt again overwrites it with the same value). */
  record(learnerId: string, attempt: AttemptRecord): Promise<AttemptMeta>;
  /** The summaries of a learner's attempts, oldest first: one `list()` for up to 1000 attempts. */
  summaries(learnerId: string): Promise<AttemptMeta[]>;
  /** Every attempt of a learner (review events are the review store's). */
  exportAll(learnerId: string): Promise<AttemptRecord[]>;
  /** Deletes everything stored about a learner, attempts and review events alike; returns how many entries were removed. */
  erase(learnerId: string): Promise<number>;
}

/** A year: attempts expire unless the learner comes back (KV TTL), so abandoned data does not pile up. */
export const ATTEMPT_TTL_SECONDS = 365 * 24 * 3600;

export class KvProgressStore implements ProgressStore {
  constructor(private readonly kv: KVNamespace) {}

  async record(learnerId: string, attempt: AttemptRecord): Promise<AttemptMeta> {
    const metadata = metaOf(attempt);
    await this.kv.put(keys.attempt(learnerId, attempt.id), JSON.stringify(attempt), { metadata, expirationTtl: ATTEMPT_TTL_SECONDS });
    return metadata;
  }

  async summaries(learnerId: string): Promise<AttemptMeta[]> {
    const page = await this.kv.list<AttemptMeta>({ prefix: keys.attemptPrefix(learnerId) });
    // Sorted by time, not by key: an idempotent submit's id is a MAC, not time-ordered (keys.ts).
    return page.keys.flatMap((k) => (k.metadata ? [k.metadata] : [])).sort((a, b) => a.t - b.t);
  }

  async exportAll(learnerId: string): Promise<AttemptRecord[]> {
    const names = await listAllKeys(this.kv, keys.attemptPrefix(learnerId));
    const values = await Promise.all(names.map((n) => this.kv.get<AttemptRecord>(n, 'json')));
    return values.filter((v): v is AttemptRecord => v !== null).sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  }

  async erase(learnerId: string): Promise<number> {
    const names = await listAllKeys(this.kv, keys.learnerPrefix(learnerId));
    await Promise.all(names.map((n) => this.kv.delete(n)));
    return names.length;
  }
}
