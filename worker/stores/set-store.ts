import type { QuestionSet } from '../../core/sets/schema.ts';
import { keys } from './keys.ts';
import { listAllKeys } from './kv-list.ts';

/** One row of the instructor's list. */
export interface SetSummary {
  id: string;
  title: Record<string, string>;
  languages: string[];
  lesson?: string;
  latestVersion: number;
  publishedVersion: number | null;
  questionCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One stored version of a set: the set as validated, and the text it was imported from. */
export interface SetVersion {
  id: string;
  version: number;
  createdAt: string;
  set: QuestionSet;
  source: { format: 'json' | 'gift'; text: string; lang?: string };
}

export interface SetStore {
  list(): Promise<SetSummary[]>;
  latest(id: string): Promise<SetVersion | null>;
  version(id: string, version: number): Promise<SetVersion | null>;
  create(set: QuestionSet, source: SetVersion['source']): Promise<SetVersion>;
  /** A new version; earlier versions stay, so attempts keep the version they answered. */
  replace(id: string, set: QuestionSet, source: SetVersion['source']): Promise<SetVersion | null>;
  remove(id: string): Promise<boolean>;
  publish(id: string): Promise<SetSummary | null>;
  unpublish(id: string): Promise<SetSummary | null>;
  /** The published version for learners: one KV read (and an isolate cache). */
  published(id: string): Promise<SetVersion | null>;
}

const CACHE_MS = 30_000;

/**
 * Question sets in KV. Every version under its own key; the published copy under one key, so a learner
 * loads a set with one read; a small index for the lists. The index is read-modify-written: instructors
 * are few and slow, and the index can be rebuilt from the version keys (see docs/decisions).
 */
export class KvSetStore implements SetStore {
  // Per-isolate caches: learners hit the same published sets and the same index over and over.
  private static index: { at: number; value: SetSummary[] } | null = null;
  private static publishedCache = new Map<string, { at: number; value: SetVersion | null }>();

  constructor(
    private readonly kv: KVNamespace,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static clearCaches() {
    KvSetStore.index = null;
    KvSetStore.publishedCache.clear();
  }

  async list(): Promise<SetSummary[]> {
    const hit = KvSetStore.index;
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = (await this.kv.get<SetSummary[]>(keys.setIndex(), 'json')) ?? [];
    KvSetStore.index = { at: Date.now(), value };
    return value;
  }

  private async writeIndex(index: SetSummary[]) {
    await this.kv.put(keys.setIndex(), JSON.stringify(index));
    KvSetStore.index = { at: Date.now(), value: index };
  }

  private async freshIndex(): Promise<SetSummary[]> {
    return (await this.kv.get<SetSummary[]>(keys.setIndex(), 'json')) ?? [];
  }

  version(id: string, version: number) {
    return this.kv.get<SetVersion>(keys.set(id, version), 'json');
  }

  async latest(id: string): Promise<SetVersion | null> {
    const row = (await this.freshIndex()).find((s) => s.id === id);
    return row ? this.version(id, row.latestVersion) : null;
  }

  private summary(v: SetVersion, prev?: SetSummary): SetSummary {
    return {
      id: v.id,
      title: v.set.title,
      languages: v.set.languages,
      ...(v.set.lesson ? { lesson: v.set.lesson } : {}),
      latestVersion: v.version,
      publishedVersion: prev?.publishedVersion ?? null,
      questionCount: v.set.questions.length,
      createdAt: prev?.createdAt ?? v.createdAt,
      updatedAt: v.createdAt,
    };
  }

  async create(set: QuestionSet, source: SetVersion['source']): Promise<SetVersion> {
    const id = `s-${[...crypto.getRandomValues(new Uint8Array(5))].map((b) => b.toString(36).padStart(2, '0')).join('')}`;
    const v: SetVersion = { id, version: 1, createdAt: this.now().toISOString(), set, source };
    await this.kv.put(keys.set(id, 1), JSON.stringify(v));
    await this.writeIndex([...(await this.freshIndex()), this.summary(v)]);
    return v;
  }

  async replace(id: string, set: QuestionSet, source: SetVersion['source']): Promise<SetVersion | null> {
    const index = await this.freshIndex();
    const row = index.find((s) => s.id === id);
    if (!row) return null;
    const v: SetVersion = { id, version: row.latestVersion + 1, createdAt: this.now().toISOString(), set, source };
    await this.kv.put(keys.set(id, v.version), JSON.stringify(v));
    await this.writeIndex(index.map((s) => (s.id === id ? this.summary(v, s) : s)));
    return v;
  }

  async remove(id: string): Promise<boolean> {
    const index = await this.freshIndex();
    if (!index.some((s) => s.id === id)) return false;
    const names = await listAllKeys(this.kv, keys.setPrefix(id));
    await Promise.all([...names, keys.setPublished(id)].map((n) => this.kv.delete(n)));
    await this.writeIndex(index.filter((s) => s.id !== id));
    KvSetStore.publishedCache.delete(id);
    return true;
  }

  async publish(id: string): Promise<SetSummary | null> {
    const index = await this.freshIndex();
    const row = index.find((s) => s.id === id);
    if (!row) return null;
    const v = await this.version(id, row.latestVersion);
    if (!v) return null;
    await this.kv.put(keys.setPublished(id), JSON.stringify(v));
    const updated = { ...row, publishedVersion: v.version };
    await this.writeIndex(index.map((s) => (s.id === id ? updated : s)));
    KvSetStore.publishedCache.set(id, { at: Date.now(), value: v });
    return updated;
  }

  async unpublish(id: string): Promise<SetSummary | null> {
    const index = await this.freshIndex();
    const row = index.find((s) => s.id === id);
    if (!row) return null;
    await this.kv.delete(keys.setPublished(id));
    const updated = { ...row, publishedVersion: null };
    await this.writeIndex(index.map((s) => (s.id === id ? updated : s)));
    KvSetStore.publishedCache.set(id, { at: Date.now(), value: null });
    return updated;
  }

  async published(id: string): Promise<SetVersion | null> {
    const hit = KvSetStore.publishedCache.get(id);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = await this.kv.get<SetVersion>(keys.setPublished(id), 'json');
    KvSetStore.publishedCache.set(id, { at: Date.now(), value });
    return value;
  }
}
