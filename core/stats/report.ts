import type { QuestionFigures, TestFigures } from './figures.ts';
import type { ResponseRow } from './rows.ts';

/** One question of an item-analysis report: its figures, its text in the quiz language, its response rows. */
export interface ReportQuestion extends QuestionFigures {
  type: string;
  prompt: string;
  responses: ResponseRow[];
}

/** The item-analysis report of one quiz, as the API, the CSV exports and the instructor page use it. */
export interface Report {
  quizId: string;
  version: string;
  attempts: number;
  test: TestFigures;
  questions: ReportQuestion[];
}
