import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { parseGift } from '../../core/formats/gift/parse.ts';
import type { GiftImport } from '../../core/formats/gift/types.ts';
import { parseMoodleXml, toMoodleXml, type MoodleXmlImport, type QuestionReport } from '../../core/formats/moodlexml/index.ts';
import type { AppEnv } from '../env.ts';
import { mediaBase64 } from './media.ts';
import { toGift } from '../../core/formats/gift/write.ts';
import { toClozeWithReport } from '../../core/formats/cloze/write.ts';
import type { Context } from 'hono';
import { formatPath } from '../../core/content/load.ts';
import { versionOf, type Quiz } from '../../core/quiz/quiz.ts';
import { LIMITS } from '../../core/sets/limits.ts';
import { setSchemas, type QuestionSet } from '../../core/sets/schema.ts';
import { LangCode } from '../../core/content/localized.ts';
import { content, contentLanguages } from './content.ts';
import type { ErrorDetail } from '../http/errors.ts';
import type { SetVersion } from '../stores/set-store.ts';

export interface SetInput {
  format: 'json' | 'gift' | 'cloze' | 'moodlexml';
  text: string;
  /** GIFT and Cloze: the language of plain text. */
  lang?: string | undefined;
  title?: string | undefined;
  lesson?: string | undefined;
}

export type ReadResult = { ok: true; set: QuestionSet; warnings: ErrorDetail[] } | { ok: false; problems: ErrorDetail[] };
/** A Moodle XML import also brings its files (to store before the set) and what became of each question. */
export type XmlReadResult =
  (ReadResult & { ok: false }) | (ReadResult & { ok: true; media: MoodleXmlImport['media']; report: QuestionReport[] });

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function checkLesson(lesson: string | undefined, problems: ErrorDetail[], path = 'lesson') {
  if (lesson && !content.lessons.some((l) => l.id === lesson))
    problems.push({ path, message: `there is no lesson "${lesson}"; use one of: ${content.lessons.map((l) => l.id).join(', ')}` });
}

/**
 * Reads an instructor's set from our JSON, GIFT or Moodle Cloze and validates it with the one schema. Every problem is
 * returned at once, with a JSON path or a GIFT line and column; nothing is stored by the caller unless ok.
 */
export function readSet(input: SetInput): ReadResult {
  const problems: ErrorDetail[] = [];
  if (input.format === 'moodlexml')
    throw new Error('readSet: a Moodle XML file is read by readMoodleXmlSet (its files are hashed asynchronously)');
  if (new TextEncoder().encode(input.text).length > LIMITS.bodyBytes)
    return { ok: false, problems: [{ message: `the set is larger than ${LIMITS.bodyBytes / 1024} KiB` }] };
  if (!input.text.trim()) return { ok: false, problems: [{ message: 'the set is empty' }] };

  if (input.format === 'json') {
    let raw: unknown;
    try {
      raw = JSON.parse(input.text);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      return {
        ok: false,
        problems: [{ ...(at ? lineColumn(input.text, Number(at[1])) : {}), message: `this is not valid JSON: ${(e as Error).message}` }],
      };
    }
    const langs = LangCode.array()
      .min(1)
      .safeParse((raw as { languages?: unknown } | null)?.languages);
    if (!langs.success) return { ok: false, problems: [{ path: 'languages', message: `list the set's languages, e.g. ["de", "en"]` }] };
    for (const [i, l] of langs.data.entries())
      if (!contentLanguages.includes(l))
        problems.push({ path: `languages[${i}]`, message: `"${l}" is not a course language (${contentLanguages.join(', ')})` });
    if (problems.length) return { ok: false, problems };
    const parsed = setSchemas(langs.data).QuestionSet.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
    checkLesson(parsed.data.lesson, problems);
    return problems.length ? { ok: false, problems } : { ok: true, set: parsed.data, warnings: [] };
  }

  const opts = fileOptions(input, problems);
  if (!opts) return { ok: false, problems };
  return validated((input.format === 'cloze' ? parseCloze : parseGift)(input.text, opts), problems);
}

/** The reader options of a GIFT, Cloze or Moodle XML import; undefined (with the problem) for a language we lack. */
function fileOptions(input: SetInput, problems: ErrorDetail[]) {
  const lang = input.lang ?? contentLanguages[0]!;
  if (!contentLanguages.includes(lang)) {
    problems.push({ path: 'lang', message: `"${lang}" is not a course language (${contentLanguages.join(', ')})` });
    return undefined;
  }
  checkLesson(input.lesson, problems);
  return {
    lang,
    languages: contentLanguages,
    ...(input.title ? { title: input.title } : {}),
    ...(input.lesson ? { lesson: input.lesson } : {}),
  };
}

/**
 * Reads a Moodle XML file (docs/decisions/0015): its own size limit (pictures and sounds travel inside it), the
 * set validated by the one schema, and the files it shows, which the caller stores before the set.
 */
export async function readMoodleXmlSet(input: SetInput): Promise<XmlReadResult> {
  if (!input.text.trim()) return { ok: false, problems: [{ message: 'the set is empty' }] };
  const problems: ErrorDetail[] = [];
  const opts = fileOptions(input, problems);
  if (!opts) return { ok: false, problems };
  const xml = await parseMoodleXml(input.text, opts);
  const result = validated(xml, problems);
  return result.ok ? { ...result, media: xml.media, report: xml.report } : result;
}

/** A GIFT, Cloze or Moodle XML reader's set, validated with the one schema; each problem at its question's line. */
function validated(gift: GiftImport, problems: ErrorDetail[]): ReadResult {
  problems.push(...gift.problems);
  if (problems.length) return { ok: false, problems };
  const parsed = setSchemas(gift.set.languages).QuestionSet.safeParse(gift.set);
  if (!parsed.success) {
    const questions = gift.set.questions;
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const [head, index] = issue.path;
        const id = head === 'questions' && typeof index === 'number' ? (questions[index]?.id as string | undefined) : undefined;
        const line = id ? gift.lineOf[id] : undefined;
        return { ...(line ? { line, column: 1 } : {}), path: formatPath(issue.path), message: issue.message };
      }),
    };
  }
  return { ok: true, set: parsed.data, warnings: gift.warnings };
}

/** A set version as a quiz for the player. Its version names the set version and its content. */
export function setQuiz(v: SetVersion): Quiz {
  return { id: v.id, kind: 'set', title: v.set.title, questions: v.set.questions, version: `${v.version}.${versionOf(v.set.questions)}` };
}

/**
 * What the editor shows again: the text as the instructor wrote it. A Moodle XML file is not kept (its files
 * would not fit a version's row, and they are stored on their own): the version's source is the set as our JSON.
 */
export const sourceOf = (input: SetInput, set?: QuestionSet): SetVersion['source'] =>
  input.format === 'moodlexml'
    ? { format: 'json', text: JSON.stringify(set, null, 2) }
    : { format: input.format, text: input.text, ...(input.lang ? { lang: input.lang } : {}) };

export const isSetId = (id: string) => /^s-[a-z0-9]{4,20}$/.test(id);

export type ExportFormat = 'gift' | 'cloze' | 'json' | 'moodlexml';

const EXTENSIONS: Record<ExportFormat, string> = { gift: 'gift.txt', cloze: 'cloze.txt', json: 'json', moodlexml: 'moodle.xml' };

/** A set version as a download in one of the import formats (an export imports back to the same set). */
export async function exportResponse(c: Context<AppEnv>, v: SetVersion, format: ExportFormat) {
  c.header('Content-Disposition', `attachment; filename="${v.id}-v${v.version}.${EXTENSIONS[format]}"`);
  if (format === 'gift') return c.text(toGift(v.set));
  if (format === 'cloze') return c.text(toClozeWithReport(v.set).text);
  if (format === 'moodlexml')
    return c.body(toMoodleXml(v.set, await mediaBase64(c.env, v.set)).xml, 200, { 'Content-Type': 'application/xml; charset=UTF-8' });
  return c.json(v.set);
}
