// How the KV progress store keeps an attempt's summary: as the metadata of the attempt's key, so one `list()`
// reads a learner's progress. Metadata is capped at 1024 bytes, hence the one-letter keys and the trimming;
// none of this leaves the store (the rest of the app sees AttemptSummary).
import type { AttemptSummary } from '../../core/progress/attempt-record.ts';

/** The KV metadata of an attempt. Stored data has this shape: change it only with a reader for the old one. */
export interface AttemptMeta {
  /** quiz id */
  q: string;
  /** kind: l(esson), f(inal), s(et) */
  k: 'l' | 'f' | 's';
  /** quiz version */
  v: string;
  /** score, max */
  s: number;
  m: number;
  /** created, ms since epoch */
  t: number;
  /** ids of questions scored below 1 (capped) */
  x: string[];
  /** set title, capped */
  n?: string;
}

export const META_LIMIT_BYTES = 1024;
/** A set title kept in the metadata is cut to this many characters (the progress page shows it as a row title). */
export const META_TITLE_CHARS = 80;

const KIND = { lesson: 'l', final: 'f', set: 's' } as const satisfies Record<AttemptSummary['kind'], AttemptMeta['k']>;
const KIND_OF = { l: 'lesson', f: 'final', s: 'set' } as const satisfies Record<AttemptMeta['k'], AttemptSummary['kind']>;

const bytes = (m: AttemptMeta) => new TextEncoder().encode(JSON.stringify(m)).length;

/** The metadata for a summary, its missed questions trimmed from the end until it fits the KV limit. */
export function encodeSummary(s: AttemptSummary): AttemptMeta {
  const meta: AttemptMeta = {
    q: s.quizId,
    k: KIND[s.kind],
    v: s.version,
    s: s.score,
    m: s.max,
    t: Date.parse(s.createdAt),
    x: [...s.missed],
    ...(s.title ? { n: s.title.slice(0, META_TITLE_CHARS) } : {}),
  };
  while (bytes(meta) > META_LIMIT_BYTES && meta.x.length) meta.x.pop();
  return meta;
}

/** The summary a key's metadata holds; null for metadata this version cannot read (never a crash on old data). */
export function decodeSummary(m: Partial<AttemptMeta> | null | undefined): AttemptSummary | null {
  if (!m || typeof m.q !== 'string' || typeof m.k !== 'string' || !Object.hasOwn(KIND_OF, m.k)) return null;
  const created = new Date(typeof m.t === 'number' ? m.t : NaN);
  if (Number.isNaN(created.getTime())) return null;
  return {
    quizId: m.q,
    kind: KIND_OF[m.k],
    version: typeof m.v === 'string' ? m.v : '',
    score: typeof m.s === 'number' ? m.s : 0,
    max: typeof m.m === 'number' ? m.m : 0,
    createdAt: created.toISOString(),
    missed: Array.isArray(m.x) ? m.x.filter((x): x is string => typeof x === 'string') : [],
    ...(typeof m.n === 'string' && m.n ? { title: m.n } : {}),
  };
}
