// The gradebook's outbox of scores to pass back: rows, states and the retry schedule. A row is made once per
// attempt and link (the primary key), so a score is queued once however often an attempt is delivered.

import type { PassbackState } from '../../../web/pages/lti-results-types.ts';

/**
 * pending: not tried yet or due again; sent: the platform took it; failed: the last try failed (5xx, 408, 429,
 * no answer), retried later; refused: the platform said no (another 4xx), not retried until the instructor asks.
 */
export type { PassbackState };

export type OutboxRow = {
  attemptId: string;
  linkId: string;
  learnerId: string;
  state: PassbackState;
  tries: number;
  lastError: string | null;
  nextTry: number | null;
  sentAt: string | null;
};

const COLUMNS = `attempt_id AS attemptId, link_id AS linkId, learner_id AS learnerId, state, tries,
  last_error AS lastError, next_try AS nextTry, sent_at AS sentAt`;

/** Retry delays: 30 s, doubling, at most 6 hours; a score is retried until the platform takes it. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 6 * 3600_000;
export const retryDelay = (tries: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1), MAX_RETRY_MS);

/** Queues an attempt's score for a link; a second call for the same pair changes nothing. */
export function enqueue(sql: SqlStorage, attemptId: string, linkId: string, learnerId: string, now: number): void {
  sql.exec(
    `INSERT OR IGNORE INTO outbox (attempt_id, link_id, learner_id, state, next_try) VALUES (?, ?, ?, 'pending', ?)`,
    attemptId,
    linkId,
    learnerId,
    now,
  );
}

/** Rows due at `now` that are not sent, oldest first. */
export const dueRows = (sql: SqlStorage, now: number, limit = 20): OutboxRow[] =>
  sql
    .exec<OutboxRow>(
      `SELECT ${COLUMNS} FROM outbox WHERE state != 'sent' AND next_try <= ? ORDER BY next_try, attempt_id LIMIT ?`,
      now,
      limit,
    )
    .toArray();

/** The time of the next row due, or null when everything is sent. */
export const nextDue = (sql: SqlStorage): number | null =>
  sql.exec<{ t: number | null }>(`SELECT MIN(next_try) AS t FROM outbox WHERE state != 'sent'`).one().t;

export function markSent(sql: SqlStorage, row: OutboxRow, at: Date): void {
  sql.exec(
    `UPDATE outbox SET state = 'sent', tries = tries + 1, last_error = NULL, next_try = NULL, sent_at = ?
     WHERE attempt_id = ? AND link_id = ?`,
    at.toISOString(),
    row.attemptId,
    row.linkId,
  );
}

export function markFailed(sql: SqlStorage, row: OutboxRow, error: string, now: number): void {
  sql.exec(
    `UPDATE outbox SET state = 'failed', tries = tries + 1, last_error = ?, next_try = ? WHERE attempt_id = ? AND link_id = ?`,
    error.slice(0, 500),
    now + retryDelay(row.tries + 1),
    row.attemptId,
    row.linkId,
  );
}

/** The platform refused the score: kept with its answer, never due again by itself (next_try NULL). */
export function markRefused(sql: SqlStorage, row: OutboxRow, error: string): void {
  sql.exec(
    `UPDATE outbox SET state = 'refused', tries = tries + 1, last_error = ?, next_try = NULL WHERE attempt_id = ? AND link_id = ?`,
    error.slice(0, 500),
    row.attemptId,
    row.linkId,
  );
}

/** Makes every failed or refused row of a link due now (the instructor's "try again now"); how many. */
export function retryFailedNow(sql: SqlStorage, linkId: string, now: number): number {
  // Counted apart: rowsWritten also counts the index entries an update rewrites.
  const n = sql
    .exec<{ n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE link_id = ? AND state IN ('failed', 'refused')`, linkId)
    .one().n;
  if (n)
    sql.exec(
      `UPDATE outbox SET next_try = ?, state = CASE state WHEN 'refused' THEN 'pending' ELSE state END
       WHERE link_id = ? AND state IN ('failed', 'refused')`,
      now,
      linkId,
    );
  return n;
}

/** Every outbox row of a link, for the instructor's table. */
export const rowsOfLink = (sql: SqlStorage, linkId: string): OutboxRow[] =>
  sql.exec<OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE link_id = ?`, linkId).toArray();
