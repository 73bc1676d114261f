import { DurableObject } from 'cloudflare:workers';
import { quizFigures, type QuizFigures, type ScoredAttempt } from '../../core/stats/figures.ts';
import { ResponseTally, type Tally } from '../../core/stats/tally.ts';

/** One graded attempt as the ledger stores it: the learner only as a pseudonymous key. */
export interface LedgerRow {
  attemptId: string;
  /** HMAC of the learner id for this quiz: tells a learner's attempts apart, names nobody. */
  learnerKey: string;
  version: string;
  kind: 'lesson' | 'final' | 'set';
  lang?: string | undefined;
  createdAt: string;
  questions: Array<{ id: string; type: string; score: number; response: unknown; normalized?: string[] | undefined }>;
}

export type AttemptSelection = 'first' | 'all';

/** What a report needs from the ledger: figures and response counts, never rows or learner keys. */
export interface LedgerReport extends QuizFigures {
  /** The version of the most recent attempt (null without attempts). */
  version: string | null;
  /** Question id → its type as graded, and its response counts. */
  types: Record<string, string>;
  tallies: Record<string, Tally[]>;
}

/** The attempt × question score matrix, one row per attempt in time order (null: not in that attempt). */
export interface ScoreMatrix {
  questionIds: string[];
  rows: Array<Array<number | null>>;
}

// Each learner's first attempt by time (late catch-up entries still sort where they belong).
const FIRST = `SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY learner ORDER BY created_at, attempt_id) AS rn FROM attempts) WHERE rn = 1`;

/**
 * The results ledger of one quiz (one object per quiz id: a lesson, `final` or a set): every graded attempt
 * with each question's score and response. SQLite, strongly consistent: what `record` returned is in the
 * next report. Figures are computed on read (docs/decisions/0003-results-ledger.md says why).
 */
export class ResultsLedger extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS attempts (
      seq INTEGER PRIMARY KEY,
      attempt_id TEXT NOT NULL UNIQUE,
      learner TEXT NOT NULL,
      version TEXT NOT NULL,
      kind TEXT NOT NULL,
      lang TEXT,
      created_at TEXT NOT NULL)`);
    this.sql.exec(`CREATE INDEX IF NOT EXISTS attempts_by_learner ON attempts (learner, created_at)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS answers (
      seq INTEGER NOT NULL,
      question TEXT NOT NULL,
      type TEXT NOT NULL,
      score REAL NOT NULL,
      response TEXT,
      normalized TEXT,
      PRIMARY KEY (seq, question)) WITHOUT ROWID`);
  }

  /** Stores one attempt; a second delivery of the same attempt id (a retry) changes nothing. True if new. */
  record(row: LedgerRow): boolean {
    return this.ctx.storage.transactionSync(() => {
      const inserted = this.sql
        .exec(
          `INSERT INTO attempts (attempt_id, learner, version, kind, lang, created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (attempt_id) DO NOTHING RETURNING seq`,
          row.attemptId,
          row.learnerKey,
          row.version,
          row.kind,
          row.lang ?? null,
          row.createdAt,
        )
        .toArray();
      const seq = inserted[0]?.seq;
      if (seq === undefined) return false;
      for (const q of row.questions)
        this.sql.exec(
          `INSERT OR REPLACE INTO answers (seq, question, type, score, response, normalized) VALUES (?, ?, ?, ?, ?, ?)`,
          seq,
          q.id,
          q.type,
          Math.min(1, Math.max(0, Number(q.score) || 0)),
          q.response === undefined ? null : JSON.stringify(q.response),
          q.normalized?.length ? JSON.stringify(q.normalized) : null,
        );
      return true;
    });
  }

  /** Attempts recorded (all of them). */
  count(): number {
    return Number(this.sql.exec(`SELECT COUNT(*) AS n FROM attempts`).one().n);
  }

  private *answers(selection: AttemptSelection) {
    const where = selection === 'first' ? `WHERE a.seq IN (${FIRST})` : '';
    yield* this.sql.exec<{
      seq: number;
      question: string;
      type: string;
      score: number;
      response: string | null;
      normalized: string | null;
      lang: string | null;
    }>(
      `SELECT a.seq AS seq, n.question AS question, n.type AS type, n.score AS score, n.response AS response,
              n.normalized AS normalized, a.lang AS lang
       FROM attempts a JOIN answers n ON n.seq = a.seq ${where} ORDER BY a.created_at, a.attempt_id, n.question`,
    );
  }

  /** Figures and response counts of the first attempt of each learner, or of every attempt. */
  report(selection: AttemptSelection, opts: { randomDraw?: boolean; questionIds?: string[] } = {}): LedgerReport {
    const attempts: ScoredAttempt[] = [];
    const tallies = new Map<string, ResponseTally>();
    const types: Record<string, string> = {};
    let last = -1;
    let scores: Record<string, number> = {};
    for (const r of this.answers(selection)) {
      if (r.seq !== last) {
        scores = {};
        attempts.push({ scores });
        last = r.seq;
      }
      types[r.question] ??= r.type;
      if (r.type === 'essay') continue; // kept for the instructor, never scored
      scores[r.question] = r.score;
      let tally = tallies.get(r.question);
      if (!tally) tallies.set(r.question, (tally = new ResponseTally()));
      tally.add({
        type: r.type,
        response: r.response === null ? null : JSON.parse(r.response),
        normalized: r.normalized === null ? undefined : JSON.parse(r.normalized),
        lang: r.lang ?? undefined,
      });
    }
    const version =
      this.sql.exec<{ version: string }>(`SELECT version FROM attempts ORDER BY created_at DESC, attempt_id DESC LIMIT 1`).toArray()[0]
        ?.version ?? null;
    return {
      ...quizFigures(attempts, opts),
      version,
      types,
      tallies: Object.fromEntries([...tallies].map(([id, t]) => [id, t.rows()])),
    };
  }

  /** The score matrix for spreadsheets: questions in the order given, then any other question seen. */
  scores(selection: AttemptSelection, questionIds: string[] = []): ScoreMatrix {
    const ids = [...questionIds];
    const rows: Array<Map<string, number>> = [];
    let last = -1;
    for (const r of this.answers(selection)) {
      if (r.seq !== last) {
        rows.push(new Map());
        last = r.seq;
      }
      if (r.type === 'essay') continue;
      if (!ids.includes(r.question)) ids.push(r.question);
      rows[rows.length - 1]!.set(r.question, r.score);
    }
    return { questionIds: ids, rows: rows.map((m) => ids.map((id) => m.get(id) ?? null)) };
  }
}
