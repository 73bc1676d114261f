import { describe, expect, it } from 'vitest';
import { summaryOf, type AttemptRecord } from '../../core/progress/attempt-record.ts';
import { decodeSummary, encodeSummary, META_LIMIT_BYTES, META_TITLE_CHARS } from '../../worker/stores/attempt-meta.ts';

// The KV progress store's encoding of an attempt summary (worker/stores/attempt-meta.ts): what stored data
// looks like, so these tests pin the short keys that KV already holds.

const record = (missed: number, over: Partial<AttemptRecord> = {}): AttemptRecord => ({
  id: 'x',
  quizId: 'final',
  kind: 'final',
  version: 'v1',
  lang: 'de',
  seed: 'abcd',
  createdAt: '2026-11-29T10:00:00.000Z',
  score: 0,
  max: missed,
  questions: Array.from({ length: missed }, (_, i) => ({
    id: `a-very-long-question-identifier-${i}`,
    prompt: 'p',
    response: null,
    score: 0,
  })),
  ...over,
});
const metaOf = (r: AttemptRecord) => encodeSummary(summaryOf(r));

describe('encodeSummary', () => {
  it('lists the missed questions and the time', () => {
    expect(metaOf(record(2))).toMatchObject({
      q: 'final',
      k: 'f',
      s: 0,
      m: 2,
      t: Date.parse('2026-11-29T10:00:00.000Z'),
      x: ['a-very-long-question-identifier-0', 'a-very-long-question-identifier-1'],
    });
  });

  it('always fits the 1024-byte KV metadata limit', () => {
    const m = metaOf(record(100));
    expect(new TextEncoder().encode(JSON.stringify(m)).length).toBeLessThanOrEqual(META_LIMIT_BYTES);
    expect(m.x.length).toBeGreaterThan(10);
    expect(m.m).toBe(100);
  });

  it('keeps a set title, cut to its limit', () => {
    const m = metaOf(record(1, { kind: 'set', quizId: 's-abc', title: 'T'.repeat(200) }));
    expect(m).toMatchObject({ k: 's', n: 'T'.repeat(META_TITLE_CHARS) });
  });
});

describe('decodeSummary', () => {
  it('gives back the summary encoded, in domain words', () => {
    const r = record(2, { kind: 'set', quizId: 's-abc', title: 'Ein Set', score: 1.5 });
    expect(decodeSummary(metaOf(r))).toEqual(summaryOf(r));
    expect(decodeSummary({ q: 'alliance', k: 'l', v: '1', s: 1, m: 2, t: 0, x: [] })).toEqual({
      quizId: 'alliance',
      kind: 'lesson',
      version: '1',
      score: 1,
      max: 2,
      createdAt: '1970-01-01T00:00:00.000Z',
      missed: [],
    });
  });

  it('answers null for metadata it cannot read, rather than failing on old data', () => {
    for (const m of [
      null,
      undefined,
      {},
      { q: 'a', k: 'x', t: 1 },
      { q: 'a', k: 'l' },
      { q: 'a', k: 'l', t: Number.NaN },
      { k: 'l', t: 1 },
    ])
      expect(decodeSummary(m as never), JSON.stringify(m)).toBeNull();
  });
});
