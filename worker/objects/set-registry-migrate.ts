import { keys } from '../stores/keys.ts';
import { listAllKeys } from '../stores/kv-list.ts';
import type { SetSummary, SetVersion } from '../stores/set-store.ts';

/** One set as the old KV layout held it, gathered from every key that mentions it. */
export interface LegacySet {
  id: string;
  createdAt: string;
  updatedAt: string;
  publishedVersion: number | null;
  /** Ascending by version; the published copy is among them even if its version key was lost. */
  versions: SetVersion[];
}

const VERSION_KEY = /^set:(.+):v:(\d+)$/;
const PUBLISHED_PREFIX = keys.setPublished('');
/** KV reads in flight at once while migrating (a Worker invocation has a limit on open connections). */
const PARALLEL = 6;

async function inBatches<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  return out;
}

/**
 * Reads every set of the old KV layout (`sets:index`, `set:{id}:v:{000001}`, `published:{id}`). The version
 * keys are listed rather than taken from the index, because the index was read-modify-written and lost rows
 * and versions under concurrency; the index only adds what nothing else records (a set's creation time).
 * Nothing is deleted: the old keys stay until docs/decisions/0002 says they can go.
 */
export async function readLegacySets(kv: KVNamespace): Promise<LegacySet[]> {
  const [versionKeys, publishedKeys, index] = await Promise.all([
    listAllKeys(kv, 'set:'),
    listAllKeys(kv, PUBLISHED_PREFIX),
    kv.get<SetSummary[]>(keys.setIndex(), 'json'),
  ]);
  const byId = new Map<string, { versions: number[]; published: boolean }>();
  const entry = (id: string) => byId.get(id) ?? byId.set(id, { versions: [], published: false }).get(id)!;
  for (const name of versionKeys) {
    const m = VERSION_KEY.exec(name);
    if (m) entry(m[1]!).versions.push(Number(m[2]));
  }
  for (const name of publishedKeys) entry(name.slice(PUBLISHED_PREFIX.length)).published = true;
  const rows = new Map((Array.isArray(index) ? index : []).map((r) => [r.id, r]));

  const sets = await inBatches([...byId], async ([id, found]) => {
    const versions = (await inBatches(found.versions, (n) => kv.get<SetVersion>(keys.set(id, n), 'json'))).filter(
      (v): v is SetVersion => !!v?.set,
    );
    const copy = found.published ? await kv.get<SetVersion>(keys.setPublished(id), 'json') : null;
    if (copy?.set && !versions.some((v) => v.version === copy.version)) versions.push({ ...copy, id });
    if (!versions.length) return null;
    versions.sort((a, b) => a.version - b.version);
    const set: LegacySet = {
      id,
      createdAt: rows.get(id)?.createdAt ?? versions[0]!.createdAt,
      updatedAt: versions.at(-1)!.createdAt,
      publishedVersion: copy?.set ? copy.version : null,
      versions: versions.map((v) => ({ ...v, id })),
    };
    return set;
  });
  return sets.filter((s): s is LegacySet => s !== null);
}
