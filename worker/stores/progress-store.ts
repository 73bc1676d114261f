import type { AttemptRecord, AttemptSummary } from '../../core/progress/attempt-record.ts';

/**
 * Where learners' attempts live. Domain types cross this interface; how they are stored stays inside each
 * implementation: `KvProgressStore` (production, progress-store-kv.ts) and `MemoryProgressStore` (tests).
 * Both run one contract suite (test/worker/progress-store-contract.ts).
 */
export interface ProgressStore {
  /**
   * Stores one attempt: exactly one write (the same attempt again overwrites it with the same value).
   * Answers the summary as stored, which is what `summaries` lists for it.
   */
  record(learnerId: string, attempt: AttemptRecord): Promise<AttemptSummary>;
  /** The summaries of a learner's attempts, oldest first: one `list()` for up to 1000 attempts. */
  summaries(learnerId: string): Promise<AttemptSummary[]>;
  /** Every attempt of a learner in full, oldest first. */
  exportAll(learnerId: string): Promise<AttemptRecord[]>;
  /** Deletes every attempt of a learner; how many there were. Harmless to repeat. */
  erase(learnerId: string): Promise<number>;
}
