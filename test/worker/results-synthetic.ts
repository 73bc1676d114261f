// Synthetic results ledgers for the load test and `npm run bench` (scripts/bench-results-ledger.ts): rows
// written by SQL inside the object in one statement per table (a million attempts in seconds, not hours of
// `record` calls), then the object's own rebuild derives its aggregates from them, as after a migration.
import { runInDurableObject } from 'cloudflare:test';
import type { ResultsLedger } from '../../worker/objects/results-ledger/results-ledger.ts';

/**
 * Adds `attempts` attempts × `questions` questions to a ledger: a quarter of the learners come back, abilities
 * spread so the figures are not degenerate, every fourth question partial credit (0, ½, 1), every third typed.
 */
export async function seedLedger(stub: DurableObjectStub<ResultsLedger>, attempts: number, questions: number): Promise<void> {
  await runInDurableObject(stub, (ledger: ResultsLedger, state) => {
    const sql = state.storage.sql;
    state.storage.transactionSync(() => {
      sql.exec(
        `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < ?)
         INSERT INTO attempts (attempt_id, learner, version, kind, lang, created_at)
         SELECT 'syn-' || i, 'k' || (i % ?), 'bench', 'lesson', 'de', printf('2026-01-01T00:00:00.%09d', i) FROM s`,
        attempts,
        Math.max(1, Math.round(attempts * 0.75)),
      );
      sql.exec(
        `WITH RECURSIVE q(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM q WHERE j < ?),
         g AS (SELECT a.seq AS seq, q.j AS j,
                 ((a.seq * 31 + q.j * 17) % 100) < ((a.seq % 97) * 80 / 96 + 10) AS right FROM attempts a CROSS JOIN q)
         INSERT INTO answers (seq, question, type, score, response, normalized)
         SELECT seq, 'q' || j, CASE WHEN j % 3 = 0 THEN 'short' ELSE 'single' END,
                CASE WHEN j % 4 = 0 THEN (seq % 3) / 2.0 WHEN right THEN 1 ELSE 0 END,
                CASE WHEN j % 3 = 0 THEN json_object('text', CASE WHEN right THEN 'Peking' ELSE 'Antwort ' || (seq % 40) END)
                     ELSE json_object('choice', CASE WHEN right THEN 'a' ELSE 'd' || (seq % 3) END) END,
                NULL
         FROM g`,
        questions,
      );
    });
    ledger.rebuild();
  });
}
