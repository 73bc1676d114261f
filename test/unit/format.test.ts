import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatNumber, formatPercent, MAX_FORMATTED } from '../../web/format.ts';

// web/format.ts remembers each formatter's answers: these show that a remembered answer is always the one Intl
// gives for that language and value, also for -0 and once the memo has started over.
const percent = (lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });

describe('formatting in the UI language (answers remembered)', () => {
  it('answers as Intl does, per language and value, asked twice', () => {
    for (let round = 0; round < 2; round++)
      for (const lang of ['en', 'de'])
        for (const share of [0, 0.285, 0.645, 1 / 3, 0.995, 1, -0]) expect(formatPercent(lang, share)).toBe(percent(lang).format(share));
    expect(formatPercent('de', 0.64)).toBe(percent('de').format(0.64));
    expect(formatPercent('en', -0)).toBe('-0%');
    expect(formatPercent('en', 0)).toBe('0%');
    expect(formatNumber('de', 4.7)).toBe('4,7');
    expect(formatNumber('en', 4.7)).toBe('4.7');
    expect(formatDay('en', '2026-12-01')).toBe('Dec 1');
    expect(formatDay('de', '2026-12-01')).toBe(
      new Intl.DateTimeFormat('de', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(2026, 11, 1, 12)),
    );
    const at = Date.UTC(2026, 11, 1, 9, 30);
    expect(formatDateTime('en', at)).toBe(formatDateTime('en', new Date(at)));
    expect(formatDateTime('en', at)).toContain('UTC');
  });

  it('keeps answering right after more distinct values than it remembers', () => {
    for (let i = 0; i <= MAX_FORMATTED + 10; i++)
      expect(formatNumber('en', i / 100)).toBe(new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(i / 100));
    expect(formatNumber('en', 0.5)).toBe('0.5');
  });
});
