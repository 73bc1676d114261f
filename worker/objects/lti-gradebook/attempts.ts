// The gradebook's attempts per learner and link (SQL only), and the rule that decides which are passed back.
import type { LtiAttempt } from '../../services/lti/types.ts';
import type { LinkRow } from './context.ts';
import { enqueue } from './outbox.ts';
import { changesCountedScore, type Scored } from './policy.ts';

export type AttemptRow = Scored & {
  seq: number;
  learnerId: string;
  points: number;
  max: number;
  lang: string | null;
  answers: string;
};

const COLUMNS = `seq, attempt_id AS attemptId, learner_id AS learnerId, score, points, max, submitted_at AS submittedAt, lang, answers`;

/** A learner's attempts of a link in the order received. */
export const attemptsOf = (sql: SqlStorage, linkId: string, learnerId: string): AttemptRow[] =>
  sql.exec<AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE link_id = ? AND learner_id = ? ORDER BY seq`, linkId, learnerId).toArray();

/** Every attempt of a link, by learner and order received. */
export const attemptsOfLink = (sql: SqlStorage, linkId: string): AttemptRow[] =>
  sql.exec<AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE link_id = ? ORDER BY learner_id, seq`, linkId).toArray();

export const attemptOf = (sql: SqlStorage, attemptId: string, linkId: string): AttemptRow | null =>
  sql.exec<AttemptRow>(`SELECT ${COLUMNS} FROM attempts WHERE attempt_id = ? AND link_id = ?`, attemptId, linkId).toArray()[0] ?? null;

/** Whether a link's launch lets the tool post scores (the AGS claim with the score scope and a line item). */
export function passesBack(link: LinkRow): boolean {
  const scopes = JSON.parse(link.scopes) as string[];
  return scopes.includes('https://purl.imsglobal.org/spec/lti-ags/scope/score') && Boolean(link.lineitem ?? link.lineitems);
}

/**
 * Records an attempt for a link (a second delivery of the same attempt changes nothing) and queues its score
 * when the link's rule says it changes the score that counts. Call inside a transaction. Whether it was queued.
 */
export function recordAttemptFor(sql: SqlStorage, link: LinkRow, learnerId: string, a: LtiAttempt, now: number): boolean {
  const earlier = attemptsOf(sql, link.linkId, learnerId);
  if (earlier.some((e) => e.attemptId === a.attemptId)) return false;
  sql.exec(
    `INSERT INTO attempts (attempt_id, link_id, learner_id, score, points, max, submitted_at, lang, answers)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    a.attemptId,
    link.linkId,
    learnerId,
    a.score,
    a.points,
    a.maxPoints,
    a.submittedAt,
    a.lang ?? null,
    JSON.stringify(a.answers.slice(0, 200)),
  );
  if (!passesBack(link)) return false;
  if (!changesCountedScore(link.policy, earlier, { attemptId: a.attemptId, score: a.score, submittedAt: a.submittedAt })) return false;
  enqueue(sql, a.attemptId, link.linkId, learnerId, now);
  return true;
}
