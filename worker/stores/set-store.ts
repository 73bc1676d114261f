import type { Acceptance } from '../../core/stats/accept-answer.ts';
import type { QuestionSet } from '../../core/sets/schema.ts';

/** One row of the instructor's list. */
export interface SetSummary {
  id: string;
  title: Record<string, string>;
  languages: string[];
  lesson?: string;
  latestVersion: number;
  publishedVersion: number | null;
  questionCount: number;
  createdAt: string;
  updatedAt: string;
  /**
   * The learners' copy of this set (its published copy, or its place in the list of published sets) is not
   * yet written to KV: learners may still see the state before the last change until the registry catches up.
   */
  learnerCopyPending: boolean;
}

/** What accepting a typed answer did (`SetStore.acceptAnswer`). */
export type AcceptResult =
  /** The new version; `published` when it went live because the version looked at was the live one. */
  | { status: 'accepted'; version: SetVersion; text: string; published: boolean; publishedVersion: number | null }
  /** The set changed after the instructor looked at it: nothing was stored. */
  | { status: 'conflict'; latestVersion: number }
  /** Nothing to accept (empty), or the question cannot take it: nothing was stored. */
  | { status: 'refused'; reason: 'empty' | 'cannotAccept' }
  | { status: 'notFound' };

/** One stored version of a set: the set as validated, and the text it was imported from. */
export interface SetVersion {
  id: string;
  version: number;
  createdAt: string;
  set: QuestionSet;
  source: { format: 'json' | 'gift' | 'cloze'; text: string; lang?: string };
}

/**
 * Instructors' question sets. Every action is atomic: a new version number is never reused (not even after
 * a delete), and a delete takes the versions and the published copy with it.
 * Implementations: `DoSetStore` (the SetRegistry Durable Object, production) and `MemorySetStore` (tests);
 * both run one contract suite (test/worker/set-store-contract.ts).
 */
export interface SetStore {
  /** Every set, drafts included, as the instructor lists them: strongly consistent. */
  list(): Promise<SetSummary[]>;
  /** Published sets as learners list them, each as its published version: one KV read, cached per isolate. */
  listPublished(): Promise<SetSummary[]>;
  latest(id: string): Promise<SetVersion | null>;
  version(id: string, version: number): Promise<SetVersion | null>;
  create(set: QuestionSet, source: SetVersion['source']): Promise<SetVersion>;
  /** A new version; earlier versions stay, so attempts keep the version they answered. */
  replace(id: string, set: QuestionSet, source: SetVersion['source']): Promise<SetVersion | null>;
  remove(id: string): Promise<boolean>;
  /**
   * Accepts a typed answer literally into a new version made from `expectedVersion`, the version the
   * instructor looked at, and publishes it if that version was live: all or nothing, and a conflict if the
   * set has another latest version by now.
   */
  acceptAnswer(id: string, expectedVersion: number, change: Acceptance): Promise<AcceptResult>;
  publish(id: string): Promise<SetSummary | null>;
  unpublish(id: string): Promise<SetSummary | null>;
  /** The published version for learners: one KV read (and an isolate cache). */
  published(id: string): Promise<SetVersion | null>;
}

/** A new random set id (`s-` and ten base-36 characters); the store checks it was never used. */
export function newSetId(): string {
  return `s-${[...crypto.getRandomValues(new Uint8Array(5))].map((b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** The summary row of one version of a set. */
export function summaryOf(
  v: SetVersion,
  row: { createdAt: string; updatedAt: string; latestVersion: number; publishedVersion: number | null },
): SetSummary {
  return {
    id: v.id,
    title: v.set.title,
    languages: v.set.languages,
    ...(v.set.lesson ? { lesson: v.set.lesson } : {}),
    latestVersion: row.latestVersion,
    publishedVersion: row.publishedVersion,
    questionCount: v.set.questions.length,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    learnerCopyPending: false,
  };
}
