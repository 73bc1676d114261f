// Every KV key of the app is built here, never inline, so the key design can be read in one place
// (docs/decisions/0001-progress-in-kv.md explains it).
import { hmacHex } from './hmac.ts';

/**
 * Random bytes from the platform's CSPRNG, drawn a block at a time: one call per 512 ids rather than one per id
 * (each call crosses into the runtime). Every id still gets six bytes nobody else got.
 */
const RANDOM_BLOCK = 3_072;
let random = new Uint8Array(0);
let used = 0;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Attempt ids sort by time: base-36 milliseconds, zero-padded, then randomness against collisions. */
export function newAttemptId(now = Date.now()): string {
  if (used + 6 > random.length) {
    random = crypto.getRandomValues(new Uint8Array(RANDOM_BLOCK));
    used = 0;
  }
  let tail = '';
  for (let i = 0; i < 6; i++) tail += HEX[random[used + i]!];
  used += 6;
  return `${now.toString(36).padStart(9, '0')}-${tail}`;
}

/**
 * The attempt id of a submit that carries an idempotency key: the same learner, quiz and key always give the
 * same id, so a retried submit lands on the same KV key and the same ledger row (docs/decisions/0008). An
 * HMAC, so the id reveals neither the learner nor the key. It does not sort by time; readers sort by `createdAt`.
 */
export async function keyedAttemptId(secret: string, learnerId: string, quizId: string, key: string): Promise<string> {
  return `k${await hmacHex(secret, `attempt:${quizId}:${learnerId}:${key}`)}`;
}

export const keys = {
  /**
   * Everything a learner has: their attempts, then their review log (`attempt:` sorts before `review:`), so a
   * page that needs both reads them with one `list()` (worker/stores/learner-store-kv.ts).
   */
  learnerPrefix: (learnerId: string) => `learner:${learnerId}:`,
  /** All attempts of one learner share this prefix: one `list()` reads a learner's progress, never their reviews. */
  attemptPrefix: (learnerId: string) => `learner:${learnerId}:attempt:`,
  /** One key per attempt: concurrent submits never overwrite each other. */
  attempt: (learnerId: string, attemptId: string) => `learner:${learnerId}:attempt:${attemptId}`,
  /**
   * The review log of one learner: one key per event (a review, an "add to my review", a settings change),
   * time-ordered like attempt ids, so one `list()` rebuilds the deck and no key is ever rewritten
   * (docs/decisions/0004-review.md). Apart from attempts by prefix, so neither ever lists the other.
   */
  reviewPrefix: (learnerId: string) => `learner:${learnerId}:review:`,
  reviewEvent: (learnerId: string, eventId: string) => `learner:${learnerId}:review:${eventId}`,
  /** Instructor question sets: one key per version, plus an index of sets. */
  set: (setId: string, version: number) => `set:${setId}:v:${String(version).padStart(6, '0')}`,
  setPrefix: (setId: string) => `set:${setId}:`,
  /** Every stored version of every set in the old layout (the migration lists them, not the index). */
  allSetVersions: () => 'set:',
  /** The published copy: a learner loads a set with this one read. */
  setPublished: (setId: string) => `published:${setId}`,
  /** The old layout's index of sets (read once by the registry's migration; docs/decisions/0002). */
  setIndex: () => 'sets:index',
  /** The list of published sets learners see, written by the registry after every publish state change. */
  setsPublished: () => 'sets:published',
  /**
   * A graded attempt the results ledger could not take in time: parked here before the submit answers, and
   * moved into the ledger by its next sweep or report (docs/decisions/0008).
   */
  resultsPendingPrefix: (quizId: string) => `results-pending:${quizId}:`,
  resultsPending: (quizId: string, attemptId: string) => `results-pending:${quizId}:${attemptId}`,
  /**
   * Which LTI course gradebooks a launched learner's attempts of a quiz go to (docs/decisions/0012-lti.md):
   * written at launch, read once per attempt; one prefix per learner, so the erase finds them with one `list()`.
   */
  ltiBooksPrefix: (learnerId: string) => `lti-books:${learnerId}:`,
  ltiBooks: (learnerId: string, quizId: string) => `lti-books:${learnerId}:${quizId}`,
} as const;
