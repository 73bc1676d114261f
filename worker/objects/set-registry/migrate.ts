import { keys } from '../../stores/keys.ts';
import { listAllKeys } from '../../stores/kv-list.ts';
import type { SetSummary, SetVersion } from '../../stores/set-store.ts';

/** One set as the old KV layout held it, gathered from every key that mentions it. */
export interface LegacySet {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** The highest number ever given (a lost version's number is not given again). */
  maxVersion: number;
  publishedVersion: number | null;
  /** Ascending by version; the published copy is among them even if its version key was lost. */
  versions: SetVersion[];
}

const VERSION_KEY = /^set:(.+):v:(\d+)$/;
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
  const [versionKeys, index] = await Promise.all([listAllKeys(kv, keys.allSetVersions()), kv.get<SetSummary[]>(keys.setIndex(), 'json')]);
  const rows = new Map((Array.isArray(index) ? index : []).map((r) => [r.id, r]));
  // A set is any id with a version key or an index row; a published copy with neither is what a failed
  // delete left behind, and is not brought back.
  const byId = new Map<string, number[]>([...rows.keys()].map((id) => [id, []]));
  for (const name of versionKeys) {
    const m = VERSION_KEY.exec(name);
    if (m) (byId.get(m[1]!) ?? byId.set(m[1]!, []).get(m[1]!)!).push(Number(m[2]));
  }

  const sets = await inBatches([...byId], async ([id, numbers]) => {
    const [versions, copy] = await Promise.all([
      inBatches(numbers, (n) => kv.get<SetVersion>(keys.set(id, n), 'json')).then((vs) => vs.filter((v): v is SetVersion => !!v?.set)),
      kv.get<SetVersion>(keys.setPublished(id), 'json'),
    ]);
    if (copy?.set && !versions.some((v) => v.version === copy.version)) versions.push({ ...copy, id });
    if (!versions.length) return null;
    versions.sort((a, b) => a.version - b.version);
    const set: LegacySet = {
      id,
      createdAt: rows.get(id)?.createdAt ?? versions[0]!.createdAt,
      updatedAt: versions.at(-1)!.createdAt,
      maxVersion: Math.max(versions.at(-1)!.version, rows.get(id)?.latestVersion ?? 0),
      publishedVersion: copy?.set ? copy.version : null,
      versions: versions.map((v) => ({ ...v, id })),
    };
    return set;
  });
  return sets.filter((s): s is LegacySet => s !== null);
}
