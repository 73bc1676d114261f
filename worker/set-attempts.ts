import type { AttemptMeta } from '../core/progress/attempt-record.ts';
import { keys } from './stores/keys.ts';

/** Pages of 1000 keys read at most: attempts beyond that are not counted (and the count says "at least"). */
const MAX_PAGES = 20;

/**
 * Attempts per instructor set, counted from the attempt summaries in KV metadata. Attempts are keyed per
 * learner (one write each, nothing to lose), so counting them per set is a scan of list pages: fine for an
 * instructor's list, never done on a learner's request.
 */
export async function countSetAttempts(env: Env): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page: KVNamespaceListResult<AttemptMeta> = await env.PROGRESS.list<AttemptMeta>({
      prefix: keys.allLearners(),
      ...(cursor ? { cursor } : {}),
    });
    for (const k of page.keys) if (k.metadata?.k === 's') counts.set(k.metadata.q, (counts.get(k.metadata.q) ?? 0) + 1);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor && ++pages < MAX_PAGES);
  return counts;
}
