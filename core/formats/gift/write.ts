import type { GapOf, Question, QuestionOf } from '../../quiz/schema.ts';
import { clozeTextSyntax, NotCloze } from '../cloze/write-gap.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { multilangHtml } from '../shared/plain-html.ts';
import { normalRich } from '../shared/rich-text.ts';
import { num, percent } from '../shared/weights.ts';
import { IMPORT_TYPO_TOLERANCE } from './answer-block.ts';
import { choiceId } from './answers.ts';
import { GAP_ID } from './kinds/missing-word.ts';
import { BLANK } from './question-block.ts';
import { promptNotes } from '../cloze/write.ts';
import { directiveLines, escapeGift, textWriters } from './write-text.ts';

/**
 * Writes a question set as GIFT that Moodle imports and that `parseGift` reads back to the same set (texts in
 * their normal form, core/formats/shared/rich-text.ts).
 *
 * A single-language set is written with GIFT escapes in Moodle's default format; a set in several languages as
 * `[html]` with one multilang span per language. What GIFT cannot say travels in comments Moodle ignores:
 * `// @id`, `// @sources`, `// @caseSensitive`, `// @typoTolerance` before a question, `// @title` for the set.
 * Choice ids are written by position only: on import they become a, b, c, … and the gap of a missing-word
 * question g1, so other ids are renumbered. The set's `$CATEGORY`s are written where they change.
 */

export interface GiftExport {
  text: string;
  /** Ids of questions that have no GIFT form (written as a `// not exportable to GIFT` comment). */
  skipped: string[];
  /** Things that will not come back exactly on import (e.g. choice ids renumbered). */
  notes: string[];
}

export interface GiftWriteOptions {
  /** `$CATEGORY` per question id; without it, the set's own `categories`. */
  categoryOf?: Readonly<Record<string, string>>;
}

export { escapeGift };

class Skip extends Error {}

/** The set as GIFT, with what could not be written (`skipped`) and what comes back changed (`notes`). */
export function toGiftWithReport(set: QuestionSet, opts: GiftWriteOptions = {}): GiftExport {
  const langs = set.languages;
  const lang0 = langs[0]!;
  const notes: string[] = [];
  const skipped: string[] = [];
  const writers = textWriters(langs);
  const { multi, richOne, loc, plainLoc, stem, perLanguage } = writers;

  const general = (q: Question) => (q.explanation ? `\t####${loc(q.explanation)}\n` : '');
  const checkChoiceIds = (q: Question, ids: readonly string[], what = 'choice') => {
    if (ids.some((id, i) => id !== choiceId(i)))
      notes.push(
        `question ${q.id}: the ${what} ids (${ids.join(', ')}) are written by position and come back as ${ids.map((_, i) => choiceId(i)).join(', ')}.`,
      );
  };

  function answerBlock(q: Question): string {
    switch (q.type) {
      case 'essay':
        return q.explanation ? `{####${loc(q.explanation)}}` : '{}';
      case 'truefalse': {
        const wrong = q.feedback?.wrong ? loc(q.feedback.wrong) : '';
        const right = q.feedback?.right ? loc(q.feedback.right) : '';
        const fb = right ? `#${wrong}#${right}` : wrong ? `#${wrong}` : '';
        return `{${q.answer ? 'TRUE' : 'FALSE'}${fb}${q.explanation ? `####${loc(q.explanation)}` : ''}}`;
      }
      case 'single': {
        checkChoiceIds(
          q,
          q.choices.map((c) => c.id),
        );
        const lines = q.choices.map((c) => {
          const mark = c.correct ? '=' : c.credit ? `~%${percent(c.credit)}%` : '~';
          return `\t${mark}${loc(c.text)}${c.feedback ? `#${loc(c.feedback)}` : ''}\n`;
        });
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'multiple': {
        checkChoiceIds(
          q,
          q.choices.map((c) => c.id),
        );
        const lines = q.choices.map((c) => `\t~%${percent(c.weight)}%${loc(c.text)}${c.feedback ? `#${loc(c.feedback)}` : ''}\n`);
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'short': {
        const entries = perLanguage(
          q.answers,
          (a) => a.text,
          (a, b) => a.weight === b.weight && (a.feedback ?? '') === (b.feedback ?? ''),
        );
        const lines = entries.map(({ item, text }) => {
          const weight = item.weight === 1 ? '' : `%${percent(item.weight)}%`;
          return `\t=${weight}${text}${item.feedback ? `#${richOne(item.feedback)}` : ''}\n`;
        });
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'match': {
        // The right side has no format of its own (Moodle reads it as written): no `[moodle]` guard.
        const lines = q.pairs.map((p) => `\t=${loc(p.left)} -> ${plainLoc(p.right)}\n`);
        for (const d of q.distractors ?? []) lines.push(`\t= -> ${plainLoc(d)}\n`);
        return `{\n${lines.join('')}${general(q)}}`;
      }
      case 'numerical': {
        const value = (v: { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined }) =>
          v.answer !== undefined ? `${num(v.answer)}:${num(v.tolerance)}` : `${num(v.min!)}..${num(v.max!)}`;
        const lines = [`\t=${value(q)}${q.answerFeedback ? `#${loc(q.answerFeedback)}` : ''}\n`];
        for (const a of q.alternatives ?? [])
          lines.push(`\t=${a.weight === 1 ? '' : `%${percent(a.weight)}%`}${value(a)}${a.feedback ? `#${richOne(a.feedback)}` : ''}\n`);
        if (q.otherFeedback) lines.push(`\t~#${loc(q.otherFeedback)}\n`);
        return `{#\n${lines.join('')}${general(q)}}`;
      }
      case 'cloze':
        return gapBlock(q, q.gaps[0] as GapOf<'text'>);
      case 'order':
        throw new Skip('GIFT has no ordering questions');
    }
  }

  /** The block of a missing-word question; the caller writes the text around it. */
  function gapBlock(q: QuestionOf<'cloze'>, gap: GapOf<'text'>): string {
    if (gap.id !== GAP_ID) notes.push(`question ${q.id}: the gap "${gap.id}" comes back as "${GAP_ID}".`);
    let entries: Array<{ mark: string; text: string }>;
    if (!gap.options) {
      if (langs.some((l) => gap.answers[l]!.includes('*'))) throw new Skip('a "*" answer in a gap has no GIFT form');
      entries = perLanguage(
        gap.answers,
        (a) => a,
        () => true,
      ).map((e) => ({ mark: '=', text: e.text }));
    } else {
      const options = gap.options;
      const items = Object.fromEntries(langs.map((l) => [l, options[l]!.map((text) => ({ text, right: gap.answers[l]!.includes(text) }))]));
      for (const l of langs) {
        const back = items[l]!.filter((o) => o.right).map((o) => o.text);
        if (back.join('\u0000') !== gap.answers[l]!.join('\u0000'))
          notes.push(
            `question ${q.id}: the accepted answers of the gap in "${l}" come back as the options marked right, in their order (${back.join(', ')}).`,
          );
      }
      entries = perLanguage(
        items,
        (o) => o.text,
        (a, b) => a.right === b.right,
      ).map((e) => ({ mark: e.item.right ? '=' : '~', text: e.text }));
      if (entries.length < 2) throw new Skip('a gap with one option has no GIFT form');
      // Without a `~` Moodle would read typed answers: make the first right answer `~=`.
      if (!entries.some((e) => e.mark === '~')) entries[0]!.mark = '~=';
    }
    // One answer a line, as everywhere: an answer's `=` then never shares a line with another answer's text.
    return `{\n${entries.map((e) => `\t${e.mark}${e.text}\n`).join('')}${general(q)}}`;
  }

  /** The question's text with its block; a missing-word question has the block inside its text. */
  function questionText(q: Question): string {
    if (q.type !== 'cloze') return `${stem(q.prompt)}${answerBlock(q)}`;
    if (!isMissingWord(q)) return embedded(q);
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
    const block = answerBlock(q);
    notes.push(...prompts);
    if (multi) return `[html]${escapeGift(multilangHtml(before, langs))}${block}${escapeGift(multilangHtml(after, langs))}`;
    const written = escapeGift(before[lang0]!);
    return `${/^(\[|%|\/\/)/.test(written) ? '[html]' : ''}${written}${block}${escapeGift(after[lang0]!)}`;
  }

  /** Several gaps, or gaps with weights, credit or feedback: Moodle's embedded answers inside the GIFT text. */
  function embedded(q: QuestionOf<'cloze'>): string {
    try {
      const mine: string[] = [];
      const body = clozeTextSyntax(q, langs, writers, mine);
      notes.push(...mine, ...promptNotes(q, langs));
      notes.push(
        `question ${q.id}: its gaps are written as embedded answers (Cloze), which this importer reads but Moodle's GIFT import does not; export the set as Cloze for Moodle.`,
      );
      return body;
    } catch (e) {
      if (e instanceof NotCloze) throw new Skip(e.message);
      throw e;
    }
  }

  function question(q: Question): string {
    const lines = directiveLines(q, IMPORT_TYPO_TOLERANCE);
    const title = q.title !== undefined && q.title !== '' ? `::${escapeGift(q.title)}::` : '';
    if (q.title !== undefined && q.title.trim() !== q.title) notes.push(`question ${q.id}: its title comes back trimmed.`);
    return `${lines.join('\n')}\n${title}${questionText(q)}\n`;
  }

  const passage = (text: Readonly<Record<string, string>>) => `${stem(text)}\n`;

  const out: string[] = [];
  const header = [
    `// ${escapeGift(set.title[lang0] ?? '')}`.trimEnd(),
    '// GIFT (Moodle). Lines "// @…" are notes for re-import here; Moodle ignores them.',
    '// Choices are written in order and come back with the ids a, b, c, … (the gap of a missing-word question as g1).',
    multi
      ? `// The texts are in ${langs.join(', ')} (multilang spans).`
      : `// The texts are in "${lang0}": import the file with that language.`,
    ...langs.map((l) => `// @title ${l}: ${escapeGift(set.title[l] ?? '')}`),
  ];
  out.push(`${header.join('\n')}\n`);
  if (set.lesson) notes.push(`the lesson "${set.lesson}" is not written to GIFT: give it again on import.`);

  const ids = new Set(set.questions.map((q) => q.id));
  let category: string | undefined;
  for (const q of set.questions) {
    const cat = (opts.categoryOf ?? set.categories)?.[q.id];
    if (cat !== undefined && cat !== category) {
      out.push(`$CATEGORY: ${cat}\n`);
      category = cat;
    }
    for (const p of set.passages) if (p.before === q.id) out.push(passage(p.text));
    try {
      out.push(question(q));
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push(q.id);
      out.push(`// not exportable to GIFT: question ${q.id} (${q.type}): ${e.message}\n`);
    }
  }
  for (const p of set.passages) if (p.before === null || !ids.has(p.before)) out.push(passage(p.text));
  return { text: out.join('\n'), skipped, notes };
}

/** The set as GIFT; see `toGiftWithReport` for what could not be written. */
export function toGift(set: QuestionSet, opts: GiftWriteOptions = {}): string {
  return toGiftWithReport(set, opts).text;
}

/** A cloze question Moodle's GIFT reads as a missing-word question: one plain gap, with text after it. */
function isMissingWord(q: QuestionOf<'cloze'>): boolean {
  const g = q.gaps[0]!;
  if (q.gaps.length !== 1 || (g.kind !== undefined && g.kind !== 'text') || (g.weight ?? 1) !== 1) return false;
  return Object.values(q.text).every((t) => (normalRich(t).split(`{{${g.id}}}`)[1] ?? '').trim() !== '');
}
