import type { GradeResult } from '../../core/quiz/grade.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';

/**
 * A graded question as the API answers it (`CheckedAnswer` of /api/openapi.json): the grade plus its source
 * sentences in every language. worker/routes/api/schemas/feedback.ts fails the type check if the contract
 * and this type ever differ (web/ cannot import the worker's schemas).
 */
export type CheckResult = Omit<GradeResult, 'sources'> & {
  sources: Array<{ id: string; lesson: string; text: Record<string, string> }>;
};

/** What `POST /api/quizzes/{quizId}/check` answers (`CheckResult` of the document), held to it the same way. */
export type CheckResponse = CheckResult & { quizId: string; version: string };

/** What `POST /api/quizzes/{quizId}/check` takes (`CheckBody`; the schemas check that it fits). */
export interface CheckRequest {
  questionId: string;
  response: AnyResponse;
  seed?: string;
  lang?: string;
}

export type Responses = Record<string, AnyResponse>;

/** UI strings the quiz components need, already translated (islands carry no i18n library). */
export interface QuizLabels {
  /** The language these labels are in (the UI language), for `lang` on UI words inside content. */
  lang: string;
  check: string;
  next: string;
  finish: string;
  correct: string;
  partly: string;
  wrong: string;
  yourAnswer: string;
  noAnswer: string;
  solution: string;
  explanation: string;
  source: string;
  readInLesson: string;
  spelledAs: string;
  caseHint: string;
  expected: string;
  missed: string;
  chosenWrong: string;
  chosenRight: string;
  inOrder: string;
  trueLabel: string;
  falseLabel: string;
  choose: string;
  gap: string;
  position: string;
  positionOf: string;
  matchFor: string;
  numberHint: string;
  /** The prompt of a cloze whose prompt only repeats its text (Moodle's embedded answers). */
  fillGaps: string;
  notAnswered: string;
  invalidNumber: string;
  checking: string;
  networkError: string;
  scoreOf: string;
  progress: string;
  ungraded: string;
  questionOf: string;
  rightAnswer: string;
  markRight: string;
  markWrong: string;
  inPlace: string;
  belongsAt: string;
  positionNone: string;
  positionsProblem: string;
  pairsProblem: string;
  writtenAs: string;
  misplaced: string;
  showOrder: string;
  showPairs: string;
  rightOrder: string;
  allInPlace: string;
  open: string;
  endingHint: string;
  endingNone: string;
  otherWord: string;
  notAnsweredVerdict: string;
  languageNames: Record<string, string>;
  /**
   * The dictation's words (web/quiz/dictation-labels.ts), added by the pages that show questions; without them a
   * dictation shows its sentence behind the Solution button and marks words right or not right only.
   */
  dictation?: DictationLabels;
}

/** A dictation's words in the UI language (the locales' `dictation` section; web/quiz/dictation-labels.ts reads them). */
export interface DictationLabels {
  play: string;
  playSlower: string;
  noVoice: string;
  show: string;
  write: string;
  /** "{{n}} of {{total}} words right" */
  words: string;
  right: string;
  misspelt: string;
  ending: string;
  missing: string;
  extra: string;
  shouldBe: string;
  /** "the ending is -{{ending}}" */
  endingIs: string;
  endingNone: string;
}
