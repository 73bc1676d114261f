import { summaryOf, type AttemptRecord, type AttemptSummary } from '../../core/progress/attempt-record.ts';
import type { ProgressStore } from '../../worker/stores/progress-store.ts';

/** Stored values are data: a copy goes in and a copy comes out, as with any store that serialises. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const byTime = (a: { createdAt: string }, b: { createdAt: string }) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/** The ProgressStore contract in plain memory: the reference the KV store is tested against. */
export class MemoryProgressStore implements ProgressStore {
  private readonly learners = new Map<string, Map<string, AttemptRecord>>();

  private of(learnerId: string): Map<string, AttemptRecord> {
    let attempts = this.learners.get(learnerId);
    if (!attempts) this.learners.set(learnerId, (attempts = new Map()));
    return attempts;
  }

  async record(learnerId: string, attempt: AttemptRecord): Promise<AttemptSummary> {
    this.of(learnerId).set(attempt.id, copy(attempt));
    return summaryOf(copy(attempt));
  }

  async summaries(learnerId: string): Promise<AttemptSummary[]> {
    return [...this.of(learnerId).values()].map(summaryOf).sort(byTime);
  }

  async exportAll(learnerId: string): Promise<AttemptRecord[]> {
    return copy([...this.of(learnerId).values()]).sort(byTime);
  }

  async erase(learnerId: string): Promise<number> {
    const n = this.of(learnerId).size;
    this.learners.delete(learnerId);
    return n;
  }
}
