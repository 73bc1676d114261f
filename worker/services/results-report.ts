// The item-analysis report of one quiz (a lesson, the final test, a set): the ledger's figures and response
// counts joined with the quiz's questions, for the JSON API, the CSV exports and the instructor page alike.
import { pick } from '../../core/content/localized.ts';
import { versionOf } from '../../core/quiz/quiz.ts';
import { setGrading } from '../../core/sets/schema.ts';
import type { Question } from '../../core/quiz/schema.ts';
import type { Report } from '../../core/stats/report.ts';
import { responseRows } from '../../core/stats/rows.ts';
import type { Acceptance } from '../../core/stats/accept-answer.ts';
import { regradeOf } from '../../core/stats/regrade.ts';
import { content } from './content.ts';
import { FINAL_ID, getQuiz } from './quizzes.ts';
import { isSetId, setQuiz } from './sets.ts';
import type { AcceptResult, SetVersion } from '../stores/set-store.ts';
import type { AttemptSelection, StreamedScores } from '../stores/results-store.ts';
import { plainText } from '../../core/formats/shared/rich-text.ts';
import { chooseLanguage } from './quiz-session.ts';
import { resultsStore, setStore } from '../stores/index.ts';

/** A quiz as its report sees it: the questions to describe (the current ones), its languages, whether it is editable. */
export interface ReportedQuiz {
  quizId: string;
  kind: 'lesson' | 'final' | 'set';
  title: Record<string, string>;
  languages: readonly string[];
  questions: readonly Question[];
  version: string;
  /** The final test draws its questions per attempt: no alpha, and only questions drawn are listed. */
  randomDraw: boolean;
  /** An instructor set (latest version): typed answers can be accepted into a new version. */
  set?: SetVersion;
}

const finalPool = Object.values(content.questions).flat();

/** The quiz behind a report id, or null (an unknown lesson or a set that does not exist, published or not). */
export async function reportedQuiz(env: Env, quizId: string): Promise<ReportedQuiz | null> {
  if (isSetId(quizId)) {
    const v = await setStore(env).latest(quizId);
    if (!v) return null;
    const quiz = setQuiz(v);
    return {
      quizId,
      kind: 'set',
      title: v.set.title,
      languages: v.set.languages,
      questions: v.set.questions,
      version: quiz.version,
      randomDraw: false,
      set: v,
    };
  }
  const languages = content.course.languages;
  if (quizId === FINAL_ID)
    return {
      quizId,
      kind: 'final',
      title: {},
      languages,
      questions: finalPool,
      version: getQuiz(FINAL_ID, 'report').version,
      randomDraw: true,
    };
  const lesson = content.lessons.find((l) => l.id === quizId);
  if (!lesson) return null;
  const questions = content.questions[lesson.id] ?? [];
  return { quizId, kind: 'lesson', title: lesson.title, languages, questions, version: versionOf(questions), randomDraw: false };
}

/** The quiz language of a report: the one asked for if the quiz has it, else the course's source language, else its first. */
export const reportLanguage = (quiz: ReportedQuiz, asked?: string) => chooseLanguage(quiz.languages, { lang: asked, strict: false });

const gradedIds = (quiz: ReportedQuiz) => (quiz.randomDraw ? [] : quiz.questions.filter((q) => q.type !== 'essay').map((q) => q.id));

/** The report of the first attempt of each learner (`first`) or of every attempt (`all`). */
export async function buildReport(env: Env, quiz: ReportedQuiz, selection: AttemptSelection, lang: string): Promise<Report> {
  const ledger = await resultsStore(env).report(quiz.quizId, selection, { randomDraw: quiz.randomDraw, questionIds: gradedIds(quiz) });
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return {
    quizId: quiz.quizId,
    version: ledger.version ?? quiz.version,
    attempts: ledger.attempts,
    test: ledger.test,
    questions: ledger.questions.map((f) => {
      const q = byId.get(f.id);
      return {
        ...f,
        type: q?.type ?? ledger.types[f.id] ?? 'unknown',
        prompt: q ? plainText(pick(q.prompt, lang)) : '',
        // A set's typed answers are re-scored by its rule, as its learners are graded now.
        responses: responseRows(q, ledger.tallies[f.id] ?? [], lang, quiz.set ? { grading: setGrading(quiz.set.set) } : {}),
      };
    }),
  };
}

/** The report as the API answers it: documented fields only (no internal row fields, no learner data). */
export function reportJson(r: Report) {
  return {
    quizId: r.quizId,
    version: r.version,
    attempts: r.attempts,
    test: r.test,
    questions: r.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: q.prompt,
      n: q.n,
      facility: q.facility,
      sd: q.sd,
      discriminationIndex: q.discriminationIndex,
      discriminativeEfficiency: q.discriminativeEfficiency,
      responses: q.responses.map((row) => ({ text: row.part ? `${row.part}: ${row.text}` : row.text, count: row.count, score: row.score })),
    })),
  };
}

/** The attempt × question score matrix, streamed (a row number per attempt, never a learner). */
export const reportScoreRows = (env: Env, quiz: ReportedQuiz, selection: AttemptSelection): Promise<StreamedScores> =>
  resultsStore(env).scoreRows(quiz.quizId, selection, gradedIds(quiz));

/**
 * Accepts a typed answer into a new version of a set (the registry checks the version the instructor looked at),
 * then has every ledger of the set re-score the stored answers that gave it, so the item analysis shows the
 * regraded figures at once. Learners' own progress keeps the scores they were given. A ledger that fails the
 * regrade is logged, not fatal: the new version stands, and the regrade is idempotent, so it can be asked again.
 */
export async function acceptTypedAnswer(env: Env, setId: string, expectedVersion: number, change: Acceptance): Promise<AcceptResult> {
  const sets = setStore(env);
  const result = await sets.acceptAnswer(setId, expectedVersion, change);
  if (result.status !== 'accepted') return result;
  const after = result.version;
  const question = after.set.questions.find((q) => q.id === change.questionId);
  const before = (await sets.version(setId, expectedVersion))?.set.questions.find((q) => q.id === change.questionId);
  const regrade =
    question &&
    regradeOf(
      before,
      question,
      { value: change.value, lang: change.lang, part: change.part, version: setQuiz(after).version },
      setGrading(after.set),
    );
  if (regrade)
    await resultsStore(env)
      .regrade(setId, regrade)
      .catch((e: unknown) => console.warn('results: regrade failed', setId, e));
  return result;
}
