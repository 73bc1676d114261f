// A learner's attempts and review log with one `list()` (docs/decisions/0017-per-request-cost.md): both live
// under `learner:{id}:`, attempts first, so the overview, the review page and the progress page, which need
// both, read one listing where they read two. `list()` is billed like a write, and each is a wait.
import type { AttemptMeta } from './attempt-meta.ts';
import { keys } from './keys.ts';
import { listAll } from './kv-list.ts';
import type { LearnerStore } from './learner-store.ts';
import { summariesOfKeys } from './progress-store-kv.ts';
import type { ReviewMeta } from './review-meta.ts';
import { eventsOfKeys } from './review-store-kv.ts';

export class KvLearnerStore implements LearnerStore {
  constructor(private readonly kv: KVNamespace) {}

  async read(learnerId: string) {
    // Every page: a learner with more than a page of keys (1,000) has all of them read, attempts and reviews.
    const listed = await listAll<AttemptMeta | ReviewMeta>(this.kv, keys.learnerPrefix(learnerId));
    const attemptPrefix = keys.attemptPrefix(learnerId);
    const reviewPrefix = keys.reviewPrefix(learnerId);
    const attempts = listed.filter((k) => k.name.startsWith(attemptPrefix)) as Array<KVNamespaceListKey<AttemptMeta>>;
    const reviews = listed.filter((k) => k.name.startsWith(reviewPrefix)) as Array<KVNamespaceListKey<ReviewMeta>>;
    return { summaries: summariesOfKeys(attempts), events: eventsOfKeys(learnerId, reviews) };
  }
}
