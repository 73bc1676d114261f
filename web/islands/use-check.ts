// The state of one practice question in the browser: what was given, the result, the problem to show, and
// the form's handlers that check an answer through the API in place (the page's plain GET form is the
// fallback without JavaScript).
import { useRef, useState } from 'preact/hooks';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { api } from '../api-client.ts';
import { clashingFields, responseFromForm, type FormProblem } from '../quiz/form.ts';
import type { CheckResult } from '../quiz/types.ts';

/** What keeps an answer from being checked: a form problem, or the API out of reach. */
export type CheckProblem = FormProblem | 'network';

/** The parts of the practice question's props the check needs (the server's render gives the first state). */
export interface CheckInput {
  quizId: string;
  seed: string;
  lang: string;
  question: LearnerQuestion;
  result?: CheckResult | null;
  given?: AnyResponse | null;
  problem?: FormProblem | null;
}

/** The id of a question's feedback heading, where focus goes once its answer is checked. */
export const feedbackId = (q: LearnerQuestion) => `fb-${q.id}`;

/**
 * The check of one question: flags clashing fields as they are filled in, and on submit reads the form,
 * sends the response to `/api/quizzes/:id/check` and shows the result, moving focus to the feedback.
 */
export function useCheck(p: CheckInput) {
  const [result, setResult] = useState<CheckResult | null>(p.result ?? null);
  const [given, setGiven] = useState<AnyResponse | null>(p.given ?? null);
  const [problem, setProblem] = useState<CheckProblem | null>(p.problem ?? null);
  const [busy, setBusy] = useState(false);
  // Fields that clash (two items at one position, one answer for two items), flagged as soon as they do.
  const [clash, setClash] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const q = p.question;
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
      requestAnimationFrame(() => document.getElementById(feedbackId(q))?.focus());
    } catch {
      setProblem('network');
    } finally {
      setBusy(false);
    }
  };

  return { result, given, problem, busy, clash, formRef, onChange, onSubmit };
}
