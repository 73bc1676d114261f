// Moodle's Cloze type codes (qtype_multianswer) as the reader knows them.

/** Each type code with what it means: the gap kind, layout, shuffling, case. */
export type ClozeType =
  | { kind: 'typed'; caseSensitive?: boolean }
  | { kind: 'numerical' }
  | { kind: 'single' | 'multi'; display: 'select' | 'vertical' | 'horizontal'; shuffle?: boolean };

/** The type of a choice gap: one pick or several, its layout, whether it is shuffled. */
export type ChoiceType = Extract<ClozeType, { kind: 'single' | 'multi' }>;

export const CLOZE_TYPES: Record<string, ClozeType> = {
  SHORTANSWER: { kind: 'typed' },
  SA: { kind: 'typed' },
  MW: { kind: 'typed' },
  SHORTANSWER_C: { kind: 'typed', caseSensitive: true },
  SAC: { kind: 'typed', caseSensitive: true },
  MWC: { kind: 'typed', caseSensitive: true },
  NUMERICAL: { kind: 'numerical' },
  NM: { kind: 'numerical' },
  MULTICHOICE: { kind: 'single', display: 'select' },
  MC: { kind: 'single', display: 'select' },
  MULTICHOICE_S: { kind: 'single', display: 'select', shuffle: true },
  MCS: { kind: 'single', display: 'select', shuffle: true },
  MULTICHOICE_V: { kind: 'single', display: 'vertical' },
  MCV: { kind: 'single', display: 'vertical' },
  MULTICHOICE_VS: { kind: 'single', display: 'vertical', shuffle: true },
  MCVS: { kind: 'single', display: 'vertical', shuffle: true },
  MULTICHOICE_H: { kind: 'single', display: 'horizontal' },
  MCH: { kind: 'single', display: 'horizontal' },
  MULTICHOICE_HS: { kind: 'single', display: 'horizontal', shuffle: true },
  MCHS: { kind: 'single', display: 'horizontal', shuffle: true },
  MULTIRESPONSE: { kind: 'multi', display: 'vertical' },
  MR: { kind: 'multi', display: 'vertical' },
  MULTIRESPONSE_S: { kind: 'multi', display: 'vertical', shuffle: true },
  MRS: { kind: 'multi', display: 'vertical', shuffle: true },
  MULTIRESPONSE_H: { kind: 'multi', display: 'horizontal' },
  MRH: { kind: 'multi', display: 'horizontal' },
  MULTIRESPONSE_HS: { kind: 'multi', display: 'horizontal', shuffle: true },
  MRHS: { kind: 'multi', display: 'horizontal', shuffle: true },
};

/** The start of an embedded answer after its `{`: Moodle's `([0-9]*):(TYPE):` (capitals, as Moodle reads it). */
export const CLOZE_START = new RegExp(`^([0-9]*):(${Object.keys(CLOZE_TYPES).join('|')}):`);
