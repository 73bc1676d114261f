/**
 * What is stored for one graded attempt: the full record, read only for the learner's export. How a store
 * keeps it (KV value and metadata, rows) is the store's business (worker/stores/progress-store-kv.ts).
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

/**
 * What progress, the review's missed cards and the submit's answer need of an attempt: listed for every
 * attempt of a learner at once, so a store keeps it where one listing reads it (in KV: the key's metadata).
 */
export interface AttemptSummary {
  quizId: string;
  kind: 'lesson' | 'final' | 'set';
  version: string;
  score: number;
  max: number;
  /** ISO time. */
  createdAt: string;
  /** Ids of the questions scored below 1; a store may keep only the first ones (KV: what fits 1 KiB). */
  missed: string[];
  /** An instructor set's title at the time (a store may shorten it). */
  title?: string;
}

/** The summary of a record, in full: what a store keeps unless its encoding caps `missed` or `title`. */
export function summaryOf(r: AttemptRecord): AttemptSummary {
  return {
    quizId: r.quizId,
    kind: r.kind,
    version: r.version,
    score: r.score,
    max: r.max,
    createdAt: r.createdAt,
    missed: r.questions.filter((q) => q.score < 1).map((q) => q.id),
    ...(r.title ? { title: r.title } : {}),
  };
}
