import { keys } from './keys.ts';
import type { SetSummary, SetVersion } from './set-store.ts';

/**
 * The learners' list of published sets in KV, written only by the SetRegistry Durable Object.
 * TODO(keys.ts owner): move into `keys` as `setsPublished`; it is here until then so it is built in one place.
 */
export const PUBLISHED_LIST_KEY = keys.setsPublished();

/** How long an isolate trusts what it read: learners hit the same few published sets over and over. */
export const CACHE_MS = 30_000;

const copies = new Map<string, { at: number; value: SetVersion | null }>();
let list: { at: number; value: SetSummary[] } | null = null;

/** Forgets everything this isolate cached (tests measure a cold isolate; a publish here shows at once). */
export function clearPublishedCaches() {
  copies.clear();
  list = null;
}

/**
 * What learners read: the published copies in KV (`published:{id}`) and the list of published sets, one KV
 * read each at most, cached per isolate for 30 s. Never the Durable Object, so learner traffic does not
 * meet the one object's request ceiling.
 */
export class PublishedSets {
  constructor(
    private readonly kv: KVNamespace,
    /** Asked only while the list key does not exist yet (before the registry's first run after deploy). */
    private readonly fromRegistry: () => Promise<SetSummary[]>,
  ) {}

  /** The published version of a set, or null (unknown, draft or deleted). */
  async copy(id: string): Promise<SetVersion | null> {
    const hit = copies.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = await this.kv.get<SetVersion>(keys.setPublished(id), 'json');
    copies.set(id, { at: Date.now(), value });
    return value;
  }

  /** Every published set, as its published version. */
  async list(): Promise<SetSummary[]> {
    if (list && Date.now() - list.at < CACHE_MS) return list.value;
    const value = (await this.kv.get<SetSummary[]>(PUBLISHED_LIST_KEY, 'json')) ?? (await this.fromRegistry());
    list = { at: Date.now(), value };
    return value;
  }

  /** After an instructor's change in this isolate: show it here at once instead of after the cache time. */
  static changed(id: string, copy?: SetVersion | null) {
    if (copy === undefined) copies.delete(id);
    else copies.set(id, { at: Date.now(), value: copy });
    list = null;
  }
}
