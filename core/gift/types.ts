/** Moved to core/formats/gift/types.ts; this path stays for files that still import it. */
export type { GiftImport, GiftOptions, GiftProblem } from '../formats/gift/types.ts';
