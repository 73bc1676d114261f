// Our imported question seen as Moodle's importer describes its result (qtype, answers, fractions, feedback,
// tolerances), so that fixture tests can state Moodle's own expected values (giftformat_test.php, examples.txt).
// Not a test file itself.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import type { GiftImport } from '../../core/formats/gift/types.ts';
import { isSimpleGap, type Question } from '../../core/quiz/schema.ts';
import { setSchemas, type QuestionSet } from '../../core/sets/schema.ts';

type In = Question;
type Text = Readonly<Record<string, string>> | undefined;

/** What Moodle's `readquestion` returns for one question, in the fields its tests check. */
export interface MoodleView {
  name?: string;
  qtype: string;
  questiontext: string;
  generalfeedback?: string;
  single?: 0 | 1;
  answer?: Array<string | number>;
  fraction?: number[];
  feedback?: string[];
  tolerance?: Array<number | ''>;
  correctanswer?: 0 | 1;
  feedbacktrue?: string;
  feedbackfalse?: string;
  subquestions?: string[];
  subanswers?: string[];
}

// Moodle keeps a [moodle] text's line breaks as "\n" (shown as <br>); we store <br>. Compared as Moodle shows them.
const shown = (t: string | undefined) => (t ?? '').replace(/<br>/g, '\n');
const en = (t: Text) => shown(t?.en);
const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** The question as Moodle's importer would describe it (English texts). */
export function moodleView(q: In): MoodleView {
  const head = {
    ...(q.title ? { name: q.title } : {}),
    questiontext: en(q.prompt),
    ...(q.explanation ? { generalfeedback: en(q.explanation) } : {}),
  };
  switch (q.type) {
    case 'single':
      return {
        ...head,
        qtype: 'multichoice',
        single: 1,
        answer: q.choices.map((c) => en(c.text)),
        fraction: q.choices.map((c) => (c.correct ? 1 : (c.credit ?? 0))),
        feedback: q.choices.map((c) => en(c.feedback)),
      };
    case 'multiple':
      return {
        ...head,
        qtype: 'multichoice',
        single: 0,
        answer: q.choices.map((c) => en(c.text)),
        fraction: q.choices.map((c) => c.weight),
        feedback: q.choices.map((c) => en(c.feedback)),
      };
    case 'short':
      return {
        ...head,
        qtype: 'shortanswer',
        answer: q.answers.en!.map((a) => a.text),
        fraction: q.answers.en!.map((a) => a.weight ?? 1),
        feedback: q.answers.en!.map((a) => shown(a.feedback)),
      };
    case 'truefalse': {
      // Moodle: feedbacktrue is shown when the learner answers "true", whichever is right.
      const right = en(q.feedback?.right);
      const wrong = en(q.feedback?.wrong);
      return {
        ...head,
        qtype: 'truefalse',
        correctanswer: q.answer ? 1 : 0,
        feedbacktrue: q.answer ? right : wrong,
        feedbackfalse: q.answer ? wrong : right,
      };
    }
    case 'match':
      return {
        ...head,
        qtype: 'match',
        subquestions: [...q.pairs.map((p) => en(p.left)), ...(q.distractors ?? []).map(() => '')],
        subanswers: [...q.pairs.map((p) => en(p.right)), ...(q.distractors ?? []).map((d) => en(d))],
      };
    case 'numerical': {
      // Moodle stores a range min..max as its middle with a tolerance, and ~# as a "*" answer worth 0.
      type V = { answer?: number | undefined; tolerance?: number | undefined; min?: number | undefined; max?: number | undefined };
      const ans = (v: V) => (v.answer !== undefined ? v.answer : round((v.min! + v.max!) / 2));
      const tol = (v: V) => (v.answer !== undefined ? (v.tolerance ?? 0) : round((v.max! - v.min!) / 2));
      const all = [{ ...q, weight: 1, feedback: en(q.answerFeedback) }, ...(q.alternatives ?? [])];
      const other = q.otherFeedback ? [{ answer: '*' as const, weight: 0, feedback: en(q.otherFeedback) }] : [];
      return {
        ...head,
        qtype: 'numerical',
        answer: [...all.map(ans), ...other.map((o) => o.answer)],
        tolerance: [...all.map(tol), ...other.map(() => '' as const)],
        fraction: [...all.map((a) => a.weight ?? 1), ...other.map((o) => o.weight)],
        feedback: [...all.map((a) => shown(a.feedback)), ...other.map((o) => o.feedback)],
      };
    }
    case 'cloze': {
      // A missing-word question we keep as a one-gap cloze: Moodle's multichoice (options) or shortanswer.
      const g = q.gaps[0]!;
      if (q.gaps.length !== 1 || !isSimpleGap(g)) return { ...head, qtype: 'multianswer' };
      const accepted = g.answers.en!;
      if (g.options)
        return {
          ...head,
          qtype: 'multichoice',
          single: 1,
          answer: g.options.en!,
          fraction: g.options.en!.map((o) => (accepted.includes(o) ? 1 : 0)),
          feedback: g.options.en!.map(() => ''),
        };
      return { ...head, qtype: 'shortanswer', answer: accepted, fraction: accepted.map(() => 1), feedback: accepted.map(() => '') };
    }
    case 'essay':
      return { ...head, qtype: 'essay' };
    default:
      return { ...head, qtype: q.type };
  }
}

/** Reads GIFT in English as a set import does; `set` is the result validated by the one set schema. */
export function importGift(src: string): GiftImport & { valid: QuestionSet } {
  const result = parseGift(src, { lang: 'en', languages: ['en'] });
  const parsed = setSchemas(result.set.languages).QuestionSet.safeParse(result.set);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return { ...result, valid: parsed.data! };
}

/** The one question of a GIFT text as Moodle's importer would describe it; no problems, no warnings. */
export function moodleOne(src: string): MoodleView {
  const result = importGift(src);
  expect(result.problems).toEqual([]);
  expect(result.warnings).toEqual([]);
  expect(result.valid.questions).toHaveLength(1);
  return moodleView(result.valid.questions[0]!);
}

/** A fixture file's text. */
export const giftFixture = (name: string) => readFileSync(new URL(`../fixtures/gift/${name}`, import.meta.url), 'utf8');
