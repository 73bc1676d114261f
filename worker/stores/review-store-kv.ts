import type { ReviewEvent } from '../../core/review/deck.ts';
import { keys } from './keys.ts';
import { listAll, listAllKeys } from './kv-list.ts';
import { decodeEvent, encodeEvent, type ReviewMeta } from './review-meta.ts';
import type { ReviewDetail, ReviewStore } from './review-store.ts';

/**
 * Review events expire 400 days after they are written: the longest interval is 365 days, so a card's latest
 * review always outlives the ones before it, and the log of a learner who left does not pile up.
 */
export const REVIEW_TTL_SECONDS = 400 * 24 * 3600;

/** The events of listed review-log keys of `learnerId`, in key (time) order; unreadable ones left out. */
export function eventsOfKeys(
  learnerId: string,
  listed: ReadonlyArray<{ name: string; metadata?: ReviewMeta | null | undefined }>,
): ReviewEvent[] {
  const prefix = keys.reviewPrefix(learnerId).length;
  const out: ReviewEvent[] = [];
  for (const k of listed) {
    const e = decodeEvent(k.name.slice(prefix), k.metadata);
    if (e) out.push(e);
  }
  return out;
}

/**
 * The review log in KV: one key per event, its id time-ordered, so no key is ever rewritten; what scheduling
 * needs rides in the key's metadata, so one `list()` rebuilds the deck (docs/decisions/0004-review.md).
 */
export class KvReviewStore implements ReviewStore {
  constructor(private readonly kv: KVNamespace) {}

  async append(learnerId: string, event: ReviewEvent, detail?: ReviewDetail): Promise<void> {
    await this.kv.put(keys.reviewEvent(learnerId, event.id), JSON.stringify({ ...event, ...detail }), {
      metadata: encodeEvent(event),
      expirationTtl: REVIEW_TTL_SECONDS,
    });
  }

  async events(learnerId: string): Promise<ReviewEvent[]> {
    return eventsOfKeys(learnerId, await listAll<ReviewMeta>(this.kv, keys.reviewPrefix(learnerId)));
  }

  async exportAll(learnerId: string): Promise<Array<ReviewEvent & Partial<ReviewDetail>>> {
    const names = await listAllKeys(this.kv, keys.reviewPrefix(learnerId));
    const values = await Promise.all(names.map((n) => this.kv.get<ReviewEvent & Partial<ReviewDetail>>(n, 'json')));
    return values.filter((v): v is ReviewEvent & Partial<ReviewDetail> => v !== null);
  }

  async erase(learnerId: string): Promise<number> {
    const names = await listAllKeys(this.kv, keys.reviewPrefix(learnerId));
    await Promise.all(names.map((n) => this.kv.delete(n)));
    return names.length;
  }
}
