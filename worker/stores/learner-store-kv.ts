// A learner's attempts and review log with one `list()` (docs/decisions/0017-per-request-cost.md): both live
// under `learner:{id}:`, attempts first, so the overview, the review page and the progress page, which need
// both, read one listing where they read two. `list()` is billed like a write, and each is a wait.
import type { ReviewEvent } from '../../core/review/deck.ts';
import type { AttemptMeta } from './attempt-meta.ts';
import { keys } from './keys.ts';
import type { LearnerStore } from './learner-store.ts';
import { summariesOfKeys } from './progress-store-kv.ts';
import type { ReviewMeta } from './review-meta.ts';
import { eventsOfKeys } from './review-store-kv.ts';

type Listed = KVNamespaceListKey<AttemptMeta | ReviewMeta>;

export class KvLearnerStore implements LearnerStore {
  constructor(private readonly kv: KVNamespace) {}

  async read(learnerId: string) {
    const attemptPrefix = keys.attemptPrefix(learnerId);
    const reviewPrefix = keys.reviewPrefix(learnerId);
    const attempts: Listed[] = [];
    const events: ReviewEvent[] = [];
    let cursor: string | undefined;
    // Every page: a learner with more than a page of keys (1,000) has all of them read, attempts and reviews.
    do {
      const page: KVNamespaceListResult<AttemptMeta | ReviewMeta> = await this.kv.list({
        prefix: keys.learnerPrefix(learnerId),
        ...(cursor ? { cursor } : {}),
      });
      let reviews: Listed[] | null = null;
      for (const k of page.keys)
        if (k.name.startsWith(attemptPrefix)) attempts.push(k);
        else if (k.name.startsWith(reviewPrefix)) (reviews ??= []).push(k);
      if (reviews) events.push(...eventsOfKeys(learnerId, reviews as KVNamespaceListKey<ReviewMeta>[]));
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    return { summaries: summariesOfKeys(attempts as KVNamespaceListKey<AttemptMeta>[]), events };
  }
}
