import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { Feedback } from '../quiz/feedback.tsx';
import { encodeAnswers, sentField, type FormProblem } from '../quiz/form.ts';
import { QuestionFields } from '../quiz/question-fields.tsx';
import type { CheckResult, QuizLabels } from '../quiz/types.ts';
import { RichText } from '../quiz/rich-text.tsx';
import { Prompt } from '../quiz/prompt.tsx';

export interface PracticeProps {
  quizId: string;
  seed: string;
  /** Quiz content language and UI language. */
  lang: string;
  uiLang: string;
  question: LearnerQuestion;
  /** A passage (instructor's description) shown before this question, in the quiz language. */
  passage?: string | null;
  /** 1-based position and count, for the heading. */
  number: number;
  total: number;
  /** Answers given so far in this run (carried in the URL, no server state). */
  answeredSoFar: Record<string, AnyResponse>;
  /** Where the form goes without JavaScript (GET, same page). */
  action: string;
  hidden: Record<string, string>;
  /** URL of the next question without the answers parameter; null on the last question. */
  nextBase: string | null;
  /** Results form target, on the last question. */
  finishAction: string;
  labels: QuizLabels;
  result?: CheckResult | null;
  given?: AnyResponse | null;
  problem?: FormProblem | null;
}

/** The id of a question's feedback heading, where focus goes once its answer is checked. */
export const feedbackId = (q: LearnerQuestion) => `fb-${q.id}`;

/**
 * What the enhancer (practice-question.client.ts) needs beyond the markup, all UI words: the busy button's,
 * the message when the server is out of reach, and, for an order or a match whose answers are each used
 * once, the message for two fields that clash (flagged as they are chosen).
 */
export function practiceData({ labels, question: q }: PracticeProps): { labels: Record<string, string> } {
  const clash = problemMessage(q.type === 'order' ? 'positions' : q.type === 'match' && !q.reusable ? 'pairs' : null, labels, q);
  return { labels: { checking: labels.checking, networkError: labels.networkError, ...(clash ? { clash } : {}) } };
}

/**
 * One practice question, rendered on the server only. The form is a plain GET that the server grades and
 * renders (with feedback, or with the problem that kept it from grading); the enhancer sends the same GET in
 * place and shows the server's answer, moving focus to the feedback.
 */
export function PracticeQuestion(p: PracticeProps) {
  const { result, given, problem } = p;
  const q = p.question;
  const answers = given ? { ...p.answeredSoFar, [q.id]: given } : p.answeredSoFar;
  const problemId = `pr-${q.id}`;
  const fill = (text: string, n: number) => text.replace('{{n}}', String(n)).replace('{{total}}', String(p.total));
  return (
    <>
      <div class="progress">
        <label for="quiz-progress">{fill(p.labels.progress, Object.keys(answers).length)}</label>
        <progress id="quiz-progress" max={p.total} value={Object.keys(answers).length} />
      </div>
      <h2 class="q-number">{fill(p.labels.questionOf, p.number)}</h2>
      <div class="question-card">
        {p.passage && (
          <div class="passage" lang={p.lang}>
            <RichText text={p.passage} />
          </div>
        )}
        <form method="get" action={p.action} class="question-form" noValidate>
          {Object.entries(p.hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name={sentField(q.id)} value="1" />
          <fieldset lang={p.lang}>
            <legend>
              <Prompt q={q} labels={p.labels} />
            </legend>
            <QuestionFields q={q} labels={p.labels} given={given ?? undefined} locked={!!result} result={result} />
          </fieldset>
          <p class="problem" role="alert" id={problemId}>
            {problemMessage(problem, p.labels, q)}
          </p>
          {!result && (
            <button type="submit" class="primary">
              {p.labels.check}
            </button>
          )}
        </form>
        {result && <Feedback result={result} labels={p.labels} lang={p.lang} uiLang={p.uiLang} headingId={feedbackId(q)} marked />}
        {result && <NextOrFinish p={p} answers={answers} />}
      </div>
    </>
  );
}

/** What the learner is told when an answer cannot be checked; null when nothing is wrong. */
export function problemMessage(problem: FormProblem | null | undefined, labels: QuizLabels, q: LearnerQuestion): string | null {
  switch (problem) {
    case 'unanswered':
      return labels.notAnswered;
    case 'number':
      return labels.invalidNumber;
    case 'positions':
      return labels.positionsProblem.replace('{{total}}', String(q.type === 'order' ? q.items.length : 0));
    case 'pairs':
      return labels.pairsProblem;
    default:
      return null;
  }
}

/**
 * After a checked answer: a link to the next question carrying the answers so far in the URL, or on the last
 * question a form that posts them all to the results (without the question's own `n` and `a` fields).
 */
function NextOrFinish({ p, answers }: { p: PracticeProps; answers: Record<string, AnyResponse> }) {
  if (p.nextBase !== null)
    return (
      <p>
        <a class="button primary" href={`${p.nextBase}&a=${encodeAnswers(answers)}`}>
          {p.labels.next} →
        </a>
      </p>
    );
  return (
    <form method="post" action={p.finishAction}>
      {Object.entries(p.hidden).map(([k, v]) => (k === 'n' || k === 'a' ? null : <input key={k} type="hidden" name={k} value={v} />))}
      <input type="hidden" name="a" value={encodeAnswers(answers)} />
      <button type="submit" class="primary">
        {p.labels.finish}
      </button>
    </form>
  );
}
