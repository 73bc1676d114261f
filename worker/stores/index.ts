// The one place where a store's platform implementation is chosen: services and routes ask here, so a test
// or another platform swaps one line (the in-memory stores run the same contract suites).
import { KvProgressStore, type ProgressStore } from './progress-store.ts';
import { KvReviewStore, type ReviewStore } from './review-store.ts';
import { DoSetStore } from './set-store-do.ts';
import type { SetStore } from './set-store.ts';

/** Instructors' question sets: the SetRegistry Durable Object, learners' copies in KV. */
export const setStore = (env: Env): SetStore => new DoSetStore(env);
/** A learner's graded attempts: one KV key each, the summary in its metadata. */
export const progressStore = (env: Env): ProgressStore => new KvProgressStore(env.PROGRESS);
/** A learner's review log: one KV key per event. */
export const reviewStore = (env: Env): ReviewStore => new KvReviewStore(env.PROGRESS);
