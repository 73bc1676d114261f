import { LIMITS, tooMany } from '../../sets/limits.ts';
import { lineIndex, sortProblems } from '../shared/problems.ts';
import { GIFT_ESCAPES } from '../shared/source.ts';
import { readBlocks, type GiftBlock } from './blocks.ts';
import type { Ctx } from './context.ts';
import { problem } from './context.ts';
import { assignIds } from './ids.ts';
import type { BlockResult, ParsedQuestion } from './block-result.ts';
import { readQuestionBlock } from './question-block.ts';
import type { GiftImport, GiftOptions, QuestionInput } from './types.ts';

/**
 * Reads a GIFT file the way Moodle's importer does (see /work/shared/GIFT.md), into our question model.
 *
 * Our own extensions live in comments, which Moodle ignores: `// @id <id>` (and `// @sources`,
 * `// @caseSensitive`, `// @typoTolerance`) in the comment lines that open a question's block, and
 * `// @title <lang>: <text>` anywhere for the set title.
 */

interface Pass {
  questions: Array<ParsedQuestion & { category: string | undefined }>;
  passages: Array<{ afterQuestion: number; text: Record<string, string>; line: number }>;
  firstCategory: string | undefined;
  titles: Record<string, string>;
}

/** How one format reads its file: its escapes and what one block is. */
export interface FormatReader {
  escapes: string;
  readBlock: (ctx: Ctx, block: GiftBlock) => BlockResult;
}

const GIFT: FormatReader = { escapes: GIFT_ESCAPES, readBlock: readQuestionBlock };

function readFile(text: string, ctx: Ctx, format: FormatReader): Pass {
  const out: Pass = { questions: [], passages: [], firstCategory: undefined, titles: {} };
  let category: string | undefined;
  for (const block of readBlocks(text, ctx, out.titles, format.escapes)) {
    const r = format.readBlock(ctx, block);
    if (r.kind === 'category') {
      category = r.path;
      out.firstCategory ??= category;
    } else if (r.kind === 'passage') out.passages.push({ afterQuestion: out.questions.length, text: r.text, line: r.line });
    else if (r.kind === 'question') out.questions.push({ ...r.parsed, category });
  }
  return out;
}

/** The last segment of a category path, without Moodle's `$course$`-style prefixes: a fallback set title. */
function lastCategorySegment(path: string): string | undefined {
  const segments = path
    .split(/(?<!\/)\/(?!\/)/)
    .map((s) => s.replace(/\/\//g, '/').trim())
    .filter((s) => s && s !== 'top' && !/^\$[a-z]+\$$/i.test(s));
  return segments[segments.length - 1];
}

/**
 * Reads a GIFT file. Every problem is collected (with its 1-based line and column); when there are problems,
 * the set is incomplete and must not be imported.
 */
export function parseGift(text: string, opts: GiftOptions): GiftImport {
  return readSetFile(text, opts, GIFT);
}

/** Reads a file of questions in one format (GIFT, Cloze): blocks, languages, ids, title and categories. */
export function readSetFile(text: string, opts: GiftOptions, format: FormatReader): GiftImport {
  const source = text.replace(/^\uFEFF/, '');
  const { ctx, pass, langs } = readInLanguages(source, opts, format);
  const { questions, passages, lineOf, categoryOf } = withIds(ctx, pass);
  checkCounts(ctx, pass);
  return {
    set: {
      title: setTitle(opts, pass, langs),
      languages: [...langs],
      ...(opts.lesson !== undefined ? { lesson: opts.lesson } : {}),
      passages,
      ...(Object.keys(categoryOf).length ? { categories: categoryOf } : {}),
      questions,
    },
    lineOf,
    categoryOf,
    problems: sortProblems(ctx.problems),
    warnings: sortProblems(ctx.warnings),
  };
}

/**
 * First pass: which languages the multilang spans use. Second pass: read everything in those languages.
 * (Without multilang spans the first pass already used the right language.)
 */
function readInLanguages(source: string, opts: GiftOptions, format: FormatReader) {
  const where = lineIndex(source);
  const probe: Ctx = { opts, langs: [opts.lang], found: new Set(), problems: [], warnings: [], where };
  const first = readFile(source, probe, format);
  const langs = probe.found.size ? opts.languages.filter((l) => probe.found.has(l)) : [opts.lang];
  const again = langs.length !== 1 || langs[0] !== opts.lang;
  const ctx: Ctx = again ? { opts, langs, found: new Set(), problems: [], warnings: [], where } : probe;
  return { ctx, pass: again ? readFile(source, ctx, format) : first, langs };
}

/** The questions with their ids (type first), the passages before them, and each question's line and category. */
function withIds(ctx: Ctx, pass: Pass) {
  const ids = assignIds(ctx, pass.questions);
  const lineOf: Record<string, number> = {};
  const categoryOf: Record<string, string> = {};
  const questions = pass.questions.map((q, i): QuestionInput => {
    const id = ids[i]!;
    if (!(id in lineOf)) lineOf[id] = q.line;
    if (q.category !== undefined && !(id in categoryOf)) categoryOf[id] = q.category;
    const { type, ...rest } = q.question;
    return { id, type, ...rest } as QuestionInput;
  });
  const passages = pass.passages.map((p) => ({ before: ids[p.afterQuestion] ?? null, text: p.text }));
  return { questions, passages, lineOf, categoryOf };
}

/** Too many questions or passages, or nothing at all. */
function checkCounts(ctx: Ctx, pass: Pass) {
  // Counted here, so that the problem names the line of the first question (or passage) beyond the limit.
  const beyond = (items: ReadonlyArray<{ line: number }>, limit: number, what: string) => {
    if (items.length > limit)
      ctx.problems.push({
        line: items[limit]!.line,
        column: 1,
        message: `this file ${tooMany(items.length, limit, what)}: split it into several sets.`,
      });
  };
  beyond(pass.questions, LIMITS.questions, 'questions');
  beyond(pass.passages, LIMITS.passages, 'descriptions (texts without answers)');

  // A file of descriptions only is a set to read (Moodle imports descriptions alone too).
  if (!pass.questions.length && !pass.passages.length && !ctx.problems.length)
    problem(
      ctx,
      0,
      'this file has no questions: a GIFT question is a text with its answers in {…}, and questions are separated by blank lines.',
    );
}

/** The title given on import, else the file's `// @title` (in the language, else any), else its first category. */
function setTitle(opts: GiftOptions, pass: Pass, langs: readonly string[]): Record<string, string> {
  const segment = pass.firstCategory !== undefined ? lastCategorySegment(pass.firstCategory) : undefined;
  // A category is only a fallback title: one too long for a title is not used.
  const fallback = segment !== undefined && segment.length <= LIMITS.titleChars ? segment : undefined;
  const anyTitle = langs.map((l) => pass.titles[l]).find((t) => t !== undefined);
  return Object.fromEntries(langs.map((l) => [l, opts.title ?? pass.titles[l] ?? anyTitle ?? fallback ?? 'Untitled set']));
}
