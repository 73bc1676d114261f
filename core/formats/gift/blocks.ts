import { GIFT_ESCAPES, trim, unescape, type Src } from '../shared/source.ts';
import type { Directives } from './answer-block.ts';
import { LIMITS, tooLong } from '../../sets/limits.ts';
import { problem, warn, type Ctx } from './context.ts';

/** One blank-line-separated block of a GIFT file: its text (comments removed, escapes resolved) and directives. */
export interface GiftBlock {
  text: Src;
  directives: Directives;
  /** Moodle's own `[id:…]` in the opening comments: the question's id number, used as its id when it can be. */
  moodleId?: { value: string; at: number };
}

const asBool = (v: string) => (/^(true|yes|1)$/i.test(v) ? true : /^(false|no|0)$/i.test(v) ? false : undefined);

/**
 * Splits a GIFT (or Cloze) file into blocks, resolving the format's `escapes`. Comment lines are dropped, except our `// @…` directives in the comments that
 * open a block, `// @title <lang>: …` anywhere (into `titles`), and Moodle's `[id:…]` and `[tag:…]`.
 */
export function readBlocks(text: string, ctx: Ctx, titles: Record<string, string>, escapes = GIFT_ESCAPES): GiftBlock[] {
  const lines = text.split(/\r\n|\n|\r/);
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const out: GiftBlock[] = [];
  for (const blockLines of lineGroups(lines)) {
    const directives: Directives = {};
    const content: number[] = [];
    const comments: Array<{ text: string; at: number }> = [];
    for (const i of blockLines) {
      const line = lines[i]!;
      const trimmed = line.trim();
      if (!trimmed.startsWith('//')) {
        content.push(i);
        continue;
      }
      if (!content.length) comments.push({ text: trimmed, at: starts[i]! + line.indexOf('//') });
      // Question directives open the block; a title may stand anywhere.
      readDirective(ctx, trimmed, starts[i]! + line.indexOf('@'), escapes, titles, content.length ? undefined : directives);
    }
    if (!content.length) continue;
    out.push({ text: blockText(lines, starts, content, escapes), directives, ...moodleComments(ctx, comments) });
  }
  return out;
}

/** The indexes of the lines of each block: blocks are separated by blank lines. */
function lineGroups(lines: readonly string[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length) groups.push(current);
  return groups;
}

/**
 * One `// @key value` comment: a set title in a language goes into `titles`; `@id`, `@sources`,
 * `@caseSensitive` and `@typoTolerance` into `directives` (undefined once the block's text has begun).
 */
function readDirective(
  ctx: Ctx,
  comment: string,
  at: number,
  escapes: string,
  titles: Record<string, string>,
  directives: Directives | undefined,
) {
  const m = /^\/\/\s*@([A-Za-z]+)\b\s*(.*)$/.exec(comment);
  if (!m) return;
  const key = m[1]!.toLowerCase();
  const raw = m[2]!;
  const value = unescape(raw, new Int32Array(raw.length), escapes).s.trim();
  if (key === 'title') {
    const t = /^([a-z]{2})\s*:\s*([\s\S]*)$/.exec(value);
    const title = t?.[2]!.trim();
    if (title && title.length > LIMITS.titleChars) problem(ctx, at, `this set title ${tooLong(title.length, LIMITS.titleChars)}.`);
    else if (t && title && !(t[1]! in titles)) titles[t[1]!] = title;
    return;
  }
  if (!directives) return;
  if (key === 'id') directives.id = { value, at };
  else if (key === 'sources') directives.sources = value.split(/[\s,]+/).filter(Boolean);
  else if (key === 'casesensitive') {
    const b = asBool(value);
    if (b !== undefined) directives.caseSensitive = b;
  } else if (key === 'typotolerance') {
    const b = asBool(value);
    if (b !== undefined) directives.typoTolerance = b;
  }
}

/** The block's text: its lines trimmed (as Moodle does) and joined, with escapes resolved and every character's file offset. */
function blockText(lines: readonly string[], starts: readonly number[], content: readonly number[], escapes: string): Src {
  const bodies = content.map((i) => lines[i]!.trim());
  const raw = bodies.join('\n');
  const at = new Int32Array(raw.length);
  let k = 0;
  content.forEach((i, n) => {
    const line = lines[i]!;
    if (n > 0) at[k++] = starts[content[n - 1]!]! + lines[content[n - 1]!]!.trimEnd().length; // the line break
    const from = starts[i]! + line.length - line.trimStart().length;
    for (let j = 0; j < bodies[n]!.length; j++) at[k++] = from + j;
  });
  return trim(unescape(raw, at, escapes));
}

/**
 * Moodle's importer reads `[id:…]` (the question's id number) and `[tag:…]` from the comments before a question
 * (`\]` escapes a bracket); the id becomes ours when it can, tags have no place here and are named in a warning.
 */
function moodleComments(ctx: Ctx, comments: Array<{ text: string; at: number }>): { moodleId?: { value: string; at: number } } {
  if (!comments.length) return {};
  const joined = comments.map((c) => c.text.replace(/^\/\/\s?/, '')).join('\n');
  const id = /\[id:((?:\\\]|[^\]\n])*)\]/.exec(joined);
  const tags = [...joined.matchAll(/\[tag:((?:\\\]|[^\]\n])*)\]/g)].map((m) => m[1]!.replace(/\\\]/g, ']').trim()).filter(Boolean);
  if (tags.length) warn(ctx, comments[0]!.at, `the tags ${tags.map((t) => `"${t}"`).join(', ')} were left out: sets here have no tags.`);
  const value = id?.[1]!.replace(/\\\]/g, ']').trim();
  return value ? { moodleId: { value, at: comments[0]!.at } } : {};
}
