import type { TFunction } from 'i18next';
import type { QuizLabels } from '../../web/quiz/types.ts';
import { contentLanguages } from '../services/content.ts';

/** A key of the `quiz` section of the reference locale: a misspelt one is a compile error. */
type QuizKey = keyof (typeof import('../../locales/en.json'))['quiz'];

/** The labels whose locale key is not their own name (`true` and `false` are not good property names). */
const RENAMED = { trueLabel: 'true', falseLabel: 'false' } as const satisfies Partial<Record<keyof QuizLabels, QuizKey>>;

/**
 * Every string label, each read from `quiz.<its name>` (or its RENAMED key). In the order the props carry
 * them: the islands' props are serialised into the page, so the order is part of the HTML.
 */
const LABELS = [
  'check',
  'fillGaps',
  'next',
  'finish',
  'correct',
  'partly',
  'wrong',
  'yourAnswer',
  'noAnswer',
  'solution',
  'explanation',
  'source',
  'readInLesson',
  'spelledAs',
  'caseHint',
  'expected',
  'missed',
  'chosenWrong',
  'chosenRight',
  'inOrder',
  'trueLabel',
  'falseLabel',
  'choose',
  'gap',
  'position',
  'positionOf',
  'matchFor',
  'numberHint',
  'notAnswered',
  'invalidNumber',
  'checking',
  'networkError',
  'scoreOf',
  'progress',
  'ungraded',
  'questionOf',
  'rightAnswer',
  'markRight',
  'markWrong',
  'inPlace',
  'belongsAt',
  'positionNone',
  'positionsProblem',
  'pairsProblem',
  'writtenAs',
  'misplaced',
  'showOrder',
  'showPairs',
  'rightOrder',
  'allInPlace',
  'open',
  'endingHint',
  'endingNone',
  'otherWord',
  'notAnsweredVerdict',
  // Each a label of QuizLabels and a locale key (or RENAMED): a misspelt or unknown name does not compile.
] as const satisfies ReadonlyArray<Exclude<keyof QuizLabels, 'lang' | 'languageNames'> & (QuizKey | keyof typeof RENAMED)>;

type LabelName = (typeof LABELS)[number];

const keyOf = (name: LabelName): QuizKey => (name in RENAMED ? RENAMED[name as keyof typeof RENAMED] : (name as QuizKey));

const cache = new Map<TFunction, QuizLabels>();

/** The quiz strings of one UI language, for server rendering and for the islands' props. */
export function quizLabels(t: TFunction): QuizLabels {
  let labels = cache.get(t);
  if (labels) return labels;
  // Placeholders such as {{n}} are filled in by the components, so they are passed through untouched here.
  const keep = { n: '{{n}}', total: '{{total}}', expected: '{{expected}}', item: '{{item}}', word: '{{word}}', ending: '{{ending}}' };
  const strings = Object.fromEntries(LABELS.map((name) => [name, String(t(`quiz.${keyOf(name)}`, keep))])) as Record<LabelName, string>;
  labels = {
    // getFixedT() gives its language as `lng`; English if a test hands in another kind of t.
    lang: (t as { lng?: string }).lng ?? 'en',
    ...strings,
    languageNames: Object.fromEntries(contentLanguages.map((l) => [l, t(`languages.${l}` as 'languages.de')])),
  } satisfies QuizLabels;
  cache.set(t, labels);
  return labels;
}
