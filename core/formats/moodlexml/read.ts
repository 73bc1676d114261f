import { bytes, LIMITS } from '../../sets/limits.ts';
import { withAlts } from '../../sets/media.ts';
import { mediaHashes } from '../shared/rich-text.ts';
import { lineIndex, sortProblems } from '../shared/problems.ts';
import type { Ctx } from '../gift/context.ts';
import { assignIds } from '../gift/ids.ts';
import type { ParsedQuestion } from '../gift/block-result.ts';
import type { GiftOptions, QuestionInput } from '../gift/types.ts';
import type { XCtx } from './context.ts';
import { readFiles } from './files.ts';
import type { MediaFile } from './media.ts';
import { readQuestion, type QuestionReport } from './question.ts';
import { child, children, field, readXml, type XNode } from './xml.ts';
import type { MoodleXmlImport } from './types.ts';

/**
 * Reads a Moodle XML `<quiz>` as Moodle's importer (question/format/xml/format.php) does, into our set model.
 * Types this module does not have are reported per question (name and reason) and the rest imports; problems
 * (fractions that cannot add up, a question that would grade differently) refuse the import, each with the
 * question's name and line. Files become the set's media (docs/decisions/0015).
 */
export async function parseMoodleXml(text: string, opts: GiftOptions): Promise<MoodleXmlImport> {
  const source = text.replace(/^\uFEFF/, '');
  const xml = readXml(source);
  if (!xml.ok) return { ...empty(opts), problems: xml.problems };
  const files = await readFiles(xml.quiz);
  const where = lineIndex(source);
  const base = (langs: readonly string[]): Ctx => ({ opts, langs, found: new Set(), problems: [], warnings: [], where });
  const probe = base([opts.lang]);
  let pass = readQuiz(probe, xml.quiz, xml.questionOffsets, files);
  let ctx = probe;
  const langs = probe.found.size ? opts.languages.filter((l) => probe.found.has(l)) : [opts.lang];
  if (langs.length !== 1 || langs[0] !== opts.lang) {
    ctx = base(langs);
    pass = readQuiz(ctx, xml.quiz, xml.questionOffsets, files);
  }
  for (const message of new Set([...files.values()].filter((f): f is string => typeof f === 'string')))
    ctx.warnings.push({ line: 1, column: 1, message });
  return assemble(ctx, pass, files, langs);
}

interface Pass {
  questions: Array<ParsedQuestion & { category: string | undefined }>;
  passages: Array<{ afterQuestion: number; text: Record<string, string> }>;
  firstCategory: string | undefined;
  report: QuestionReport[];
  /** The report entry of each question, by its place in `questions`. */
  reportOf: QuestionReport[];
}

/** One reading of every `<question>`, in the set languages `ctx.langs`. */
function readQuiz(ctx: Ctx, quiz: XNode, offsets: readonly number[], files: XCtx['files']): Pass {
  const out: Pass = { questions: [], passages: [], firstCategory: undefined, report: [], reportOf: [] };
  let category: string | undefined;
  for (const [i, q] of children(quiz, 'question').entries()) {
    const at = ctx.where(offsets[i] ?? 0);
    if ((q['@type'] as string | undefined) === 'category') {
      category = field(child(q, 'category'), 'text') ?? category;
      out.firstCategory ??= category;
      continue;
    }
    const read = readQuestion({ ...ctx, where: () => at }, q, files, i);
    out.report.push(read.report);
    if (read.kind === 'passage') out.passages.push({ afterQuestion: out.questions.length, text: read.text });
    else if (read.kind === 'question') {
      out.questions.push({ ...read.parsed, idAt: offsets[i] ?? 0, line: at.line, category });
      out.reportOf.push(read.report);
    }
  }
  if (!out.questions.length && !out.passages.length && !ctx.problems.length)
    ctx.problems.push({ line: 1, column: 1, message: 'nothing in this file can be imported (see the reasons given for each question).' });
  return out;
}

/** The set from a pass: ids, passages, categories, and the media its texts show. */
function assemble(ctx: Ctx, pass: Pass, files: XCtx['files'], langs: readonly string[]): MoodleXmlImport {
  const ids = assignIds(ctx, pass.questions);
  const lineOf: Record<string, number> = {};
  const categoryOf: Record<string, string> = {};
  const questions = pass.questions.map((q, i): QuestionInput => {
    const id = ids[i]!;
    lineOf[id] ??= q.line;
    if (q.category !== undefined) categoryOf[id] ??= q.category;
    pass.reportOf[i]!.id = id;
    const { type, ...rest } = q.question;
    return { id, type, ...rest } as QuestionInput;
  });
  const passages = pass.passages.map((p) => ({ before: ids[p.afterQuestion] ?? null, text: p.text }));
  const { media: listed, files: used } = usedMedia(ctx, files, JSON.stringify([questions, passages]).replace(/\\"/g, '"'));
  // A picture's alt text is the first one the file gives it, in reading order (a passage before its question).
  const inOrder = [
    ...questions.flatMap((q) => [...passages.filter((p) => p.before === q.id), q]),
    ...passages.filter((p) => p.before === null),
  ];
  const media = withAlts(listed, inOrder);
  const title = ctx.opts.title ?? lastSegment(pass.firstCategory) ?? 'Untitled set';
  return {
    set: {
      title: Object.fromEntries(langs.map((l) => [l, title])),
      languages: [...langs],
      ...(ctx.opts.lesson !== undefined ? { lesson: ctx.opts.lesson } : {}),
      passages,
      ...(Object.keys(categoryOf).length ? { categories: categoryOf } : {}),
      ...(media.length ? { media } : {}),
      questions,
    },
    lineOf,
    categoryOf,
    problems: sortProblems(ctx.problems),
    warnings: sortProblems(ctx.warnings),
    media: used,
    report: pass.report,
  };
}

/** The files the set's texts show (once per hash, in file order); the others are named as left out. */
function usedMedia(ctx: Ctx, files: XCtx['files'], texts: string) {
  const shown = new Set(mediaHashes(texts));
  const used = new Map<string, MediaFile>();
  for (const f of files.values()) {
    if (typeof f === 'string') continue;
    if (shown.has(f.hash)) used.set(f.hash, used.get(f.hash) ?? f);
    else
      ctx.warnings.push({ line: 1, column: 1, message: `the file "${f.name}" is shown by no text that was imported, so it was left out.` });
  }
  const list = [...used.values()];
  const total = list.reduce((n, f) => n + f.bytes.length, 0);
  if (total > LIMITS.mediaSetBytes)
    ctx.problems.push({
      line: 1,
      column: 1,
      message: `the pictures and sounds of this set add up to ${bytes(total)}; the limit for a set is ${bytes(LIMITS.mediaSetBytes)}.`,
    });
  return { media: list.map((f) => ({ hash: f.hash, name: f.name, type: f.type, size: f.bytes.length })), files: list };
}

/** The last segment of a category path (`$course$/top/Unit 1` → "Unit 1"): a fallback title. */
function lastSegment(path: string | undefined): string | undefined {
  const s = path
    ?.split('/')
    .map((x) => x.trim())
    .filter((x) => x && x !== 'top' && !/^\$[a-z]+\$$/i.test(x))
    .at(-1);
  return s && s.length <= LIMITS.titleChars ? s : undefined;
}

function empty(opts: GiftOptions): Omit<MoodleXmlImport, 'problems'> {
  const set = { title: { [opts.lang]: 'Untitled set' }, languages: [opts.lang], passages: [], questions: [] };
  return { set, lineOf: {}, categoryOf: {}, warnings: [], media: [], report: [] };
}
