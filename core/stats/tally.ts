// Response frequencies, counted where the rows are (inside the ledger), so a report moves counts, not rows.
import { fold } from '../quiz/normalize.ts';

/** One stored answer as the tally reads it. */
export interface TallyAnswer {
  type: string;
  response: unknown;
  /** Typed answers as the grader normalised them: one per field (short, numerical) or per gap (cloze, in key order). */
  normalized?: readonly string[] | undefined;
  /** The content language the attempt was answered in (typed answers differ by language). */
  lang?: string | undefined;
}

/** How often one response (one choice, one typed text, one pair) was given. */
export interface Tally {
  /** The gap (cloze) or left item (match) the value belongs to. */
  part?: string;
  /** A choice id, `true`/`false`, a typed text, a number, a right-item id, or an order of item ids. */
  value: string;
  /** Typed answers only: their language. */
  lang?: string;
  count: number;
}

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The values one answer counts toward: a multiple-response answer counts once for each chosen choice. */
export function responseValues(a: TallyAnswer): Array<Omit<Tally, 'count'>> {
  const r = rec(a.response);
  const typed = (raw: unknown, i: number) => a.normalized?.[i] ?? fold(String(raw ?? ''));
  const lang = a.lang ? { lang: a.lang } : {};
  switch (a.type) {
    case 'single':
      return typeof r.choice === 'string' ? [{ value: r.choice }] : [];
    case 'multiple':
      return Array.isArray(r.choices) ? [...new Set(r.choices.map(String))].map((value) => ({ value })) : [];
    case 'truefalse':
      return typeof r.value === 'boolean' ? [{ value: String(r.value) }] : [];
    case 'short':
      return typeof r.text === 'string' && r.text.trim() ? [{ value: typed(r.text, 0), ...lang }] : [];
    case 'numerical':
      return typeof r.number === 'number' ? [{ value: String(r.number) }] : [];
    case 'cloze':
      return Object.entries(rec(r.gaps)).flatMap(([part, text], i) =>
        String(text ?? '').trim() ? [{ part, value: typed(text, i), ...lang }] : [],
      );
    case 'match':
      return Object.entries(rec(r.pairs)).map(([part, right]) => ({ part, value: String(right) }));
    case 'order':
      return Array.isArray(r.order) && r.order.length ? [{ value: r.order.map(String).join(' ') }] : [];
    default:
      return []; // essays are free text for the instructor to read, not a frequency
  }
}

const cmp = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The default locale's collation, as `localeCompare` without arguments uses it, made once when the module loads:
 * `localeCompare` sets up ICU's collator on its first call (about 6 ms, measured in the first report of a ledger).
 */
const collate = new Intl.Collator().compare;

/** Most frequent first, then by value, gap and language: one order however the counts were gathered. */
export const tallyOrder = (a: Tally, b: Tally) =>
  b.count - a.count || collate(a.value, b.value) || cmp(a.value, b.value) || cmp(a.part, b.part) || cmp(a.lang, b.lang);

/** Counts the responses to one question, most frequent first. */
export class ResponseTally {
  private readonly counts = new Map<string, Tally>();

  add(a: TallyAnswer) {
    for (const v of responseValues(a)) {
      const key = `${v.part ?? ''}\u0000${v.lang ?? ''}\u0000${v.value}`;
      const hit = this.counts.get(key);
      if (hit) hit.count++;
      else this.counts.set(key, { ...v, count: 1 });
    }
  }

  rows(): Tally[] {
    return [...this.counts.values()].sort(tallyOrder);
  }
}
