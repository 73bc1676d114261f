// The one place where a store's platform implementation is chosen: services and routes ask here, so a test
// or another platform swaps one line (the in-memory stores run the same contract suites).
import { KvLearnerStore } from './learner-store-kv.ts';
import type { LearnerStore } from './learner-store.ts';
import { KvProgressStore } from './progress-store-kv.ts';
import type { ProgressStore } from './progress-store.ts';
import { DoResultsStore } from './results-store-do.ts';
import type { ResultsStore } from './results-store.ts';
import { KvReviewStore } from './review-store-kv.ts';
import type { ReviewStore } from './review-store.ts';
import { DoSetStore } from './set-store-do.ts';
import type { SetStore } from './set-store.ts';

/** Instructors' question sets: the SetRegistry Durable Object, learners' copies in KV. */
export const setStore = (env: Env): SetStore => new DoSetStore(env);
/** A learner's graded attempts: one KV key each, the summary in its metadata. */
export const progressStore = (env: Env): ProgressStore => new KvProgressStore(env.PROGRESS);
/** A learner's attempt summaries and review log together: one KV `list()` for both. */
export const learnerStore = (env: Env): LearnerStore => new KvLearnerStore(env.PROGRESS);
/** A learner's review log: one KV key per event. */
export const reviewStore = (env: Env): ReviewStore => new KvReviewStore(env.PROGRESS);
/** Instructors' results: a ResultsLedger Durable Object per quiz, rows parked in KV when one fails. */
export const resultsStore = (env: Env): ResultsStore => new DoResultsStore(env);
