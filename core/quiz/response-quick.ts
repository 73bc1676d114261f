import type { AnyResponse } from './response.ts';
import type { QuestionType } from './schema.ts';

// A plain-TypeScript reading of `ResponseSchemas` (./response.ts) for the responses learners send: zod runs
// interpreted in workerd (it may not compile its parsers there), and an attempt parses one response a
// question. Each reader answers exactly zod's output (new objects and arrays, as zod builds them) or
// `undefined`, and then zod parses and words the problems as always. test/unit/response-quick.test.ts
// holds every reader to its schema.

const KEY_MAX = 64;
const LIST_MAX = 20;

const isKey = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= KEY_MAX;

/** A JSON object (what `JSON.parse` makes of `{…}`), not an array, null or another class. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** The value of a strict object's one key, or undefined when `v` is not an object with exactly that key. */
function only(v: unknown, key: string): unknown {
  if (!isObject(v) || !Object.hasOwn(v, key)) return undefined;
  for (const k in v) if (k !== key) return undefined;
  return v[key];
}

/** A copy of a list of at most 20 keys (`z.array(Key).max(20)`). */
function keys(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > LIST_MAX) return undefined;
  for (const k of v) if (!isKey(k)) return undefined;
  return v.slice();
}

/** A copy of a record by key (`z.record(Key, …)`); a `__proto__` key, which zod leaves out, is left to zod. */
function record<T>(v: unknown, value: (x: unknown) => T | undefined): Record<string, T> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, T> = {};
  for (const k in v) {
    if (!isKey(k) || k === '__proto__') return undefined;
    const x = value(v[k]);
    if (x === undefined) return undefined;
    out[k] = x;
  }
  return out;
}

const text = (max: number) => (v: unknown) => (typeof v === 'string' && v.length <= max ? v : undefined);
const shortText = text(500);

const readers: { [T in QuestionType]: (raw: unknown) => AnyResponse | undefined } = {
  single: (raw) => {
    const choice = only(raw, 'choice');
    return isKey(choice) ? { choice } : undefined;
  },
  multiple: (raw) => {
    const choices = keys(only(raw, 'choices'));
    return choices && { choices };
  },
  truefalse: (raw) => {
    const value = only(raw, 'value');
    return typeof value === 'boolean' ? { value } : undefined;
  },
  short: (raw) => {
    const t = shortText(only(raw, 'text'));
    return t === undefined ? undefined : { text: t };
  },
  cloze: (raw) => {
    const gaps = record(only(raw, 'gaps'), (g) => (typeof g === 'string' ? shortText(g) : keys(g)));
    return gaps && { gaps };
  },
  match: (raw) => {
    const pairs = record(only(raw, 'pairs'), (k) => (isKey(k) ? k : undefined));
    return pairs && { pairs };
  },
  order: (raw) => {
    const order = keys(only(raw, 'order'));
    return order && { order };
  },
  numerical: (raw) => {
    const n = only(raw, 'number');
    return typeof n === 'number' && Number.isFinite(n) ? { number: n } : undefined;
  },
  essay: (raw) => {
    const t = text(10_000)(only(raw, 'text'));
    return t === undefined ? undefined : { text: t };
  },
  dictation: (raw) => {
    const t = text(1_000)(only(raw, 'text'));
    return t === undefined ? undefined : { text: t };
  },
};

/** `raw` read as a response of `type` exactly as `ResponseSchemas[type]` would parse it, or undefined: ask zod. */
export const quickResponse = (type: QuestionType, raw: unknown): AnyResponse | undefined => readers[type](raw);
