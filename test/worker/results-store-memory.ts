import { rescore } from '../../core/stats/regrade.ts';
import { reportOf, scoreMatrixOf, type AnswerRow } from '../../worker/objects/results-ledger/report.ts';
import type {
  AttemptSelection,
  ExportedLedgerRow,
  LedgerEntry,
  LedgerReport,
  RecordedAttempt,
  Regrade,
  ReportOptions,
  ResultsStore,
  ScoreMatrix,
  StreamedScores,
} from '../../worker/stores/results-store.ts';

/** One attempt as this store keeps it: answers as JSON text, as a ledger stores them. */
interface Row {
  seq: number;
  attemptId: string;
  learnerId: string;
  version: string;
  kind: LedgerEntry['kind'];
  lang: string | null;
  createdAt: string;
  requestHash: string | null;
  answers: Map<string, { type: string; score: number; response: string | null; normalized: string | null }>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Attempt order: by time, then attempt id (a late catch-up row sorts where it belongs). */
const byTime = (a: Row, b: Row) => cmp(a.createdAt, b.createdAt) || cmp(a.attemptId, b.attemptId);
const clamp = (score: number) => Math.min(1, Math.max(0, Number(score) || 0));

/**
 * The ResultsStore contract in plain memory: the reference the Durable Object store is tested against. It
 * reports with the ledger's own pure functions (report.ts), so only storage differs; nothing is ever parked.
 */
export class MemoryResultsStore implements ResultsStore {
  private readonly quizzes = new Map<string, Map<string, Row>>();
  private seq = 0;

  private of(quizId: string): Map<string, Row> {
    let rows = this.quizzes.get(quizId);
    if (!rows) this.quizzes.set(quizId, (rows = new Map()));
    return rows;
  }

  async record(e: LedgerEntry): Promise<RecordedAttempt> {
    const rows = this.of(e.quizId);
    const stored = rows.get(e.attemptId);
    if (stored) return { stored: 'repeat', createdAt: stored.createdAt, requestHash: stored.requestHash };
    const answers: Row['answers'] = new Map();
    for (const q of e.questions)
      answers.set(q.id, {
        type: q.type,
        score: clamp(q.score),
        response: q.response === undefined ? null : JSON.stringify(q.response),
        normalized: q.normalized?.length ? JSON.stringify(q.normalized) : null,
      });
    const row: Row = {
      seq: ++this.seq,
      attemptId: e.attemptId,
      learnerId: e.learnerId,
      version: e.version,
      kind: e.kind,
      lang: e.lang ?? null,
      createdAt: e.createdAt,
      requestHash: e.requestHash ?? null,
      answers,
    };
    rows.set(e.attemptId, row);
    return { stored: 'new', createdAt: row.createdAt, requestHash: row.requestHash };
  }

  async counts(quizIds: readonly string[]): Promise<Map<string, number>> {
    return new Map(quizIds.map((id) => [id, this.of(id).size]));
  }

  /** The selected attempts in time order. */
  private selected(quizId: string, selection: AttemptSelection): Row[] {
    const all = [...this.of(quizId).values()].sort(byTime);
    if (selection === 'all') return all;
    const seen = new Set<string>();
    return all.filter((r) => !seen.has(r.learnerId) && seen.add(r.learnerId));
  }

  private *answers(quizId: string, selection: AttemptSelection): Generator<AnswerRow> {
    for (const r of this.selected(quizId, selection))
      for (const [question, a] of [...r.answers].sort(([x], [y]) => cmp(x, y))) yield { seq: r.seq, question, ...a, lang: r.lang };
  }

  async report(quizId: string, selection: AttemptSelection, opts: ReportOptions = {}): Promise<LedgerReport> {
    const latest = this.selected(quizId, 'all').at(-1);
    return reportOf(this.answers(quizId, selection), latest?.version ?? null, opts);
  }

  async scores(quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<ScoreMatrix> {
    return scoreMatrixOf(this.answers(quizId, selection), questionIds);
  }

  async scoreRows(quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<StreamedScores> {
    const m = await this.scores(quizId, selection, questionIds);
    return {
      questionIds: m.questionIds,
      rows: (async function* () {
        yield* m.rows;
      })(),
    };
  }

  /** Every matching answer re-scored at once (no batches, no aggregates: reports are computed on read here). */
  async regrade(quizId: string, r: Regrade): Promise<number> {
    let changed = 0;
    for (const row of this.of(quizId).values()) {
      const a = row.answers.get(r.questionId);
      if (!a || row.version === r.version) continue;
      const score = rescore(r, { ...a, lang: row.lang });
      if (score !== null) ((a.score = score), changed++);
    }
    return changed;
  }

  async erase(learnerId: string, quizIds: readonly string[]): Promise<number> {
    let n = 0;
    for (const quizId of quizIds)
      for (const [id, r] of this.of(quizId))
        if (r.learnerId === learnerId) {
          this.of(quizId).delete(id);
          n++;
        }
    return n;
  }

  async rowsOf(learnerId: string, quizIds: readonly string[]): Promise<Array<{ quizId: string; rows: ExportedLedgerRow[] }>> {
    return quizIds
      .map((quizId) => ({
        quizId,
        rows: [...this.of(quizId).values()]
          .filter((r) => r.learnerId === learnerId)
          .sort(byTime)
          .map((r) => ({
            attemptId: r.attemptId,
            version: r.version,
            kind: r.kind,
            ...(r.lang ? { lang: r.lang } : {}),
            createdAt: r.createdAt,
            questions: [...r.answers]
              .sort(([x], [y]) => cmp(x, y))
              .map(([id, a]) => ({
                id,
                type: a.type,
                score: a.score,
                response: a.response === null ? null : JSON.parse(a.response),
                ...(a.normalized === null ? {} : { normalized: JSON.parse(a.normalized) as string[] }),
              })),
          })),
      }))
      .filter((q) => q.rows.length > 0);
  }
}
