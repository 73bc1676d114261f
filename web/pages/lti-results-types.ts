// The class results of one LTI link as the instructor's page shows them: the shape the context's gradebook
// (worker/objects/lti-gradebook/view.ts) builds. Here, on the page's side, because web/ never imports worker/.

export type PassbackState = 'pending' | 'sent' | 'failed' | 'refused';

export interface PassbackView {
  state: PassbackState;
  tries: number;
  lastError: string | null;
  nextTry: number | null;
}

export interface AttemptView {
  attemptId: string;
  score: number;
  points: number;
  max: number;
  submittedAt: string;
  /** The content language it was answered in (null for attempts stored before it was kept). */
  lang: string | null;
  answers: Array<{ question: string; score: number; response: string; prompt?: string }>;
  /** null: this attempt's score was not to be passed back (it did not change the counted score). */
  passback: PassbackView | null;
}

export interface LearnerView {
  /** From NRPS, else the launch's name claim; null when the platform shares neither. */
  name: string | null;
  attempts: AttemptView[];
  /** The attempt that counts under the link's policy. */
  counted: string | null;
}

export interface LinkResults {
  contextTitle: string | null;
  linkId: string;
  quiz: string;
  policy: 'best' | 'last' | 'first';
  passesBack: boolean;
  learners: LearnerView[];
}
