/** GIFT (Moodle) import and export of question sets. */
export { parseGift } from './parse.ts';
export { toGift, toGiftWithReport, type GiftExport, type GiftWriteOptions } from './write.ts';
export type { GiftImport, GiftOptions, GiftProblem } from './types.ts';
