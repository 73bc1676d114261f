/** Moved to core/formats/gift/; this path stays for files that still import it. */
export * from '../formats/gift/index.ts';
