/**
 * Finds glossary terms in a sentence. A form may have parts separated by " … " for separable verbs and
 * phrases that the sentence splits ("sieht … vor", "in den Fokus … rücken"): the parts must appear in that
 * order in the same sentence, each at word boundaries, and all of them are marked as one term.
 */
export interface TermSpan {
  start: number;
  end: number;
  entryId: string;
}

export interface Segment {
  text: string;
  /** The glossary entry this piece of text belongs to, if any. */
  term?: string;
}

export const SPLIT = ' … ';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordAt = (part: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'gu');

/**
 * The occurrence of a later part after `from`. A split-off prefix stands at the end of its clause
 * ("läutet ein neues Zeitalter ein."), so an occurrence before punctuation wins over an earlier one.
 */
function laterPart(text: string, part: string, from: number): [number, number] | undefined {
  const re = wordAt(part);
  re.lastIndex = from;
  let first: [number, number] | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span: [number, number] = [m.index, m.index + m[0].length];
    if (/^\s*([,.;:!?)]|$)/.test(text.slice(span[1]))) return span;
    first ??= span;
  }
  return first;
}

/** Every match of one form in `text`: a list of spans per match (one span per part). */
export function matchForm(text: string, form: string): Array<Array<[number, number]>> {
  const parts = form
    .split(SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  const matches: Array<Array<[number, number]>> = [];
  for (const first of text.matchAll(wordAt(parts[0]!))) {
    const spans: Array<[number, number]> = [[first.index, first.index + first[0].length]];
    let from = spans[0]![1];
    for (const part of parts.slice(1)) {
      const next = laterPart(text, part, from);
      if (!next) break;
      spans.push(next);
      from = next[1];
    }
    if (spans.length === parts.length) matches.push(spans);
  }
  return matches;
}

/** Non-overlapping term spans in `text`, earliest and then longest match first. */
export function findTerms(text: string, entries: readonly { id: string; forms: readonly string[] }[]): TermSpan[] {
  const candidates: Array<{ entryId: string; spans: Array<[number, number]>; length: number }> = [];
  for (const entry of entries)
    for (const form of entry.forms)
      for (const spans of matchForm(text, form))
        candidates.push({ entryId: entry.id, spans, length: spans.reduce((n, [s, e]) => n + e - s, 0) });
  candidates.sort((a, b) => a.spans[0]![0] - b.spans[0]![0] || b.length - a.length);
  const taken: TermSpan[] = [];
  const overlaps = ([s, e]: [number, number]) => taken.some((t) => s < t.end && t.start < e);
  for (const c of candidates) {
    if (c.spans.some(overlaps)) continue;
    for (const [start, end] of c.spans) taken.push({ start, end, entryId: c.entryId });
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Cuts `text` into plain and term segments for rendering. */
export function segment(text: string, spans: readonly TermSpan[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({ text: text.slice(span.start, span.end), term: span.entryId });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
