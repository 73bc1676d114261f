// Where Moodle's quiz statistics would make an author look again, as codes the page puts into plain words.

/** What a flag needs to know about a question. */
export interface FlagInput {
  n: number;
  facility: number | null;
  discriminationIndex: number | null;
  responses: ReadonlyArray<{ text: string; count: number; score: number | null; typed: boolean }>;
}

export type Flag = { code: 'easy' | 'hard' | 'negative' | 'weak' } | { code: 'unchosen'; text: string };

/** Moodle's report shades discrimination below this as weak; facility outside 10–90 % as too hard or easy. */
export const THRESHOLDS = { weakDiscrimination: 0.15, easy: 0.9, hard: 0.1 } as const;

/** The flags of one question: none without attempts. */
export function flagsOf(q: FlagInput): Flag[] {
  if (q.n === 0) return [];
  const flags: Flag[] = [];
  if (q.facility !== null && q.facility > THRESHOLDS.easy) flags.push({ code: 'easy' });
  if (q.facility !== null && q.facility < THRESHOLDS.hard) flags.push({ code: 'hard' });
  const d = q.discriminationIndex;
  if (d !== null && d < 0) flags.push({ code: 'negative' });
  else if (d !== null && d < THRESHOLDS.weakDiscrimination) flags.push({ code: 'weak' });
  for (const r of q.responses) if (!r.typed && r.count === 0 && (r.score ?? 0) <= 0) flags.push({ code: 'unchosen', text: r.text });
  return flags;
}
