// The checks that the quick paths of the request schemas are made of (worker/http/validate.ts: a quick path
// answers zod's output for the requests it recognises, `undefined` for any other, which zod then parses).
import { SEED_PATTERN } from '../../../../core/quiz/random.ts';
import { contentLanguages } from '../../../services/content.ts';

export { isObject } from '../../../../core/quiz/response-quick.ts';

/** Absent, or a content language (`Lang`). */
export const okLang = (v: unknown) => v === undefined || (typeof v === 'string' && contentLanguages.includes(v));

/** Absent, or a seed (`Seed`). */
export const okSeed = (v: unknown) => v === undefined || (typeof v === 'string' && SEED_PATTERN.test(v));

/** Whether every key of `v` is one of `keys` (a strict object's rule). */
export function onlyKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key in v) if (!keys.includes(key)) return false;
  return true;
}
