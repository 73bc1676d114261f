/** Moved to core/formats/gift/ (one room per format); this path stays for files that still import it. */
export { parseGift } from '../formats/gift/parse.ts';
export { IMPORT_TYPO_TOLERANCE } from '../formats/gift/answer-block.ts';
export { choiceId } from '../formats/gift/answers.ts';
export { GAP_ID } from '../formats/gift/kinds/missing-word.ts';
export { BLANK } from '../formats/gift/question-block.ts';
