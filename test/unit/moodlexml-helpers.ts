// Shared by the Moodle XML unit tests (not a test file itself): read a fixture, read a file, validate the set.
import { readFileSync } from 'node:fs';
import { parseMoodleXml } from '../../core/formats/moodlexml/index.ts';
import { setSchemas } from '../../core/sets/schema.ts';

export const COURSE = ['de', 'en'] as const;
export const fixture = (name: string) => readFileSync(new URL(`../fixtures/moodlexml/${name}`, import.meta.url), 'utf8');
export const binary = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/moodlexml/${name}`, import.meta.url)));

/** Reads a Moodle XML text with the course's languages (plain text in `lang`). */
export const read = (xml: string, lang = 'de', title?: string) =>
  parseMoodleXml(xml, { lang, languages: COURSE, ...(title ? { title } : {}) });

/** Reads and validates with the one schema; throws with the problems when either fails. */
export async function readValid(xml: string, lang = 'de', title?: string) {
  const r = await read(xml, lang, title);
  if (r.problems.length) throw new Error(JSON.stringify(r.problems, null, 2));
  const parsed = setSchemas(r.set.languages).QuestionSet.safeParse(r.set);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 2));
  return { ...r, valid: parsed.data };
}

/** A quiz of the given `<question>` elements. */
export const quiz = (...questions: string[]) => `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join('\n')}\n</quiz>\n`;

/** A question of a type with a name, a text (HTML) and more elements. */
export const question = (type: string, name: string, text: string, body = '') =>
  `<question type="${type}"><name><text>${name}</text></name><questiontext format="html"><text><![CDATA[${text}]]></text></questiontext>${body}</question>`;
