import type { Question } from '../../quiz/schema.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { IMPORT_TYPO_TOLERANCE } from '../gift/answer-block.ts';
import { directiveLines, escapeCloze, textWriters } from '../gift/write-text.ts';
import { BLANK } from './question.ts';
import { clozeTextSyntax, NotCloze } from './write-gap.ts';
import { normalRich } from '../shared/rich-text.ts';

export interface ClozeExport {
  text: string;
  /** Ids of questions that are not cloze questions or that the syntax cannot say (written as a comment). */
  skipped: string[];
  /** Things that will not come back exactly on import. */
  notes: string[];
}

/**
 * Writes a set's cloze questions in Moodle's Cloze (embedded answers) syntax, one question per block, that
 * `parseCloze` reads back to the same questions (texts in their normal form). Our `// @…` comments carry what
 * the syntax cannot (ids, sources, typo rules, the set title); other question types are named in a comment.
 */
export function toClozeWithReport(set: QuestionSet): ClozeExport {
  const langs = set.languages;
  const w = textWriters(langs, escapeCloze);
  const notes: string[] = [];
  const skipped: string[] = [];
  const out = [
    [
      `// ${set.title[langs[0]!] ?? ''}`.trimEnd(),
      '// Moodle Cloze (embedded answers): one question per block. Lines "// @…" are notes for re-import here.',
      langs.length > 1
        ? `// The texts are in ${langs.join(', ')} (multilang spans).`
        : `// The texts are in "${langs[0]}": import the file with that language.`,
      ...langs.map((l) => `// @title ${l}: ${set.title[l] ?? ''}`),
    ].join('\n') + '\n',
  ];
  if (set.passages.length) notes.push('passages (descriptions) are not written to Cloze.');
  if (set.categories) notes.push('categories are not written to Cloze.');
  for (const q of set.questions) {
    const skip = (why: string) => {
      skipped.push(q.id);
      out.push(`// not exportable to Cloze: question ${q.id} (${q.type}): ${why}\n`);
    };
    if (q.type !== 'cloze') {
      skip('only cloze questions have a Cloze form');
      continue;
    }
    try {
      const mine: string[] = [];
      const body = clozeTextSyntax(q, langs, w, mine);
      const title = q.title ? `::${escapeCloze(q.title).replace(/::/g, ':\\:')}::` : '';
      notes.push(...mine, ...promptNotes(q, langs));
      out.push(`${directiveLines(q, IMPORT_TYPO_TOLERANCE).join('\n')}\n${title}${body}\n`);
    } catch (e) {
      if (!(e instanceof NotCloze)) throw e;
      skip(e.message);
    }
  }
  return { text: out.join('\n'), skipped, notes };
}

/** A prompt other than the text with blanks does not come back (the Cloze syntax has no separate prompt). */
export function promptNotes(q: Extract<Question, { type: 'cloze' }>, langs: readonly string[]): string[] {
  return langs.flatMap((l) =>
    normalRich(q.prompt[l]!) === normalRich(q.text[l]!).replace(/\{\{[^}]+\}\}/g, BLANK)
      ? []
      : [`question ${q.id}: its prompt in "${l}" comes back as the text with "${BLANK}" in place of each gap.`],
  );
}
