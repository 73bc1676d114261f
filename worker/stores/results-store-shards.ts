// Which ResultsLedger objects hold a quiz's results (docs/decisions/0014-results-aggregates.md): a hot quiz
// spreads its learners over N shards by their pseudonym, so every attempt of one learner lands in one shard
// and "first attempt per learner" stays exact; a report merges the shards' aggregates.
import { fnv1a } from '../../core/quiz/random.ts';

/**
 * Shards per kind of quiz: N = peak submits per second / half of one ledger's ceiling (0014 measured about 95
 * records a second on a loaded 2-core machine). Fixed once a quiz has rows: another N routes learners elsewhere.
 */
export const RESULT_SHARDS = { final: 8, set: 4, lesson: 1 } as const;

/** The kind of a quiz id: `final`, a set (`s-…`, as worker/services/sets.ts names them) or a lesson. */
const kindOf = (quizId: string): keyof typeof RESULT_SHARDS => (quizId === 'final' ? 'final' : quizId.startsWith('s-') ? 'set' : 'lesson');

/** How many ledgers hold a quiz's results. */
export const shardCount = (quizId: string): number => RESULT_SHARDS[kindOf(quizId)];

/** The object name of shard `s`: shard 0 is the quiz id itself, the one ledger every quiz had before shards. */
export const shardName = (quizId: string, s: number) => (s === 0 ? quizId : `${quizId}#${s}`);

/** Every ledger of a quiz, shard 0 first. */
export const ledgerNames = (quizId: string, n = shardCount(quizId)) => Array.from({ length: n }, (_, s) => shardName(quizId, s));

/** The ledger that holds a learner's attempts at a quiz: by a hash of the learner's per-quiz pseudonym. */
export const learnerLedger = (quizId: string, learnerKey: string, n = shardCount(quizId)) =>
  shardName(quizId, n > 1 ? fnv1a(learnerKey) % n : 0);

/**
 * The ledgers that may hold a learner's rows: theirs, and shard 0, which holds what the quiz's one ledger
 * recorded before it had shards (so export and erase reach those rows too).
 */
export const learnerLedgers = (quizId: string, learnerKey: string) => [...new Set([quizId, learnerLedger(quizId, learnerKey)])];
