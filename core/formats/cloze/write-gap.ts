import type { Gap, GapOf, QuestionOf } from '../../quiz/schema.ts';
import { multilangHtml } from '../shared/plain-html.ts';
import { normalRich } from '../shared/rich-text.ts';
import { num, percent } from '../shared/weights.ts';
import { choiceId } from '../gift/answers.ts';
import type { TextWriters } from '../gift/write-text.ts';

/** A question that the Cloze syntax cannot say; the writer skips it and names why. */
export class NotCloze extends Error {}

const CODES = {
  single: { select: 'MC', vertical: 'MCV', horizontal: 'MCH' },
  multi: { select: 'MR', vertical: 'MR', horizontal: 'MRH' },
} as const;

const fraction = (w: number) => (w === 1 ? '=' : `%${percent(w)}%`);

/** One gap as Moodle's embedded answer, `{weight:TYPE:alternatives}`, with texts written by `w` (GIFT or Cloze escapes). */
export function gapSyntax(q: QuestionOf<'cloze'>, g: Gap, w: TextWriters, notes: string[]): string {
  const mark = g.weight ?? 1;
  const alts = (list: string[]) => `{${mark}:${list.join('~')}}`;
  if (g.kind === 'single' || g.kind === 'multi') return choiceSyntax(q, g, w, notes, alts);
  if (g.kind === undefined || g.kind === 'text') {
    if (!g.options) {
      if (w.multi ? Object.values(g.answers).some((l) => l.includes('*')) : g.answers[w.lang0]!.includes('*'))
        throw new NotCloze('a "*" answer in a gap that has no weights comes back as a catch-all worth 100 %');
      const list = w
        .perLanguage(
          g.answers,
          (a) => a,
          () => true,
        )
        .map((e) => `=${e.text}`);
      return alts([`SA:${list[0]}`, ...list.slice(1)]);
    }
    const options = g.options;
    const items = Object.fromEntries(
      Object.keys(options).map((l) => [l, options[l]!.map((text) => ({ text, right: g.answers[l]!.includes(text) }))]),
    );
    const entries = w.perLanguage(
      items,
      (o) => o.text,
      (a, b) => a.right === b.right,
    );
    const list = entries.map((e) => `${e.item.right ? '=' : ''}${e.text}`);
    return alts([`MC:${list[0]}`, ...list.slice(1)]);
  }
  if (g.kind === 'typed') {
    const entries = w.perLanguage(
      g.answers,
      (a) => a.text,
      (a, b) => a.weight === b.weight && (a.feedback ?? '') === (b.feedback ?? ''),
    );
    const list = entries.map((e) => `${fraction(e.item.weight)}${e.text}${e.item.feedback ? `#${w.richOne(e.item.feedback)}` : ''}`);
    return alts([`${g.caseSensitive ? 'SAC' : 'SA'}:${list[0]}`, ...list.slice(1)]);
  }
  return numericalSyntax(q, g as GapOf<'numerical'>, w, notes, mark);
}

function choiceSyntax(
  q: QuestionOf<'cloze'>,
  c: GapOf<'single' | 'multi'>,
  w: TextWriters,
  notes: string[],
  alts: (list: string[]) => string,
): string {
  if (c.choices.some((x, i) => x.id !== choiceId(i)))
    notes.push(
      `question ${q.id}: the choice ids of gap ${c.id} are written by position and come back as ${c.choices.map((_, i) => choiceId(i)).join(', ')}.`,
    );
  const display = c.display ?? (c.kind === 'multi' ? 'vertical' : 'select');
  if (c.kind === 'multi' && display === 'select')
    notes.push(`question ${q.id}: gap ${c.id} (several answers) comes back as checkboxes in a column.`);
  const code = `${CODES[c.kind][display]}${c.shuffle ? 'S' : ''}`;
  const list = c.choices.map(
    (x) =>
      `${c.kind === 'multi' || x.weight !== 0 ? fraction(x.weight) : ''}${w.multi ? w.plainLoc(x.text) : w.plainOne(x.text[w.lang0]!)}${x.feedback ? `#${w.loc(x.feedback)}` : ''}`,
  );
  return alts([`${code}:${list[0]}`, ...list.slice(1)]);
}

function numericalSyntax(q: QuestionOf<'cloze'>, g: GapOf<'numerical'>, w: TextWriters, notes: string[], mark: number): string {
  const list = g.answers.map((a) => {
    let value: string;
    if (a.answer !== undefined) value = a.tolerance ? `${num(a.answer)}:${num(a.tolerance)}` : num(a.answer);
    else {
      notes.push(`question ${q.id}: the range ${a.min}..${a.max} of gap ${g.id} comes back as its middle with a tolerance.`);
      value = `${num((a.min! + a.max!) / 2)}:${num((a.max! - a.min!) / 2)}`;
    }
    return `${fraction(a.weight)}${value}${a.feedback ? `#${w.loc(a.feedback)}` : ''}`;
  });
  if (g.otherFeedback) list.push(`*#${w.loc(g.otherFeedback)}`);
  return `{${mark}:NM:${list.join('~')}}`;
}

/**
 * A cloze question's text with every `{{gap}}` written as an embedded answer. In a set of several languages the
 * words between the gaps are written as multilang spans (the gaps sit between them, as Moodle needs).
 */
export function clozeTextSyntax(q: QuestionOf<'cloze'>, langs: readonly string[], w: TextWriters, notes: string[]): string {
  const marks = q.gaps.map((g) => `{{${g.id}}}`);
  const segments: Record<string, string[]> = {};
  for (const l of langs) {
    const text = normalRich(q.text[l]!);
    const at = marks.map((m) => text.indexOf(m));
    if (at.some((i, k) => i < 0 || (k > 0 && i < at[k - 1]!)))
      throw new NotCloze(`the gaps must appear in the same order in every language`);
    const parts: string[] = [];
    let from = 0;
    at.forEach((i, k) => {
      parts.push(text.slice(from, i));
      from = i + marks[k]!.length;
    });
    parts.push(text.slice(from));
    if (w.multi && parts.some((p) => !balanced(p))) throw new NotCloze('its markup runs across a gap, which multilang spans cannot hold');
    segments[l] = parts;
  }
  if (q.gaps.some((g, i) => g.id !== `g${i + 1}`))
    notes.push(
      `question ${q.id}: the gaps (${q.gaps.map((g) => g.id).join(', ')}) come back as ${q.gaps.map((_, i) => `g${i + 1}`).join(', ')}.`,
    );
  const gaps = q.gaps.map((g) => gapSyntax(q, g, w, notes));
  const segment = (k: number) => {
    if (!w.multi) return w.escape(segments[langs[0]!]![k]!);
    if (langs.every((l) => segments[l]![k] === '')) return '';
    // Each segment is a piece of the text's normal form, HTML as it stands; its spaces next to the gaps stay.
    return w.escape(multilangHtml(Object.fromEntries(langs.map((l) => [l, segments[l]![k]!.replace(/->/g, '-&gt;')])), langs));
  };
  const first = segment(0);
  const body = [first, ...gaps.flatMap((g, k) => [g, segment(k + 1)])].join('');
  return w.multi || /^(\[|%|\/\/|::)/.test(first) ? `[html]${body}` : body;
}

const OPEN = /<(em|strong|u|sub|sup|p|ul|ol|li|span|a)[ >]/g;
const CLOSE = /<\/(em|strong|u|sub|sup|p|ul|ol|li|span|a)>/g;
/** Whether a piece of stored text closes every element it opens (so that it can stand inside a span). */
const balanced = (html: string) => (html.match(OPEN)?.length ?? 0) === (html.match(CLOSE)?.length ?? 0);
