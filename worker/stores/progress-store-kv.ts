import { summaryOf, type AttemptRecord, type AttemptSummary } from '../../core/progress/attempt-record.ts';
import { decodeSummary, encodeSummary, type AttemptMeta } from './attempt-meta.ts';
import { keys } from './keys.ts';
import { listAll, listAllKeys } from './kv-list.ts';
import type { ProgressStore } from './progress-store.ts';

/** A year: attempts expire unless the learner comes back (KV TTL), so abandoned data does not pile up. */
export const ATTEMPT_TTL_SECONDS = 365 * 24 * 3600;

/**
 * Summaries decoded in this isolate, by key and time: an attempt's key is written once (a retry writes the same
 * value), so a learner's next page decodes only attempts it has not seen. The time is checked for the one case
 * where a retry stores another time (ledger down twice, docs/decisions/0008): then the key is decoded again.
 * Bounded, oldest first.
 * A summary comes back as the same object, frozen, which lets callers remember what they derive from it.
 */
const MAX_DECODED = 5_000;
const known = new Map<string, { t: unknown; summary: Readonly<AttemptSummary> | null }>();
function decoded(name: string, meta: AttemptMeta | null | undefined): Readonly<AttemptSummary> | null {
  const t = meta?.t;
  const hit = known.get(name);
  if (hit && hit.t === t) return hit.summary;
  const d = decodeSummary(meta);
  const summary = d && Object.freeze({ ...d, missed: Object.freeze(d.missed) as string[] });
  if (!hit && known.size >= MAX_DECODED) known.delete(known.keys().next().value!);
  known.set(name, { t, summary });
  return summary;
}

/**
 * The summaries of listed attempt keys, oldest first. Sorted by time, not by key: an idempotent submit's id is
 * a MAC, not time-ordered (keys.ts). Sorted on the metadata's time in ms before decoding, so no ISO time is
 * parsed again per comparison. `listed` is the caller's own array, sorted in place, and only when out of order
 * (attempt ids are time-ordered unless keyed, so KV's key order is usually the time order already).
 */
export function summariesOfKeys(listed: Array<{ name: string; metadata?: AttemptMeta | null | undefined }>): AttemptSummary[] {
  const time = (k: { metadata?: AttemptMeta | null | undefined }) => (typeof k.metadata?.t === 'number' ? k.metadata.t : 0);
  for (let i = 1; i < listed.length; i++)
    // Negated so that a NaN time (unreadable metadata) sorts as it always did.
    if (!(time(listed[i - 1]!) <= time(listed[i]!))) {
      listed.sort((a, b) => time(a) - time(b));
      break;
    }
  const out: AttemptSummary[] = [];
  for (const k of listed) {
    const s = decoded(k.name, k.metadata);
    if (s) out.push(s);
  }
  return out;
}

/**
 * Attempts in KV: one key per attempt (concurrent submits never overwrite each other), the full record as
 * its value and the summary as its metadata (attempt-meta.ts), so a learner's progress is one `list()`.
 */
export class KvProgressStore implements ProgressStore {
  constructor(private readonly kv: KVNamespace) {}

  async record(learnerId: string, attempt: AttemptRecord): Promise<AttemptSummary> {
    const { title, ...summary } = summaryOf(attempt);
    const metadata = encodeSummary(title ? { ...summary, title } : summary);
    await this.kv.put(keys.attempt(learnerId, attempt.id), JSON.stringify(attempt), { metadata, expirationTtl: ATTEMPT_TTL_SECONDS });
    // What `summaries` will list for it, without decoding what was just encoded: the encoding trims only the
    // missed questions and the title, and keeps the time to the millisecond (createdAt is an ISO time already).
    return { ...summary, missed: metadata.x, ...(metadata.n ? { title: metadata.n } : {}) };
  }

  async summaries(learnerId: string): Promise<AttemptSummary[]> {
    // Every page: with one page only, a learner past 1,000 attempts would no longer see their newest ones.
    return summariesOfKeys(await listAll<AttemptMeta>(this.kv, keys.attemptPrefix(learnerId)));
  }

  async exportAll(learnerId: string): Promise<AttemptRecord[]> {
    const names = await listAllKeys(this.kv, keys.attemptPrefix(learnerId));
    const values = await Promise.all(names.map((n) => this.kv.get<AttemptRecord>(n, 'json')));
    return values.filter((v): v is AttemptRecord => v !== null).sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  }

  async erase(learnerId: string): Promise<number> {
    const names = await listAllKeys(this.kv, keys.attemptPrefix(learnerId));
    await Promise.all(names.map((n) => this.kv.delete(n)));
    return names.length;
  }
}
