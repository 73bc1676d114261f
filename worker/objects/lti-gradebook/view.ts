// The instructor's view of one link: learners × attempts with the counted one and each score's passback.
import type { LtiAttempt } from '../../services/lti/types.ts';
import type { AttemptView, LearnerView, LinkResults } from '../../../web/pages/lti-results-types.ts';
import { attemptsOfLink, passesBack, type AttemptRow } from './attempts.ts';
import { linkOf } from './context.ts';
import { rowsOfLink } from './outbox.ts';
import { countedAttempt } from './policy.ts';
import { metaGet } from './schema.ts';

/** The results of a link, learners in name order (unnamed last); null for a link this context does not have. */
export function linkResults(sql: SqlStorage, linkId: string): LinkResults | null {
  const link = linkOf(sql, linkId);
  if (!link) return null;
  const outbox = new Map(rowsOfLink(sql, linkId).map((r) => [`${r.learnerId}\n${r.attemptId}`, r]));
  const people = sql
    .exec<{ learnerId: string; name: string | null }>(
      `SELECT p.learner_id AS learnerId, p.name FROM people p
       WHERE p.learner_id IN (SELECT learner_id FROM attempts WHERE link_id = ?)
          OR (p.instructor = 0 AND p.learner_id IN (SELECT learner_id FROM launches WHERE link_id = ?))`,
      linkId,
      linkId,
    )
    .toArray();
  const byLearner = new Map<string, AttemptRow[]>();
  for (const a of attemptsOfLink(sql, linkId)) byLearner.set(a.learnerId, [...(byLearner.get(a.learnerId) ?? []), a]);
  const learners = people.map((p): LearnerView => {
    const attempts = byLearner.get(p.learnerId) ?? [];
    const views = attempts.map((a): AttemptView => {
      const o = outbox.get(`${p.learnerId}\n${a.attemptId}`);
      return {
        attemptId: a.attemptId,
        score: a.score,
        points: a.points,
        max: a.max,
        submittedAt: a.submittedAt,
        lang: a.lang,
        answers: JSON.parse(a.answers) as LtiAttempt['answers'],
        passback: o ? { state: o.state, tries: o.tries, lastError: o.lastError, nextTry: o.nextTry } : null,
      };
    });
    return { name: p.name, attempts: views, counted: countedAttempt(link.policy, attempts)?.attemptId ?? null };
  });
  learners.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
  return {
    contextTitle: metaGet(sql, 'contextTitle'),
    linkId,
    quiz: link.quiz,
    policy: link.policy,
    passesBack: passesBack(link),
    learners,
  };
}

/** What a context holds about one learner (their export): the course, their name there, and their attempts. */
export interface LearnerExport {
  course: string | null;
  name: string | null;
  attempts: Array<{ link: string; submittedAt: string; points: number; max: number; answers: LtiAttempt['answers'] }>;
}

export function learnerExport(sql: SqlStorage, learnerId: string): LearnerExport | null {
  const person = sql.exec<{ name: string | null }>(`SELECT name FROM people WHERE learner_id = ?`, learnerId).toArray()[0];
  if (!person) return null;
  const attempts = sql
    .exec<{ link: string; submittedAt: string; points: number; max: number; answers: string }>(
      `SELECT link_id AS link, submitted_at AS submittedAt, points, max, answers FROM attempts WHERE learner_id = ? ORDER BY seq`,
      learnerId,
    )
    .toArray()
    .map((a) => ({ ...a, answers: JSON.parse(a.answers) as LtiAttempt['answers'] }));
  return { course: metaGet(sql, 'contextTitle'), name: person.name, attempts };
}
