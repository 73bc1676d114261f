import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreesWithSchema } from './quick-agreement.ts';
import type { z } from 'zod';
import { quickPathOf } from '../../worker/http/validate.ts';
import { LangQuery, pathId } from '../../worker/routes/api/schemas/common.ts';
import { AttemptBody, CheckBody, QuizQuery } from '../../worker/routes/api/schemas/quizzes.ts';

// A request schema's quick path (worker/http/validate.ts) holds to its schema (./quick-agreement.ts). Random values are built from the
// pieces that matter: right and wrong languages, seeds, ids, keys, types, counts.

/** Mostly values a schema takes, sometimes one it refuses. */
const mostly = <T>(good: T[], bad: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...good), weight: 3 }, { arbitrary: fc.constantFrom(...bad), weight: 1 });
const lang = mostly(['de', 'en', undefined], ['fr', 'DE', '']);
const seed = mostly(['k3v9x2ab', 'practice', 'a'.repeat(32), undefined], ['abc', 'ABCD1234', 'a'.repeat(33), 'k3v9 x2ab']);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
const id = fc.oneof(
  fc.string({ maxLength: 70 }),
  mostly(['china-1', 'x'.repeat(64), 'constructor', '7'], ['', 'x'.repeat(65), '__proto__']),
);
const extraKey = fc.constantFrom('extra', '__proto__', 'toString', 'Lang');

/** An object from optional entries (an `undefined` value leaves its key out), as `JSON.parse` would make it. */
const objectOf = (entries: [string, unknown][]) =>
  JSON.parse(JSON.stringify(Object.fromEntries(entries.filter(([, v]) => v !== undefined)))) as Record<string, unknown>;
const withExtra = (arb: fc.Arbitrary<[string, unknown][]>) =>
  fc
    .tuple(arb, fc.option(fc.tuple(extraKey, anyJson), { freq: 4 }))
    .map(([entries, extra]) => objectOf(extra ? [...entries, extra] : entries));

const responses = fc.oneof(
  fc.dictionary(id, anyJson, { maxKeys: 6 }),
  fc.integer({ min: 95, max: 105 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i}`, { choice: 'a' }]))),
  fc.constantFrom(null, [], 'china-1', 3),
);
const checkBodies = fc.oneof(
  withExtra(
    fc.tuple(id, anyJson, seed, lang).map(([q, r, s, l]) => [
      ['questionId', q],
      ['response', r],
      ['seed', s],
      ['lang', l],
    ]),
  ),
  fc.tuple(fc.integer(), anyJson, seed).map(([q, r, s]) =>
    objectOf([
      ['questionId', q],
      ['response', r],
      ['seed', s],
    ]),
  ),
  fc.constantFrom(null, [], 'text', 1, {}),
);
const attemptBodies = fc.oneof(
  withExtra(
    fc.tuple(responses, seed, lang).map(([r, s, l]) => [
      ['responses', r],
      ['seed', s],
      ['lang', l],
    ]),
  ),
  fc.constantFrom(null, [], 'text', 1, {}, JSON.parse('{"responses":{"__proto__":{"choice":"a"}}}')),
);
const queries = withExtra(
  fc.tuple(fc.oneof(lang, fc.constant(['de', 'en'])), fc.oneof(seed, fc.constant(['abcd', 'efgh']))).map(([l, s]) => [
    ['lang', l],
    ['seed', s],
  ]),
);
const params = fc.oneof(
  fc.tuple(fc.string(), fc.option(fc.string())).map(([v, other]) => (other === null ? { quizId: v } : { quizId: v, other })),
  fc.constant({}),
);

function holdsTo<T extends z.ZodType>(schema: T, values: fc.Arbitrary<unknown>) {
  const quick = quickPathOf(schema)!;
  expect(quick).toBeTypeOf('function');
  agreesWithSchema(quick, schema, values, 3000);
}

describe('the quick paths of the request schemas answer what zod answers', () => {
  it('CheckBody', () => holdsTo(CheckBody, checkBodies));
  it('AttemptBody', () => holdsTo(AttemptBody, attemptBodies));
  it('QuizQuery', () => holdsTo(QuizQuery, queries));
  it('LangQuery', () => holdsTo(LangQuery, queries));
  it('a path id', () => holdsTo(pathId('quizId', 'A quiz.', 'china'), params));
});
