import type { ReviewEvent } from '../../core/review/deck.ts';
import type { ReviewDetail, ReviewStore } from '../../worker/stores/review-store.ts';

type Stored = ReviewEvent & Partial<ReviewDetail>;
/** Stored values are data: a copy goes in and a copy comes out, as with any store that serialises. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The ReviewStore contract in plain memory: the reference the KV store is tested against. */
export class MemoryReviewStore implements ReviewStore {
  private readonly learners = new Map<string, Map<string, Stored>>();

  private of(learnerId: string): Map<string, Stored> {
    let log = this.learners.get(learnerId);
    if (!log) this.learners.set(learnerId, (log = new Map()));
    return log;
  }

  /** The log in id order, which is time order (ids are made by `newAttemptId`). */
  private sorted(learnerId: string): Stored[] {
    return [...this.of(learnerId)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  }

  async append(learnerId: string, event: ReviewEvent, detail?: ReviewDetail): Promise<void> {
    this.of(learnerId).set(event.id, copy({ ...event, ...detail }));
  }

  async events(learnerId: string): Promise<ReviewEvent[]> {
    // Only the event: the detail is kept for the export, not for scheduling.
    return this.sorted(learnerId).map(({ response: _r, score: _s, ...event }) => copy(event as ReviewEvent));
  }

  async exportAll(learnerId: string): Promise<Stored[]> {
    return copy(this.sorted(learnerId));
  }

  async erase(learnerId: string): Promise<number> {
    const n = this.of(learnerId).size;
    this.learners.delete(learnerId);
    return n;
  }
}
