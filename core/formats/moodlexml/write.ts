import type { Question } from '../../quiz/schema.ts';
import type { QuestionSet } from '../../sets/schema.ts';
import { NotMoodle, kindXml } from './write-kinds.ts';
import { escapeXml, htmlElement, richElement, richHtml, type XmlWriting } from './write-text.ts';

export interface MoodleXmlExport {
  xml: string;
  /** Ids of questions Moodle XML cannot carry (named in an XML comment). */
  skipped: string[];
  /** Things that will not come back exactly on import. */
  notes: string[];
}

/**
 * Writes a set as a Moodle XML `<quiz>` that Moodle's importer accepts and `parseMoodleXml` reads back to the
 * same set (texts in their normal form): every kind as its Moodle type (cloze as `cloze`, order as `ordering`),
 * passages as `description`, categories, ids as `idnumber`, and the set's media as base64 `<file>`s in the
 * texts that show them. `files` holds each media file's bytes as base64, by hash (read from storage by the caller).
 */
export function toMoodleXml(set: QuestionSet, files: ReadonlyMap<string, string>): MoodleXmlExport {
  const w: XmlWriting = {
    langs: set.languages,
    media: new Map((set.media ?? []).map((m) => [m.hash, { ...m, base64: files.get(m.hash) }])),
    notes: [],
  };
  const skipped: string[] = [];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  const passages = (before: string | null) =>
    set.passages
      .filter((p) => p.before === before)
      .forEach((p, i) =>
        out.push(
          `<question type="description"><name><text>${escapeXml(`description ${i + 1}`)}</text></name>${htmlElement(w, 'questiontext', richHtml(w, p.text))}</question>`,
        ),
      );
  let category: string | undefined;
  for (const q of set.questions) {
    passages(q.id);
    const cat = set.categories?.[q.id];
    if (cat !== undefined && cat !== category)
      out.push(`<question type="category"><category><text>${escapeXml(cat)}</text></category></question>`);
    category = cat ?? category;
    try {
      out.push(questionXml(w, q));
    } catch (e) {
      if (!(e instanceof NotMoodle)) throw e;
      skipped.push(q.id);
      out.push(`<!-- ${`not exportable to Moodle XML: question ${q.id} (${q.type}): ${e.message}`.replace(/--/g, '- -')} -->`);
    }
  }
  passages(null);
  out.push('</quiz>', '');
  return { xml: out.join('\n'), skipped, notes: w.notes };
}

/** One question: name, text, the kind's elements, general and combined feedback, id number and tags. */
function questionXml(w: XmlWriting, q: Question): string {
  const kind = kindXml(w, q);
  if (q.title === undefined) w.notes.push(`question ${q.id} has no title: Moodle needs a name, so it comes back titled "${q.id}".`);
  const text = kind.text ?? richHtml(w, q.prompt);
  const outcome = q.outcomeFeedback;
  const tags = q.grammar?.length ? `<tags>${q.grammar.map((t) => `<tag><text>${escapeXml(t)}</text></tag>`).join('')}</tags>` : '';
  return [
    `<question type="${kind.type}">`,
    `<name><text>${escapeXml(q.title ?? q.id)}</text></name>`,
    htmlElement(w, 'questiontext', text),
    richElement(w, 'generalfeedback', q.explanation),
    '<defaultgrade>1</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden>',
    `<idnumber>${escapeXml(q.id)}</idnumber>`,
    kind.body,
    richElement(w, 'correctfeedback', outcome?.correct),
    richElement(w, 'partiallycorrectfeedback', outcome?.partial),
    richElement(w, 'incorrectfeedback', outcome?.incorrect),
    tags,
    '</question>',
  ].join('');
}
