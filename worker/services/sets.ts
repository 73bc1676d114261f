import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { parseGift } from '../../core/formats/gift/parse.ts';
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
  format: 'json' | 'gift' | 'cloze';
  text: string;
  /** GIFT and Cloze: the language of plain text. */
  lang?: string | undefined;
  title?: string | undefined;
  lesson?: string | undefined;
}

export type ReadResult = { ok: true; set: QuestionSet; warnings: ErrorDetail[] } | { ok: false; problems: ErrorDetail[] };

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

  const lang = input.lang ?? contentLanguages[0]!;
  if (!contentLanguages.includes(lang))
    return { ok: false, problems: [{ path: 'lang', message: `"${lang}" is not a course language (${contentLanguages.join(', ')})` }] };
  checkLesson(input.lesson, problems);
  const gift = (input.format === 'cloze' ? parseCloze : parseGift)(input.text, {
    lang,
    languages: contentLanguages,
    ...(input.title ? { title: input.title } : {}),
    ...(input.lesson ? { lesson: input.lesson } : {}),
  });
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

/** What the editor shows again: the text as the instructor wrote it. */
export const sourceOf = (input: SetInput): SetVersion['source'] => ({
  format: input.format,
  text: input.text,
  ...(input.lang ? { lang: input.lang } : {}),
});

export const isSetId = (id: string) => /^s-[a-z0-9]{4,20}$/.test(id);

export type ExportFormat = 'gift' | 'cloze' | 'json';

/** A set version as a download in one of the import formats (an export imports back to the same set). */
export function exportResponse(c: Context, v: SetVersion, format: ExportFormat) {
  const ext = format === 'gift' ? 'gift.txt' : format === 'cloze' ? 'cloze.txt' : 'json';
  c.header('Content-Disposition', `attachment; filename="${v.id}-v${v.version}.${ext}"`);
  if (format === 'gift') return c.text(toGift(v.set));
  if (format === 'cloze') return c.text(toClozeWithReport(v.set).text);
  return c.json(v.set);
}
