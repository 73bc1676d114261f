import { LIMITS, tooDeep, tooLong } from '../../sets/limits.ts';
import { markdownToHtml } from '../shared/markdown.ts';
import { quoted } from '../shared/problems.ts';
import { richFromPlain, richToText, serializeRich } from '../shared/rich-text.ts';
import { readHtml, type MultilangSpan } from '../shared/sanitize.ts';
import { pos, sub, trim, type Src } from '../shared/source.ts';
import { problem, warn, type Ctx } from './context.ts';

/** The text formats a GIFT text may name with `[format]`; Moodle's default is `moodle`. */
const FORMATS = new Set(['html', 'moodle', 'plain', 'markdown']);

/**
 * A text as read: one version for every language (no multilang spans), or a version per complete language.
 * `rich` is the stored form with the safe subset of markup (core/formats/shared/rich-text.ts), `plain` the
 * words alone (for answers a learner types or picks from a list).
 */
export type LText =
  | { multi: false; rich: string; plain: string; at: number }
  | { multi: true; rich: Record<string, string>; plain: Record<string, string>; at: number };

/** Which form a field keeps: `rich` for texts shown as text, `plain` for answers that are compared or listed. */
export type TextKind = 'rich' | 'plain';

const KEPT = 'emphasis, strong, underline, sub/superscript, line breaks, paragraphs, lists, language spans and http(s) links';

/** Reads a text with an optional `[format]` prefix into its rich and plain forms, multilang spans per language. */
export function readText(ctx: Ctx, raw: Src, fmt: string, prefix = true): { lt: LText; fmt: string; refused?: true } {
  let t = trim(raw);
  if (prefix) ({ t, fmt } = formatPrefix(t, fmt));
  const at = pos(t);
  if (fmt === 'plain') {
    const rich = richFromPlain(t.s);
    return { lt: { multi: false, rich, plain: t.s, at }, fmt };
  }
  // Moodle's own format is HTML in which a line break is a <br>; Markdown is rendered with raw HTML off.
  const html = fmt === 'markdown' ? markdownToHtml(t.s) : fmt === 'moodle' ? t.s.replace(/\n/g, '<br>') : t.s;
  const doc = readHtml(html);
  const fileAt = fileOffsets(t, fmt);
  if (doc.tooDeep) {
    problem(ctx, fileAt(doc.tooDeep.start), `this text ${tooDeep(doc.tooDeep.depth, doc.tooDeep.more)}: write the markup flatter.`);
    // A stand-in word, so that no second problem ("empty", "too long") follows from this one; nothing is stored.
    return { lt: { multi: false, rich: '…', plain: '…', at }, fmt, refused: true };
  }
  const removed = new Set<string>();
  const version = (lang?: string) => {
    const r = doc.render(lang);
    for (const x of r.removed) removed.add(x);
    return { rich: serializeRich(r.nodes), plain: richToText(r.nodes) };
  };
  let lt: LText;
  if (!doc.groups.length) lt = { multi: false, ...version(), at };
  else lt = { multi: true, ...multilangVersions(ctx, doc.groups, fileAt, version), at };
  if (removed.size) warn(ctx, at, `removed from this text: ${[...removed].join(', ')} (kept are only ${KEPT}).`);
  return { lt, fmt };
}

/** A leading `[html]`, `[moodle]`, `[plain]` or `[markdown]` sets the text's format; anything else is text. */
function formatPrefix(t: Src, fmt: string): { t: Src; fmt: string } {
  if (t.s[0] !== '[') return { t, fmt };
  const end = t.s.indexOf(']');
  const name = end > 0 ? t.s.slice(1, end) : '';
  return FORMATS.has(name) ? { t: trim(sub(t, end + 1)), fmt: name } : { t, fmt };
}

/**
 * An offset in the text's HTML as a file offset: Moodle's format grew by three characters per line break;
 * Markdown's HTML is another text, so its places are the text's start.
 */
function fileOffsets(t: Src, fmt: string): (offset: number) => number {
  const at = pos(t);
  return (offset: number) => {
    if (fmt === 'markdown') return at;
    let i = offset;
    if (fmt === 'moodle') {
      const width = (c: string) => (c === '\n' ? 4 : 1);
      i = 0;
      for (let h = 0; i < t.s.length && h + width(t.s[i]!) <= offset; i++) h += width(t.s[i]!);
    }
    return t.at[i] ?? at;
  };
}

/**
 * The text in each course language that every multilang group has; a span in another language is a problem.
 * The languages the spans use are recorded in `ctx.found`.
 */
function multilangVersions(
  ctx: Ctx,
  groups: readonly (readonly MultilangSpan[])[],
  fileAt: (offset: number) => number,
  version: (lang: string) => { rich: string; plain: string },
) {
  const mentioned = new Set<string>();
  for (const g of groups)
    for (const span of g) {
      if (ctx.opts.languages.includes(span.lang)) {
        mentioned.add(span.lang);
        ctx.found.add(span.lang);
      } else
        problem(
          ctx,
          fileAt(span.start),
          `the language "${span.lang}" of this multilang span is not one of the course languages (${quoted(ctx.opts.languages)}).`,
        );
    }
  const rich: Record<string, string> = {};
  const plain: Record<string, string> = {};
  for (const lang of ctx.opts.languages) {
    if (!mentioned.has(lang) || !groups.every((g) => g.some((s) => s.lang === lang))) continue;
    const v = version(lang);
    rich[lang] = v.rich;
    plain[lang] = v.plain;
  }
  return { rich, plain };
}

/** Whether a text keeps markup that a plain field would lose. */
const marked = (rich: string, plain: string) => rich !== richFromPlain(plain);

/** A problem at the text when one of its versions is longer than `limit` characters (in the stored form). */
export function checkLength(ctx: Ctx, at: number, texts: Readonly<Record<string, string>>, limit: number) {
  for (const [lang, text] of Object.entries(texts))
    if (text.length > limit) return problem(ctx, at, `this text (in "${lang}") ${tooLong(text.length, limit)}.`);
}

/**
 * A text in every set language; a multilang text that lacks one of them is a problem at the text, and so is one
 * longer than `limit` (pass Infinity when the caller checks the text it makes of it).
 */
export function localize(ctx: Ctx, lt: LText, kind: TextKind = 'rich', limit: number = LIMITS.textChars): Record<string, string> {
  // Moodle shows text without language marks to everyone, whatever their language: so do we ("China" is
  // "China" in both languages), rather than refusing it.
  if (!lt.multi) {
    if (kind === 'plain') plainOnly(ctx, lt);
    const same = Object.fromEntries(ctx.langs.map((l) => [l, kind === 'rich' ? lt.rich : lt.plain]));
    checkLength(ctx, lt.at, same, limit);
    return same;
  }
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const lang of ctx.langs) {
    const text = kind === 'rich' ? lt.rich[lang] : lt.plain[lang];
    if (text === undefined) missing.push(lang);
    else out[lang] = text;
  }
  if (kind === 'plain') plainOnly(ctx, lt);
  checkLength(ctx, lt.at, out, limit);
  if (missing.length)
    problem(
      ctx,
      lt.at,
      `this text has no version in ${quoted(missing)}: the file uses multilang spans, so every text needs a <span lang="${missing[0]}" class="multilang">.`,
    );
  return out;
}

/** Answers and list items are plain: say so when their markup is dropped. */
function plainOnly(ctx: Ctx, lt: LText) {
  const lost = lt.multi ? Object.keys(lt.rich).some((l) => marked(lt.rich[l]!, lt.plain[l]!)) : marked(lt.rich, lt.plain);
  if (lost) warn(ctx, lt.at, 'the formatting of this answer was removed: answers are plain text here.');
}

/** The languages a plain answer counts in: all of them for a text without spans, else the languages it has. */
export function answerLangs(ctx: Ctx, lt: LText): Array<[string, string]> {
  plainOnly(ctx, lt);
  const out: Array<[string, string]> = !lt.multi
    ? ctx.langs.map((l) => [l, lt.plain])
    : ctx.langs.filter((l) => lt.plain[l] !== undefined).map((l) => [l, lt.plain[l]!]);
  checkLength(ctx, lt.at, Object.fromEntries(out), LIMITS.textChars);
  return out;
}

/** A single-string text (per-answer feedback of typed answers): the import language's version, rich. */
export function oneString(ctx: Ctx, lt: LText): string {
  const text = !lt.multi
    ? lt.rich
    : (lt.rich[ctx.opts.lang] ?? ctx.langs.map((l) => lt.rich[l]).find((t) => t !== undefined) ?? Object.values(lt.rich)[0] ?? '');
  checkLength(ctx, lt.at, { [ctx.opts.lang]: text }, LIMITS.textChars);
  return text;
}

/** Whether a text has no words (and no markup). */
export const isEmpty = (lt: LText) => (!lt.multi ? lt.rich === '' : Object.values(lt.rich).every((t) => t === ''));
