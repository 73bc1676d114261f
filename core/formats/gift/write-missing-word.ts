// A cloze question in GIFT: one plain gap as Moodle's missing-word question, else embedded answers (Cloze).
import type { GapOf, QuestionOf } from '../../quiz/schema.ts';
import { clozeTextSyntax, NotCloze } from '../cloze/write-gap.ts';
import { promptNotes } from '../cloze/write.ts';
import { multilangHtml } from '../shared/plain-html.ts';
import { normalRich } from '../shared/rich-text.ts';
import { GAP_ID } from './kinds/missing-word.ts';
import { BLANK } from './question-block.ts';
import { generalFeedback, Skip, type GiftWriting } from './write-context.ts';
import { escapeGift } from './write-text.ts';

/** The text of a cloze question with its answers: the block inside the text, or embedded answers. */
export function clozeQuestionText(w: GiftWriting, q: QuestionOf<'cloze'>): string {
  return isMissingWord(q) ? missingWordText(w, q) : embedded(w, q);
}

/** A cloze question Moodle's GIFT reads as a missing-word question: one plain gap, with text after it. */
function isMissingWord(q: QuestionOf<'cloze'>): boolean {
  const g = q.gaps[0]!;
  if (q.gaps.length !== 1 || (g.kind !== undefined && g.kind !== 'text') || (g.weight ?? 1) !== 1) return false;
  return Object.values(q.text).every((t) => (normalRich(t).split(`{{${g.id}}}`)[1] ?? '').trim() !== '');
}

/** The text before the gap, the gap's block, the text after it. */
function missingWordText(w: GiftWriting, q: QuestionOf<'cloze'>): string {
  const { langs } = w;
  const mark = `{{${q.gaps[0]!.id}}}`;
  const prompts: string[] = [];
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  for (const l of langs) {
    // The text's normal form is split, not its parts normalised: markup may run across the gap.
    const parts = normalRich(q.text[l]!).split(mark);
    if (parts.length !== 2) throw new Skip('the gap must appear once in every language');
    if (parts[1]!.trim() === '') throw new Skip('a missing-word question needs text after the gap');
    before[l] = parts[0]!;
    after[l] = parts[1]!;
    if (normalRich(q.prompt[l]!) !== normalRich(q.text[l]!).replace(mark, BLANK).trim())
      prompts.push(`question ${q.id}: its prompt in "${l}" comes back as the text with "${BLANK}" in place of the gap.`);
  }
  const block = gapBlock(w, q, q.gaps[0] as GapOf<'text'>);
  w.notes.push(...prompts);
  if (w.multi) return `[html]${escapeGift(multilangHtml(before, langs))}${block}${escapeGift(multilangHtml(after, langs))}`;
  const written = escapeGift(before[w.lang0]!);
  return `${/^(\[|%|\/\/)/.test(written) ? '[html]' : ''}${written}${block}${escapeGift(after[w.lang0]!)}`;
}

/** The block of a missing-word question; the caller writes the text around it. */
export function gapBlock(w: GiftWriting, q: QuestionOf<'cloze'>, gap: GapOf<'text'>): string {
  if (gap.id !== GAP_ID) w.notes.push(`question ${q.id}: the gap "${gap.id}" comes back as "${GAP_ID}".`);
  const entries = gap.options ? optionEntries(w, q, gap, gap.options) : typedEntries(w, gap);
  // One answer a line, as everywhere: an answer's `=` then never shares a line with another answer's text.
  return `{\n${entries.map((e) => `\t${e.mark}${e.text}\n`).join('')}${generalFeedback(w, q)}}`;
}

type Entry = { mark: string; text: string };

/** Typed answers, each `=`. */
function typedEntries(w: GiftWriting, gap: GapOf<'text'>): Entry[] {
  if (w.langs.some((l) => gap.answers[l]!.includes('*'))) throw new Skip('a "*" answer in a gap has no GIFT form');
  return w
    .perLanguage(
      gap.answers,
      (a) => a,
      () => true,
    )
    .map((e) => ({ mark: '=', text: e.text }));
}

/** Options as choices: the accepted ones `=`, the others `~`. */
function optionEntries(w: GiftWriting, q: QuestionOf<'cloze'>, gap: GapOf<'text'>, options: Record<string, string[]>): Entry[] {
  const { langs } = w;
  const items = Object.fromEntries(langs.map((l) => [l, options[l]!.map((text) => ({ text, right: gap.answers[l]!.includes(text) }))]));
  for (const l of langs) {
    const back = items[l]!.filter((o) => o.right).map((o) => o.text);
    if (back.join('\u0000') !== gap.answers[l]!.join('\u0000'))
      w.notes.push(
        `question ${q.id}: the accepted answers of the gap in "${l}" come back as the options marked right, in their order (${back.join(', ')}).`,
      );
  }
  const entries = w
    .perLanguage(
      items,
      (o) => o.text,
      (a, b) => a.right === b.right,
    )
    .map((e) => ({ mark: e.item.right ? '=' : '~', text: e.text }));
  if (entries.length < 2) throw new Skip('a gap with one option has no GIFT form');
  // Without a `~` Moodle would read typed answers: make the first right answer `~=`.
  if (!entries.some((e) => e.mark === '~')) entries[0]!.mark = '~=';
  return entries;
}

/** Several gaps, or gaps with weights, credit or feedback: Moodle's embedded answers inside the GIFT text. */
function embedded(w: GiftWriting, q: QuestionOf<'cloze'>): string {
  try {
    const mine: string[] = [];
    const body = clozeTextSyntax(q, w.langs, w, mine);
    w.notes.push(...mine, ...promptNotes(q, w.langs));
    w.notes.push(
      `question ${q.id}: its gaps are written as embedded answers (Cloze), which this importer reads but Moodle's GIFT import does not; export the set as Cloze for Moodle.`,
    );
    return body;
  } catch (e) {
    if (e instanceof NotCloze) throw new Skip(e.message);
    throw e;
  }
}
