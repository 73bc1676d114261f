// Shared helpers for the GIFT round-trip tests (not a test file itself).
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGift } from '../../core/formats/gift/write.ts';
import { setSchemas, type QuestionSet } from '../../core/sets/schema.ts';

export const COURSE = ['de', 'en'] as const;
const schemaCache = new Map<string, ReturnType<typeof setSchemas>>();
/** The set schema for some languages (built once: building it is slow). */
export const schemaFor = (languages: readonly string[]) => {
  const key = languages.join();
  if (!schemaCache.has(key)) schemaCache.set(key, setSchemas(languages));
  return schemaCache.get(key)!.QuestionSet;
};

/** Writes a set, reads it back in its first language, and returns the validated result. */
export function roundTrip(set: QuestionSet) {
  const gift = toGift(set);
  const result = parseGift(gift, { lang: set.languages[0]!, languages: COURSE, ...(set.lesson ? { lesson: set.lesson } : {}) });
  if (result.problems.length) throw new Error(`${JSON.stringify(result.problems, null, 2)}\n---\n${gift}`);
  const parsed = schemaFor(result.set.languages).safeParse(result.set);
  if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues, null, 2)}\n---\n${gift}`);
  return { gift, back: parsed.data, result };
}
