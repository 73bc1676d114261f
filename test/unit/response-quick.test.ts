import fc from 'fast-check';
import { describe, it } from 'vitest';
import { agreesWithSchema } from './quick-agreement.ts';
import { quickResponse } from '../../core/quiz/response-quick.ts';
import { ResponseSchemas } from '../../core/quiz/response.ts';
import type { QuestionType } from '../../core/quiz/schema.ts';

// The quick reading of a response (core/quiz/response-quick.ts) holds to its zod schema (./quick-agreement.ts),
// so that a response is graded and refused the same whichever path read it.

const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 1 });
const key = mostly(fc.constantFrom('k7f2', 'a', 'x'.repeat(64), '0', 'constructor'), fc.constantFrom('', 'x'.repeat(65), '__proto__'));
const str = (max: number) => mostly(fc.string({ maxLength: 40 }), fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), ''));
const keyList = fc.oneof(
  fc.array(key, { maxLength: 4 }),
  fc.integer({ min: 18, max: 22 }).map((n) => Array.from({ length: n }, (_, i) => `k${i}`)),
);
const recordOf = (value: fc.Arbitrary<unknown>) => fc.array(fc.tuple(key, value), { maxLength: 4 }).map((e) => Object.fromEntries(e));
const other = fc.oneof(fc.constantFrom(null, true, false, 0, 1.5, -3, [], {}, 'text'), fc.jsonValue({ maxDepth: 2 }));

const values: { [T in QuestionType]: [string, fc.Arbitrary<unknown>] } = {
  single: ['choice', key],
  multiple: ['choices', keyList],
  truefalse: ['value', fc.boolean()],
  short: ['text', str(500)],
  cloze: ['gaps', recordOf(fc.oneof(str(500), keyList))],
  match: ['pairs', recordOf(key)],
  order: ['order', keyList],
  numerical: ['number', fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer())],
  essay: ['text', str(10_000)],
  dictation: ['text', str(1_000)],
};

/** A response as `JSON.parse` makes it: mostly the type's own key and value, sometimes another key, value or shape. */
const responses = ([name, value]: [string, fc.Arbitrary<unknown>]) =>
  fc
    .oneof(
      { arbitrary: value.map((v) => ({ [name]: v })), weight: 4 },
      {
        arbitrary: fc
          .tuple(value, fc.constantFrom('extra', '__proto__', 'text', 'choice'), other)
          .map(([v, k, o]) => ({ [name]: v, [k]: o })),
        weight: 1,
      },
      { arbitrary: other.map((o) => ({ [name]: o })), weight: 1 },
      { arbitrary: other, weight: 1 },
    )
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('the quick reading of a response answers what its zod schema answers', () => {
  for (const type of Object.keys(values) as QuestionType[]) {
    it(type, () => agreesWithSchema((raw) => quickResponse(type, raw), ResponseSchemas[type], responses(values[type]), 2000));
  }
});
