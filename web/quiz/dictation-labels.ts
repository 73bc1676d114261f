// The words of a dictation (player and feedback) in the UI language: the `dictation` section of the locales.
import type { TFunction } from 'i18next';
import type { DictationLabels, QuizLabels } from './types.ts';

export const DICTATION_KEYS = [
  'play',
  'playSlower',
  'noVoice',
  'show',
  'write',
  'words',
  'right',
  'misspelt',
  'ending',
  'missing',
  'extra',
  'shouldBe',
  'endingIs',
  'endingNone',
] as const satisfies ReadonlyArray<keyof DictationLabels>;

/**
 * The dictation labels of one UI language, read with the page's translate function (placeholders kept).
 * @example withDictation(labels, t) // on a page that shows questions
 */
export function dictationLabels(t: TFunction): DictationLabels {
  const keep = { n: '{{n}}', total: '{{total}}', ending: '{{ending}}' };
  const labels = {} as DictationLabels;
  for (const k of DICTATION_KEYS) labels[k] = String(t(`dictation.${k}`, keep));
  return labels;
}

/** The quiz labels with the dictation's added: the pages that show questions call this. */
export const withDictation = (labels: QuizLabels, t: TFunction): QuizLabels =>
  labels.dictation ? labels : { ...labels, dictation: dictationLabels(t) };

// Every label has its key: a label of DictationLabels missing from DICTATION_KEYS does not compile.
true satisfies Exclude<keyof DictationLabels, (typeof DICTATION_KEYS)[number]> extends never ? true : false;
