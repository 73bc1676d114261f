// Attempt ids (worker/stores/keys.ts): time-ordered, and six random bytes each, drawn from the CSPRNG in blocks.
import { describe, expect, it } from 'vitest';
import { newAttemptId } from '../../worker/stores/keys.ts';

describe('newAttemptId', () => {
  it('gives ids that sort by time and never repeat, across many blocks of randomness', () => {
    const at = Date.parse('2026-12-07T10:00:00Z');
    const ids = Array.from({ length: 5_000 }, () => newAttemptId(at));
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Each byte value shows up in the random tails: the hex table covers 00 to ff.
    const bytes = new Set(ids.flatMap((id) => id.slice(10).match(/../g)!));
    expect(bytes.size).toBe(256);
    expect(newAttemptId(at) < newAttemptId(at + 1)).toBe(true);
    expect([newAttemptId(at + 60_000), newAttemptId(at)].sort()[0]!.startsWith(at.toString(36).padStart(9, '0'))).toBe(true);
  });
});
