// Every KV key of the app is built here, never inline, so the key design can be read in one place
// (docs/decisions/0001-progress-in-kv.md explains it).

/** Attempt ids sort by time: base-36 milliseconds, zero-padded, then randomness against collisions. */
export function newAttemptId(now = Date.now()): string {
  const rand = crypto.getRandomValues(new Uint8Array(6));
  return `${now.toString(36).padStart(9, '0')}-${[...rand].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const keys = {
  /** All attempts of one learner share this prefix: one `list()` reads a learner's progress. */
  learnerPrefix: (learnerId: string) => `learner:${learnerId}:`,
  /** Every learner's attempts (for counting attempts per instructor set). */
  allLearners: () => 'learner:',
  /** One key per attempt: concurrent submits never overwrite each other. */
  attempt: (learnerId: string, attemptId: string) => `learner:${learnerId}:attempt:${attemptId}`,
  /** Instructor question sets: one key per version, plus an index of sets. */
  set: (setId: string, version: number) => `set:${setId}:v:${String(version).padStart(6, '0')}`,
  setPrefix: (setId: string) => `set:${setId}:`,
  /** The published copy: a learner loads a set with this one read. */
  setPublished: (setId: string) => `published:${setId}`,
  setIndex: () => 'sets:index',
} as const;
