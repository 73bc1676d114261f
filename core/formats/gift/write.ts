import type { Question } from '../../quiz/schema.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { IMPORT_TYPO_TOLERANCE } from './answer-block.ts';
import { answerBlock } from './write-answers.ts';
import { giftWriting, Skip, type GiftWriting } from './write-context.ts';
import { clozeQuestionText } from './write-missing-word.ts';
import { directiveLines, escapeGift } from './write-text.ts';

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

/** The set as GIFT, with what could not be written (`skipped`) and what comes back changed (`notes`). */
export function toGiftWithReport(set: QuestionSet, opts: GiftWriteOptions = {}): GiftExport {
  const w = giftWriting(set.languages);
  const skipped: string[] = [];
  const out = [fileHeader(w, set)];
  if (set.lesson) w.notes.push(`the lesson "${set.lesson}" is not written to GIFT: give it again on import.`);

  const ids = new Set(set.questions.map((q) => q.id));
  let category: string | undefined;
  for (const q of set.questions) {
    const cat = (opts.categoryOf ?? set.categories)?.[q.id];
    if (cat !== undefined && cat !== category) {
      out.push(`$CATEGORY: ${cat}\n`);
      category = cat;
    }
    for (const p of set.passages) if (p.before === q.id) out.push(passage(w, p.text));
    try {
      out.push(question(w, q));
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      skipped.push(q.id);
      out.push(`// not exportable to GIFT: question ${q.id} (${q.type}): ${e.message}\n`);
    }
  }
  for (const p of set.passages) if (p.before === null || !ids.has(p.before)) out.push(passage(w, p.text));
  return { text: out.join('\n'), skipped, notes: w.notes };
}

/** The comments at the top: the title, how to import the file, and the title in every language. */
function fileHeader(w: GiftWriting, set: QuestionSet): string {
  const header = [
    `// ${escapeGift(set.title[w.lang0] ?? '')}`.trimEnd(),
    '// GIFT (Moodle). Lines "// @…" are notes for re-import here; Moodle ignores them.',
    '// Choices are written in order and come back with the ids a, b, c, … (the gap of a missing-word question as g1).',
    w.multi
      ? `// The texts are in ${w.langs.join(', ')} (multilang spans).`
      : `// The texts are in "${w.lang0}": import the file with that language.`,
    ...w.langs.map((l) => `// @title ${l}: ${escapeGift(set.title[l] ?? '')}`),
  ];
  return `${header.join('\n')}\n`;
}

/** A reading passage, written as a description (a text without answers). */
const passage = (w: GiftWriting, text: Readonly<Record<string, string>>) => `${w.stem(text)}\n`;

/** One question: our directives, its title, its text with its answers. */
function question(w: GiftWriting, q: Question): string {
  const lines = directiveLines(q, IMPORT_TYPO_TOLERANCE);
  const title = q.title !== undefined && q.title !== '' ? `::${escapeGift(q.title)}::` : '';
  if (q.title !== undefined && q.title.trim() !== q.title) w.notes.push(`question ${q.id}: its title comes back trimmed.`);
  const text = q.type === 'cloze' ? clozeQuestionText(w, q) : `${w.stem(q.prompt)}${answerBlock(w, q)}`;
  return `${lines.join('\n')}\n${title}${text}\n`;
}

/** The set as GIFT; see `toGiftWithReport` for what could not be written. */
export function toGift(set: QuestionSet, opts: GiftWriteOptions = {}): string {
  return toGiftWithReport(set, opts).text;
}
