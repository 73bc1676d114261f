// The one property every quick reading before zod must hold (worker/http/validate.ts, core/quiz/response-quick.ts):
// for every value it reads it answers exactly what zod answers, as new objects, changing nothing it was given;
// and it reads every value zod accepts, but for a `__proto__` key, which it leaves to zod. So a request is
// answered and refused the same whichever path took it.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

const hasProtoKey = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && Object.keys(v).some((k) => k === '__proto__' || hasProtoKey((v as Record<string, unknown>)[k]));

/** Checks `read` against `schema` over `values`; it must have read more than 100 of them (the usual requests). */
export function agreesWithSchema(
  read: (value: unknown) => unknown,
  schema: z.ZodType,
  values: fc.Arbitrary<unknown>,
  numRuns: number,
): void {
  let recognised = 0;
  fc.assert(
    fc.property(values, (value) => {
      const before = structuredClone(value);
      const answer = read(value);
      const parsed = schema.safeParse(value);
      expect(value, 'the quick reading changes nothing it is given').toEqual(before);
      if (answer !== undefined) {
        recognised++;
        expect(parsed.success).toBe(true);
        // Keys in zod's order too, so that anything serialising the value writes it the same.
        expect(JSON.stringify(answer)).toBe(JSON.stringify(parsed.data));
        expect(answer).toEqual(parsed.data); // (not toStrictEqual: a `constructor` key's value would be taken for a class)
        // New arrays and objects, as zod makes them: the caller may keep what it was given.
        if (typeof value === 'object' && value !== null) expect(answer).not.toBe(value);
      } else if (!hasProtoKey(value)) expect(parsed.success, JSON.stringify(value)).toBe(false);
    }),
    { numRuns },
  );
  expect(recognised, 'the quick reading recognises the usual requests').toBeGreaterThan(100);
}
