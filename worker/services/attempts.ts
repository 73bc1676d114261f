// The one attempt path: checking an answer, keeping answers carried in a link, grading and storing a whole
// attempt. The JSON API and every page (practice quizzes, sets, the final test) call these.
import type { Context } from 'hono';
import { gradeAttempt, type AttemptResult } from '../../core/quiz/attempt.ts';
import { grade, type GradeOptions, type GradeResult } from '../../core/quiz/grade.ts';
import { setGrading } from '../../core/sets/schema.ts';
import { ResponseError, validateResponse } from '../../core/quiz/validate.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { foldTypography } from '../../core/quiz/normalize.ts';
import { responseInKeys } from '../../core/quiz/public-ids.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import type { Question } from '../../core/quiz/schema.ts';
import type { AttemptRecord, AttemptSummary } from '../../core/progress/attempt-record.ts';
import { courseLexicon, sourceLanguage } from './content.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import { storeAttempt } from './progress.ts';
import { afterStoredAttempt } from './lti/grades.ts';
import type { LedgerQuestion } from '../stores/results-store.ts';
import { sourcesOf } from './quizzes.ts';
import { learnerCopyOf, type QuizSession } from './quiz-session.ts';

/** A graded question with its source sentences resolved for display. */
export type CheckedAnswer = Omit<GradeResult, 'sources'> & { sources: ReturnType<typeof sourcesOf> };

const withSources = (r: GradeResult): CheckedAnswer => ({ ...r, sources: sourcesOf(r.sources) });

/** `raw` as a response of the question's shape naming only its own choices, gaps and items (this attempt's ids); else null. */
function validResponse(s: QuizSession, q: Question, raw: unknown): AnyResponse | null {
  try {
    return validateResponse(q, raw, s.ids);
  } catch (e) {
    if (e instanceof ResponseError) return null;
    throw e;
  }
}

/**
 * How the one grader grades an attempt: with the ids its copy was issued with, in the course's source language
 * with its words, so a typed course word is never taken for a typo (in other languages a lexicon would turn
 * plural slips into other words), and for a set by the rule its instructor chose.
 */
const grading = (s: QuizSession): GradeOptions => ({
  ids: s.ids,
  ...(s.lang === sourceLanguage ? { lexicon: courseLexicon } : {}),
  // A set is graded by its instructor's rule (Moodle's or German-aware); built-in quizzes German-aware.
  ...(s.set ? { grading: setGrading(s.set.set) } : {}),
});

/** The question `questionId` of the session's quiz; a 404 ApiError if it is not part of it. */
export function questionOf(s: QuizSession, questionId: string): Question {
  const q = s.quiz.questions.find((x) => x.id === questionId);
  if (!q)
    throw new ApiError(404, 'not_found', `Question "${questionId}" is not part of quiz "${s.quiz.id}".`, [
      { path: 'questionId', message: 'unknown question' },
    ]);
  return q;
}

/**
 * Grades one answer (practice): a ResponseError (422) for a response that does not fit the question. A test
 * (the final test, a set marked as one) gives no solution before it is handed in: a 403 for every question.
 */
export function checkAnswer(s: QuizSession, questionId: string, raw: unknown): CheckedAnswer {
  if (s.test)
    throw new ApiError(403, 'test_not_checkable', `"${s.quiz.id}" is a test: it is graded only when the whole attempt is handed in.`, [
      { path: 'quizId', message: 'a test, not a practice quiz: submit the attempt instead' },
    ]);
  const q = questionOf(s, questionId);
  return withSources(grade(q, raw, s.lang, grading(s)));
}

/**
 * Answers carried in a link or a form, kept only where they fit their question in the session's language;
 * the rest is dropped (a stale or edited link is not an error, it just forgets those answers).
 */
export function keepValidAnswers(s: QuizSession, raw: Readonly<Record<string, unknown>>): Record<string, AnyResponse> {
  const out: Record<string, AnyResponse> = {};
  for (const q of s.quiz.questions) {
    if (!Object.hasOwn(raw, q.id)) continue;
    const r = validResponse(s, q, raw[q.id]);
    if (r) out[q.id] = r;
  }
  return out;
}

/** What a submit answers with: the grading, the learner's copies it was graded on, and what was stored. */
export interface SubmittedAttempt {
  attempt: AttemptResult;
  results: CheckedAnswer[];
  copies: LearnerQuestion[];
  record: AttemptRecord;
  summary: AttemptSummary;
}

/**
 * Typed answers as instructors see them counted: typography and spacing folded, case and umlauts kept. A
 * cloze choice gap holds a choice's key (`g1:a`), counted as it is.
 */
function typedAnswers(q: Question, response: AnyResponse): string[] | undefined {
  const r = response as { text?: unknown; gaps?: Record<string, unknown>; number?: unknown };
  if (typeof r.text === 'string') return [foldTypography(r.text)];
  if (r.gaps && q.type === 'cloze') {
    const choiceGap = (id: string) => q.gaps.some((g) => g.id === id && (g.kind === 'single' || g.kind === 'multi'));
    return Object.entries(r.gaps).map(([id, g]) => (typeof g !== 'string' ? '' : choiceGap(id) ? g : foldTypography(g)));
  }
  if (typeof r.number === 'number') return [String(r.number)];
  return undefined;
}

/**
 * The ledger's copy of a graded attempt: per question its score and its response in authoring keys (ids differ
 * per attempt, keys do not, so item analysis counts every attempt's choices together); no learner id in the clear.
 */
function ledgerQuestions(s: QuizSession, attempt: AttemptResult, responses: Readonly<Record<string, unknown>>): LedgerQuestion[] {
  const graded = new Map(attempt.results.map((r) => [r.questionId, r]));
  return s.quiz.questions
    .filter((q) => q.type !== 'essay')
    .map((q) => {
      // gradeAttempt has validated every response (it throws otherwise), and validation changes nothing.
      const given = Object.hasOwn(responses, q.id) ? (responses[q.id] as AnyResponse) : null;
      const response = given && responseInKeys(q, given, s.ids);
      const typed = response ? typedAnswers(q, response) : undefined;
      return { id: q.id, type: q.type, score: graded.get(q.id)?.score ?? 0, response, ...(typed ? { normalized: typed } : {}) };
    });
}

/**
 * Grades a whole attempt and stores it: in the instructors' results ledger and in the learner's KV, both
 * before it answers, once per idempotency key (storeAttempt, docs/decisions/0008-durable-attempts.md).
 * A response that does not fit its question is a ResponseError (422) and nothing is stored.
 */
export async function submitAttempt(
  c: Context<AppEnv>,
  s: QuizSession,
  responses: Readonly<Record<string, unknown>>,
): Promise<SubmittedAttempt> {
  // A set to read (passages only) has nothing to hand in: storing a 0 of 0 would only clutter progress.
  if (!s.quiz.questions.length)
    throw new ApiError(409, 'nothing_to_answer', `"${s.quiz.id}" has no questions to answer: it is a text to read.`);
  const attempt = gradeAttempt(s.quiz, responses, s.lang, grading(s));
  const copies = learnerCopyOf(s).questions;
  // Graded first, stored second: a bad request never writes.
  const { record, summary } = await storeAttempt(c, s.quiz, attempt, {
    lang: s.lang,
    seed: s.seed,
    copies,
    responses,
    ledger: ledgerQuestions(s, attempt, responses),
    ...(s.setTitle ? { title: s.setTitle } : {}),
  });
  // A learner launched from an LMS (`lti_…`): into their course gradebooks, which pass the score back.
  await afterStoredAttempt(c, record, copies);
  return { attempt, results: attempt.results.map(withSources), copies, record, summary };
}
