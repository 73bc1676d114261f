// "Accepting an answer re-scores from the rows" (docs/decisions/0014-results-aggregates.md): what an accepted
// typed answer changes in the stored answers of a quiz, as one small value the ledgers apply to their rows.
import { grade, ResponseError } from '../quiz/grade.ts';
import type { Grading } from '../quiz/grading.ts';
import { AUTHORING_IDS } from '../quiz/public-ids.ts';
import type { Question } from '../quiz/schema.ts';
import { responseValues } from './tally.ts';

/** A re-scoring of one typed answer in every stored attempt that gave it. */
export interface Regrade {
  questionId: string;
  /** The answer as the ledger tallied it (normalised typed text, or a number as text). */
  value: string;
  /** The gap of a cloze question. */
  part?: string | undefined;
  /** The content language of the attempts it applies to (numbers apply in every language). */
  lang: string;
  /**
   * `max`: a short or numerical answer now earns `credit`, so its score becomes max(old, credit). `add`: a cloze
   * gap now earns `credit` more of the question's score than before (its credit times the gap's share).
   */
  mode: 'max' | 'add';
  credit: number;
  /** The quiz version made by the acceptance: attempts of that version were graded with it already. */
  version: string;
}

/** The stored answer a regrade looks at (responses and typed answers as the JSON text the ledger keeps). A type, so SQL rows fit it. */
export type RegradedAnswer = {
  type: string;
  score: number;
  response: string | null;
  normalized: string | null;
  lang: string | null;
};

/** What a question scores for one typed value (in one gap), or 0 if the value does not fit it. */
function valueScore(q: Question, value: string, lang: string, part: string | undefined, grading: Grading | undefined): number {
  const response =
    q.type === 'short' ? { text: value } : q.type === 'numerical' ? { number: Number(value) } : { gaps: { [part ?? '']: value } };
  try {
    return grade(q, response, lang, { ids: AUTHORING_IDS, ...(grading ? { grading } : {}) }).score;
  } catch (e) {
    if (e instanceof ResponseError) return 0;
    throw e;
  }
}

/**
 * The regrade an acceptance makes: `before` and `after` are the question in the version the instructor looked
 * at and in the version the acceptance made, `value` the answer as tallied. Null when nothing can change
 * (another kind of question, or an answer the version before gave as much).
 */
export function regradeOf(
  before: Question | undefined,
  after: Question,
  a: { value: string; lang: string; part?: string | undefined; version: string },
  grading?: Grading,
): Regrade | null {
  if (after.type !== 'short' && after.type !== 'numerical' && after.type !== 'cloze') return null;
  const now = valueScore(after, a.value, a.lang, a.part, grading);
  const was = before && before.type === after.type ? valueScore(before, a.value, a.lang, a.part, grading) : 0;
  const base = { questionId: after.id, value: a.value, lang: a.lang, version: a.version, ...(a.part ? { part: a.part } : {}) };
  if (after.type === 'cloze') return now > was && a.part ? { ...base, mode: 'add', credit: now - was } : null;
  return now > 0 ? { ...base, mode: 'max', credit: now } : null;
}

const parse = (text: string | null) => (text === null ? undefined : JSON.parse(text));

/** The answer's new score under a regrade, or null if the regrade does not touch it (another answer, no gain). */
export function rescore(r: Regrade, a: RegradedAnswer): number | null {
  const values = responseValues({
    type: a.type,
    response: parse(a.response) ?? null,
    normalized: parse(a.normalized),
    lang: a.lang ?? undefined,
  });
  const gave = values.some(
    (v) => v.value === r.value && (v.part ?? '') === (r.part ?? '') && (a.type === 'numerical' || (a.lang ?? '') === r.lang),
  );
  if (!gave) return null;
  const next = r.mode === 'max' ? Math.max(a.score, r.credit) : Math.min(1, a.score + r.credit);
  return next > a.score ? next : null;
}
