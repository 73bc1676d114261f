import { useRef, useState } from 'preact/hooks';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { Feedback } from '../quiz/feedback.tsx';
import { clashingFields, encodeAnswers, responseFromForm, sentField, type FormProblem } from '../quiz/form.ts';
import { QuestionFields } from '../quiz/question-fields.tsx';
import type { CheckResult, QuizLabels } from '../quiz/types.ts';
import { api } from '../api-client.ts';
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

/**
 * One practice question. Without JavaScript the form is a plain GET that the server grades and renders;
 * hydrated, it is checked through `/api/quizzes/:id/check` in place, and focus moves to the feedback.
 */
export function PracticeQuestion(p: PracticeProps) {
  const [result, setResult] = useState<CheckResult | null>(p.result ?? null);
  const [given, setGiven] = useState<AnyResponse | null>(p.given ?? null);
  const [problem, setProblem] = useState<string | null>(p.problem ?? null);
  const [busy, setBusy] = useState(false);
  // Fields that clash (two items at one position, one answer for two items), flagged as soon as they do.
  const [clash, setClash] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const q = p.question;
  const answers = given ? { ...p.answeredSoFar, [q.id]: given } : p.answeredSoFar;
  const fbId = `fb-${q.id}`;
  const problemId = `pr-${q.id}`;
  const fields = () => {
    const data = new FormData(formRef.current!);
    return (name: string) => data.getAll(name).map(String);
  };

  const onChange = () => {
    if (result) return;
    const now = clashingFields(q, fields());
    if (now.join() !== clash.join()) setClash(now);
    if (now.length) setProblem(q.type === 'order' ? 'positions' : 'pairs');
    else if (problem === 'positions' || problem === 'pairs') setProblem(null);
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy || result) return;
    const get = fields();
    setClash(clashingFields(q, get));
    const response = responseFromForm(q, get);
    if (typeof response === 'string') {
      setProblem(response);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const res = await api.quizzes[':quizId'].check.$post({
        param: { quizId: p.quizId },
        json: { questionId: q.id, response, seed: p.seed, lang: p.lang },
      });
      if (res.status !== 200) throw new Error(String(res.status));
      setGiven(response);
      setResult(await res.json());
      requestAnimationFrame(() => document.getElementById(fbId)?.focus());
    } catch {
      setProblem('network');
    } finally {
      setBusy(false);
    }
  };

  const problemText =
    problem === 'unanswered'
      ? p.labels.notAnswered
      : problem === 'number'
        ? p.labels.invalidNumber
        : problem === 'positions'
          ? p.labels.positionsProblem.replace('{{total}}', String(q.type === 'order' ? q.items.length : 0))
          : problem === 'pairs'
            ? p.labels.pairsProblem
            : problem === 'network'
              ? p.labels.networkError
              : null;

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
        <form ref={formRef} method="get" action={p.action} onSubmit={onSubmit} onChange={onChange} class="question-form" noValidate>
          {Object.entries(p.hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name={sentField(q.id)} value="1" />
          <fieldset lang={p.lang}>
            <legend>
              <Prompt q={q} labels={p.labels} />
            </legend>
            <QuestionFields
              q={q}
              labels={p.labels}
              given={given ?? undefined}
              locked={!!result}
              result={result}
              invalid={clash}
              problemId={problemId}
            />
          </fieldset>
          <p class="problem" role="alert" id={problemId}>
            {problemText}
          </p>
          {!result && (
            <button type="submit" class="primary" disabled={busy}>
              {busy ? p.labels.checking : p.labels.check}
            </button>
          )}
        </form>
        {result && <Feedback result={result} labels={p.labels} lang={p.lang} uiLang={p.uiLang} headingId={fbId} marked />}
        {result &&
          (p.nextBase !== null ? (
            <p>
              <a class="button primary" href={`${p.nextBase}&a=${encodeAnswers(answers)}`}>
                {p.labels.next} →
              </a>
            </p>
          ) : (
            <form method="post" action={p.finishAction}>
              {Object.entries(p.hidden).map(([k, v]) =>
                k === 'n' || k === 'a' ? null : <input key={k} type="hidden" name={k} value={v} />,
              )}
              <input type="hidden" name="a" value={encodeAnswers(answers)} />
              <button type="submit" class="primary">
                {p.labels.finish}
              </button>
            </form>
          ))}
      </div>
    </>
  );
}
