/**
 * What is stored for one graded attempt. The full record is the KV value (read only for export); a compact
 * summary rides along as KV metadata (≤ 1024 bytes), so the progress of a learner is one `list()`.
 */
export interface AttemptRecord {
  id: string;
  quizId: string;
  kind: 'lesson' | 'final' | 'set';
  /** Title of an instructor set at the time (sets can be deleted later). */
  title?: string;
  version: string;
  lang: string;
  seed: string | null;
  createdAt: string;
  score: number;
  max: number;
  /** Per question: its id, the prompt as shown then, the response and its score. */
  questions: Array<{ id: string; prompt: string; response: unknown; score: number }>;
}

/** The KV metadata of an attempt: short keys, because metadata is capped at 1024 bytes. */
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
const KIND = { lesson: 'l', final: 'f', set: 's' } as const;

/** The metadata for a record, trimmed until it fits the KV limit. */
export function metaOf(r: AttemptRecord): AttemptMeta {
  const meta: AttemptMeta = {
    q: r.quizId,
    k: KIND[r.kind],
    v: r.version,
    s: r.score,
    m: r.max,
    t: Date.parse(r.createdAt),
    x: r.questions.filter((q) => q.score < 1).map((q) => q.id),
    ...(r.title ? { n: r.title.slice(0, 80) } : {}),
  };
  while (new TextEncoder().encode(JSON.stringify(meta)).length > META_LIMIT_BYTES && meta.x.length) meta.x.pop();
  return meta;
}
