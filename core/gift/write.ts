/** Moved to core/formats/gift/write.ts (one room per format); this path stays for files that still import it. */
export { escapeGift, toGift, toGiftWithReport, type GiftExport, type GiftWriteOptions } from '../formats/gift/write.ts';
export { percent } from '../formats/shared/weights.ts';
