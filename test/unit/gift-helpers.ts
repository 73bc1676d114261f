// Shared helpers for the GIFT parse tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import type { GiftImport, GiftOptions } from '../../core/formats/gift/types.ts';
import { setSchemas } from '../../core/sets/schema.ts';

/** A GIFT fixture's text. */
export const fixture = (name: string) => readFileSync(new URL(`../fixtures/gift/${name}`, import.meta.url), 'utf8');
/** English plain text in a course that teaches German and English. */
export const EN: GiftOptions = { lang: 'en', languages: ['de', 'en'] };

/** Parses a fixture and checks that it imports cleanly and validates against the set schema. */
export function imported(name: string, opts: GiftOptions = EN) {
  const result = parseGift(fixture(name), opts);
  expect(result.problems).toEqual([]);
  const parsed = setSchemas(result.set.languages).QuestionSet.safeParse(result.set);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 2));
  return { result, set: parsed.data, q: (id: string) => byId(result, id) };
}

/** One imported question by id (loosely typed: the tests look into any kind). */
export function byId(result: GiftImport, id: string): Record<string, any> {
  const q = result.set.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in ${result.set.questions.map((x) => x.id).join(', ')}`);
  return q as Record<string, any>;
}
