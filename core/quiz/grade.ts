import { pick } from '../content/localized.ts';
import { assertNever, clozeParts, leftId } from './learner.ts';
import { bestMatch, type MatchOptions, type TextMatch } from './normalize.ts';
import { publicId } from './random.ts';
import type { AnyResponse, ResponseOf } from './response.ts';
import type { Question, QuestionOf } from './schema.ts';

/** What was right or wrong in one part of an answer, for feedback that says what, not only whether. */
export type FeedbackItem =
  | { kind: 'choice'; id: string; text: string; chosen: boolean; right: boolean }
  | { kind: 'truefalse'; given: boolean; expected: boolean }
  | { kind: 'text'; given: string; match: TextMatch['kind']; expected: string; note?: string }
  | { kind: 'gap'; gap: string; given: string; match: TextMatch['kind']; expected: string }
  | { kind: 'pair'; left: string; given: string | null; expected: string; right: boolean }
  | { kind: 'order'; longestInOrder: number; total: number; given: string[]; expected: string[] }
  | { kind: 'number'; given: number; expected: string; right: boolean }
  | { kind: 'essay'; given: string };

export interface GradeResult {
  questionId: string;
  type: Question['type'];
  /** 0..1 */
  score: number;
  correct: boolean;
  /** False for essays: kept for the instructor, never scored. */
  graded: boolean;
  items: FeedbackItem[];
  /** The author's feedback for what was chosen, in the quiz language. */
  notes: string[];
  /** The keyed response: what scores 1. */
  solution: AnyResponse;
  /** The solution as a learner reads it. */
  solutionText: string;
  explanation: string;
  sources: string[];
}

/** A response that names choices, gaps or items the question does not have: a client error, not a wrong answer. */
export class ResponseError extends Error {
  readonly details: Array<{ path: string; message: string }>;
  constructor(details: Array<{ path: string; message: string }>) {
    super(details.map((d) => `${d.path}: ${d.message}`).join('; '));
    this.name = 'ResponseError';
    this.details = details;
  }
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(n * 10000) / 10000;

/**
 * Length of the longest subsequence of `given` that is in the right relative order (LIS of positions).
 * The `order` rule: score = (L − 1) / (n − 1), so all in place scores 1, a reversed list 0, and every item
 * put back into sequence earns an equal share.
 */
export function longestInOrder(positions: readonly number[]): number {
  const tails: number[] = [];
  for (const p of positions) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = p;
  }
  return tails.length;
}

/** The response that scores 1, in the learner's ids. */
export function keyedResponse(q: Question, lang: string): AnyResponse {
  switch (q.type) {
    case 'single':
      return { choice: publicId(q.id, q.choices.find((c) => c.correct)!.id) };
    case 'multiple':
      return { choices: q.choices.filter((c) => c.weight > 0).map((c) => publicId(q.id, c.id)) };
    case 'truefalse':
      return { value: q.answer };
    case 'short':
      return { text: q.answers[lang]!.find((a) => a.weight === 1)!.text };
    case 'cloze':
      return { gaps: Object.fromEntries(q.gaps.map((g) => [g.id, g.answers[lang]![0]!])) };
    case 'match':
      return { pairs: Object.fromEntries(q.pairs.map((_, i) => [leftId(i), publicId(q.id, `r${i}`)])) };
    case 'order':
      return { order: q.items.map((_, i) => publicId(q.id, `i${i}`)) };
    case 'numerical':
      return { number: q.answer ?? (q.min! + q.max!) / 2 };
    case 'essay':
      return { text: '' };
    default:
      return assertNever(q);
  }
}

function numberText(q: QuestionOf<'numerical'>): string {
  if (q.answer === undefined) return `${q.min}–${q.max}`;
  return q.tolerance ? `${q.answer} ± ${q.tolerance}` : String(q.answer);
}

function solutionText(q: Question, lang: string): string {
  switch (q.type) {
    case 'single':
      return pick(q.choices.find((c) => c.correct)!.text, lang);
    case 'multiple':
      return q.choices
        .filter((c) => c.weight > 0)
        .map((c) => pick(c.text, lang))
        .join('; ');
    case 'truefalse':
      return String(q.answer);
    case 'short':
      return q.answers[lang]!.find((a) => a.weight === 1)!.text;
    case 'cloze': {
      const gaps = new Map(q.gaps.map((g) => [g.id, g.answers[lang]![0]!]));
      return clozeParts(pick(q.text, lang))
        .map((p) => ('gap' in p ? gaps.get(p.gap) : p.text))
        .join('');
    }
    case 'match':
      return q.pairs.map((p) => `${pick(p.left, lang)} → ${pick(p.right, lang)}`).join('; ');
    case 'order':
      return q.items.map((t) => pick(t, lang)).join(' → ');
    case 'numerical':
      return numberText(q);
    case 'essay':
      return '';
    default:
      return assertNever(q);
  }
}

/**
 * Grades one response (already shaped by ResponseSchemas for the question's type). Pure: the same
 * question and response always give the same result, and shuffling never changes a score because
 * responses name items by their opaque ids, not by position.
 */
export function grade(q: Question, response: AnyResponse, lang: string): GradeResult {
  const notes: string[] = [];
  const items: FeedbackItem[] = [];
  let score = 0;
  const unknown = (path: string, id: string): never => {
    throw new ResponseError([{ path, message: `"${id}" is not part of question "${q.id}"` }]);
  };

  switch (q.type) {
    case 'single': {
      const r = response as ResponseOf<'single'>;
      const chosen = q.choices.find((c) => publicId(q.id, c.id) === r.choice) ?? unknown('response.choice', r.choice);
      score = chosen.correct ? 1 : (chosen.credit ?? 0);
      for (const c of q.choices)
        items.push({ kind: 'choice', id: publicId(q.id, c.id), text: pick(c.text, lang), chosen: c === chosen, right: !!c.correct });
      if (chosen.feedback) notes.push(pick(chosen.feedback, lang));
      break;
    }
    case 'multiple': {
      const r = response as ResponseOf<'multiple'>;
      const ids = new Map(q.choices.map((c) => [publicId(q.id, c.id), c]));
      const picked = new Set(r.choices);
      for (const id of picked) if (!ids.has(id)) unknown('response.choices', id);
      score = clamp01([...picked].reduce((s, id) => s + ids.get(id)!.weight, 0));
      for (const [id, c] of ids) {
        const chosen = picked.has(id);
        items.push({ kind: 'choice', id, text: pick(c.text, lang), chosen, right: c.weight > 0 });
        if (chosen && c.feedback) notes.push(pick(c.feedback, lang));
      }
      break;
    }
    case 'truefalse': {
      const r = response as ResponseOf<'truefalse'>;
      score = r.value === q.answer ? 1 : 0;
      items.push({ kind: 'truefalse', given: r.value, expected: q.answer });
      const fb = score ? q.feedback?.right : q.feedback?.wrong;
      if (fb) notes.push(pick(fb, lang));
      break;
    }
    case 'short': {
      const r = response as ResponseOf<'short'>;
      const accepted = q.answers[lang]!;
      const opts: MatchOptions = { caseSensitive: q.caseSensitive, typoTolerance: q.typoTolerance };
      // `*` accepts anything (GIFT's catch-all); it only counts where nothing better matched.
      const wildcard = accepted.find((a) => a.text === '*');
      const best =
        bestMatch(
          r.text,
          accepted.filter((a) => a.text !== '*'),
          opts,
        ) ?? (wildcard && r.text.trim() ? { answer: wildcard, match: { kind: 'exact' as const } } : undefined);
      const credit = best && (best.match.kind === 'exact' || best.match.kind === 'typo') ? best.answer.weight : 0;
      score = credit;
      const expected = best && best.answer.text !== '*' ? best.answer.text : accepted.find((a) => a.weight === 1)!.text;
      items.push({
        kind: 'text',
        given: r.text,
        match: best?.match.kind ?? 'none',
        expected,
        ...(best?.answer.feedback ? { note: best.answer.feedback } : {}),
      });
      break;
    }
    case 'cloze': {
      const r = response as ResponseOf<'cloze'>;
      for (const key of Object.keys(r.gaps)) if (!q.gaps.some((g) => g.id === key)) unknown(`response.gaps.${key}`, key);
      const opts: MatchOptions = { caseSensitive: q.caseSensitive, typoTolerance: q.typoTolerance };
      let right = 0;
      for (const g of q.gaps) {
        const given = Object.hasOwn(r.gaps, g.id) ? r.gaps[g.id]! : '';
        const accepted = g.answers[lang]!;
        // A gap with options is a choice: exact (after folding), no typo allowance.
        const best = bestMatch(
          given,
          accepted.map((text) => ({ text, weight: 1 })),
          g.options ? { ...opts, typoTolerance: false } : opts,
        );
        const kind = best?.match.kind ?? 'none';
        if (kind === 'exact' || kind === 'typo') right++;
        items.push({ kind: 'gap', gap: g.id, given, match: kind, expected: best?.answer.text ?? accepted[0]! });
      }
      score = right / q.gaps.length;
      break;
    }
    case 'match': {
      const r = response as ResponseOf<'match'>;
      const rights = new Map(q.pairs.map((p, i) => [publicId(q.id, `r${i}`), pick(p.right, lang)]));
      for (const [l, rid] of Object.entries(r.pairs)) {
        if (!q.pairs.some((_, i) => leftId(i) === l)) unknown(`response.pairs.${l}`, l);
        if (!rights.has(rid)) unknown(`response.pairs.${l}`, rid);
      }
      let right = 0;
      q.pairs.forEach((p, i) => {
        const given = r.pairs[leftId(i)];
        const ok = given === publicId(q.id, `r${i}`);
        if (ok) right++;
        items.push({
          kind: 'pair',
          left: pick(p.left, lang),
          given: given ? rights.get(given)! : null,
          expected: pick(p.right, lang),
          right: ok,
        });
      });
      score = right / q.pairs.length;
      break;
    }
    case 'order': {
      const r = response as ResponseOf<'order'>;
      const position = new Map(q.items.map((_, i) => [publicId(q.id, `i${i}`), i]));
      for (const id of r.order) if (!position.has(id)) unknown('response.order', id);
      if (new Set(r.order).size !== r.order.length) throw new ResponseError([{ path: 'response.order', message: 'names an item twice' }]);
      const n = q.items.length;
      const longest = r.order.length ? longestInOrder(r.order.map((id) => position.get(id)!)) : 0;
      const complete = r.order.length === n;
      score = complete && longest === n ? 1 : n > 1 ? Math.max(0, longest - 1) / (n - 1) : 0;
      const text = (id: string) => pick(q.items[position.get(id)!]!, lang);
      items.push({
        kind: 'order',
        longestInOrder: longest,
        total: n,
        given: r.order.map(text),
        expected: q.items.map((t) => pick(t, lang)),
      });
      break;
    }
    case 'numerical': {
      const r = response as ResponseOf<'numerical'>;
      const within = (a: { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined }) =>
        a.answer !== undefined ? Math.abs(r.number - a.answer) <= a.tolerance + 1e-9 : r.number >= a.min! && r.number <= a.max!;
      const ok = within(q);
      const partial = ok ? undefined : (q.alternatives ?? []).filter(within).sort((a, b) => b.weight - a.weight)[0];
      score = ok ? 1 : (partial?.weight ?? 0);
      if (partial?.feedback) notes.push(partial.feedback);
      items.push({ kind: 'number', given: r.number, expected: numberText(q), right: ok });
      break;
    }
    case 'essay': {
      const r = response as ResponseOf<'essay'>;
      items.push({ kind: 'essay', given: r.text });
      break;
    }
    default:
      assertNever(q);
  }

  score = round(clamp01(score));
  return {
    questionId: q.id,
    type: q.type,
    score,
    correct: score === 1,
    graded: q.type !== 'essay',
    items,
    notes,
    solution: keyedResponse(q, lang),
    solutionText: solutionText(q, lang),
    explanation: q.explanation ? pick(q.explanation, lang) : '',
    sources: q.sources,
  };
}
