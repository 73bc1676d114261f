import type { ReviewEvent } from '../../core/review/deck.ts';

/** What an answer was, kept with its review for the learner's export (not needed to schedule). */
export interface ReviewDetail {
  response: unknown;
  score: number;
}

/**
 * The review log of each learner: events in, events out. Implementations: `KvReviewStore` (production,
 * review-store-kv.ts, which keeps its encoding to itself) and `MemoryReviewStore` (tests); both run one
 * contract suite (test/worker/review-store-contract.ts).
 */
export interface ReviewStore {
  /** Stores one event: exactly one write, to a place of its own (concurrent appends never overwrite each other). */
  append(learnerId: string, event: ReviewEvent, detail?: ReviewDetail): Promise<void>;
  /** Every event of a learner in the order of their ids (time-ordered): one `list()` per 1000 events, no reads. */
  events(learnerId: string): Promise<ReviewEvent[]>;
  /** Every event with its stored detail, for the export. */
  exportAll(learnerId: string): Promise<Array<ReviewEvent & Partial<ReviewDetail>>>;
  /** Deletes a learner's whole review log; how many events there were. Harmless to repeat. */
  erase(learnerId: string): Promise<number>;
}
