import type { ReviewEvent } from '../../core/review/deck.ts';
import { keys } from './keys.ts';
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

  private async *pages(learnerId: string) {
    let cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<ReviewMeta> = await this.kv.list<ReviewMeta>({
        prefix: keys.reviewPrefix(learnerId),
        ...(cursor ? { cursor } : {}),
      });
      yield page.keys;
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
  }

  async events(learnerId: string): Promise<ReviewEvent[]> {
    const out: ReviewEvent[] = [];
    for await (const page of this.pages(learnerId)) out.push(...eventsOfKeys(learnerId, page));
    return out;
  }

  private async names(learnerId: string): Promise<string[]> {
    const names: string[] = [];
    for await (const page of this.pages(learnerId)) names.push(...page.map((k) => k.name));
    return names;
  }

  async exportAll(learnerId: string): Promise<Array<ReviewEvent & Partial<ReviewDetail>>> {
    const names = await this.names(learnerId);
    const values = await Promise.all(names.map((n) => this.kv.get<ReviewEvent & Partial<ReviewDetail>>(n, 'json')));
    return values.filter((v): v is ReviewEvent & Partial<ReviewDetail> => v !== null);
  }

  async erase(learnerId: string): Promise<number> {
    const names = await this.names(learnerId);
    await Promise.all(names.map((n) => this.kv.delete(n)));
    return names.length;
  }
}
