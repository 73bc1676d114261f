// Response rows as an instructor reads them: tallies (authoring keys and typed texts) joined with the question's text.
import { pick as pickStored } from '../content/localized.ts';
import { plainText } from '../formats/shared/rich-text.ts';
import { grade, ResponseError } from '../quiz/grade.ts';
import type { Grading } from '../quiz/grading.ts';
import { assertNever } from '../quiz/kinds/assert-never.ts';
import { leftId } from '../quiz/learner.ts';
import { gapChoiceKey } from '../quiz/kinds/cloze-gaps.ts';
import { answerOf, offeredRights, rightKey } from '../quiz/kinds/match.ts';
import { itemKey } from '../quiz/kinds/order.ts';
import { AUTHORING_IDS } from '../quiz/public-ids.ts';
import type { AnyResponse } from '../quiz/response.ts';
import type { Question, QuestionOf } from '../quiz/schema.ts';
import { legacyToKey } from './legacy-ids.ts';
import type { Tally } from './tally.ts';

/** A text of the question in the quiz language, as plain words (instructor text may carry safe markup). */
const pick = (text: Record<string, string>, lang: string) => plainText(pickStored(text, lang));

export interface ResponseRow {
  /** The response in the quiz language: a choice's text, `true`/`false`, a typed text, a pair, an order. */
  text: string;
  count: number;
  /** What this response scores now (0..1; a multiple-response choice its weight, which may be negative). */
  score: number | null;
  /** A typed answer (short, cloze gap, numerical): one an instructor of a set may accept. */
  typed: boolean;
  /** The gap of a cloze row. */
  part?: string;
  /** The language a typed answer was given in. */
  lang?: string;
  /** The stored value (typed text, number) as the ledger counted it. */
  value: string;
}

/** How a report re-scores responses: by the set's rule for typed answers (German-aware when absent). */
export interface RowOptions {
  grading?: Grading | undefined;
}

/**
 * The score the question gives a response now, or null if the response no longer fits it (an edited set).
 * Ledger responses name choices and items by their authoring keys, so they are graded with those as ids.
 */
function scoreNow(q: Question, response: AnyResponse, lang: string, opts: RowOptions, part?: string): number | null {
  try {
    const g = grade(q, response, lang, { ids: AUTHORING_IDS, ...(opts.grading ? { grading: opts.grading } : {}) });
    if (!part) return g.score;
    const item = g.items.find((i) => i.kind === 'gap' && i.gap === part);
    return item && item.kind === 'gap' ? (item.accepted ? 1 : 0) : null;
  } catch (e) {
    if (e instanceof ResponseError) return null;
    throw e;
  }
}

/** Typed answers are graded in their own language if the question still has it, else in the quiz language. */
function typedLang(q: Question, t: Tally, lang: string): string {
  return t.lang && typeof q.prompt[t.lang] === 'string' ? t.lang : lang;
}

const choiceGap = (q: Question, part: string | undefined) =>
  q.type === 'cloze' ? q.gaps.find((g) => g.id === part && (g.kind === 'single' || g.kind === 'multi')) : undefined;

/**
 * The tallies with every id read as its authoring key (rows recorded before issue 17 hold old public ids) and
 * counts of the same response added up, so old and new attempts count together.
 */
export function talliesInKeys(q: Question, tallies: readonly Tally[]): Tally[] {
  const toKey = legacyToKey(q);
  const value = (t: Tally) => {
    if (q.type === 'single' || q.type === 'multiple' || q.type === 'match') return toKey(t.value);
    if (q.type === 'order') return t.value.split(' ').map(toKey).join(' ');
    return choiceGap(q, t.part) ? toKey(t.value) : t.value;
  };
  const merged = new Map<string, Tally>();
  for (const t of tallies) {
    const v = value(t);
    const slot = `${t.part ?? ''}\u0000${t.lang ?? ''}\u0000${v}`;
    const hit = merged.get(slot);
    if (hit) hit.count += t.count;
    else merged.set(slot, { ...t, value: v });
  }
  return [...merged.values()];
}

/** What a typed row shows: the text, or for a cloze choice gap the text of the choice its key names. */
function typedText(q: Question, t: Tally, lang: string): string {
  const gap = choiceGap(q, t.part);
  const choice = gap && 'choices' in gap ? gap.choices.find((c) => gapChoiceKey(gap, c.id) === t.value) : undefined;
  return choice ? pick(choice.text, lang) : t.value;
}

/**
 * One row per choice for choice questions (a distractor nobody chose has count 0), the two values for
 * true/false, and the distinct typed responses (most frequent first) for short, cloze and numerical.
 */
export function responseRows(q: Question | undefined, stored: readonly Tally[], lang: string, opts: RowOptions = {}): ResponseRow[] {
  const tallies = q ? talliesInKeys(q, stored) : stored;
  if (!q) return tallies.map((t) => ({ text: t.value, count: t.count, score: null, typed: false, value: t.value }));
  const fixed = fixedRows(tallies);
  switch (q.type) {
    case 'single':
      return q.choices.map((c) => fixed(pick(c.text, lang), c.id, c.correct ? 1 : (c.credit ?? 0)));
    case 'multiple':
      return q.choices.map((c) => fixed(pick(c.text, lang), c.id, c.weight));
    case 'truefalse':
      return [true, false].map((v) => fixed(String(v), String(v), v === q.answer ? 1 : 0));
    case 'match':
      // A shared answer is one right-hand item (keyed by its first pair), right for every stem that has it.
      return q.pairs
        .flatMap((p, i) =>
          offeredRights(q).map((j) =>
            fixed(`${pick(p.left, lang)} → ${pick(q.pairs[j]!.right, lang)}`, rightKey(j), answerOf(q, i) === j ? 1 : 0, leftId(i)),
          ),
        )
        .filter((row) => row.count > 0 || row.score === 1);
    case 'order':
      return orderRows(q, tallies, lang, opts);
    case 'short':
    case 'numerical':
    case 'cloze':
      return typedRows(q, tallies, lang, opts);
    case 'essay':
    case 'dictation':
      // Free text to read (an essay) or a whole sentence graded word by word (a dictation): no frequencies.
      return [];
    default:
      return assertNever(q);
  }
}

/** A row for a response the question fixes (a choice, a value, a pair), with how often it was given. */
function fixedRows(tallies: readonly Tally[]) {
  const count = (value: string, part?: string) =>
    tallies.filter((t) => t.value === value && (part === undefined || t.part === part)).reduce((s, t) => s + t.count, 0);
  return (text: string, value: string, score: number, part?: string): ResponseRow => ({
    text,
    count: count(value, part),
    score,
    typed: false,
    value,
    ...(part ? { part } : {}),
  });
}

/** One row per order given, its items in words, scored as the question scores it now. */
function orderRows(q: QuestionOf<'order'>, tallies: readonly Tally[], lang: string, opts: RowOptions): ResponseRow[] {
  const text = new Map(q.items.map((t, i) => [itemKey(i), pick(t, lang)]));
  return tallies.map((t) => ({
    text: t.value
      .split(' ')
      .map((id) => text.get(id) ?? '?')
      .join(' → '),
    count: t.count,
    score: scoreNow(q, { order: t.value.split(' ') }, lang, opts),
    typed: false,
    value: t.value,
  }));
}

/** One row per distinct typed answer, graded in its own language where the question still has it. */
function typedRows(
  q: QuestionOf<'short' | 'numerical' | 'cloze'>,
  tallies: readonly Tally[],
  lang: string,
  opts: RowOptions,
): ResponseRow[] {
  const rows = tallies.map((t): ResponseRow => {
    const l = typedLang(q, t, lang);
    const response: AnyResponse =
      q.type === 'short' ? { text: t.value } : q.type === 'numerical' ? { number: Number(t.value) } : { gaps: { [t.part ?? '']: t.value } };
    return {
      text: typedText(q, t, l),
      count: t.count,
      score: scoreNow(q, response, l, opts, q.type === 'cloze' ? t.part : undefined),
      typed: true,
      value: t.value,
      ...(t.part ? { part: t.part } : {}),
      ...(t.lang ? { lang: t.lang } : {}),
    };
  });
  // Cloze rows stay in the order of their gaps; within a gap (and elsewhere) most frequent first.
  const gapOrder = q.type === 'cloze' ? q.gaps.map((g) => g.id) : [];
  return rows.sort((a, b) => gapOrder.indexOf(a.part ?? '') - gapOrder.indexOf(b.part ?? '') || b.count - a.count);
}
