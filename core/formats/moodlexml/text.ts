import { LIMITS } from '../../sets/limits.ts';
import { CLOZE_ESCAPES, unescape, type Src } from '../shared/source.ts';
import { answerLangs, isEmpty, localize, readText, type LText } from '../gift/text.ts';
import type { XCtx } from './context.ts';
import { drop } from './context.ts';
import { attr, child, children, textOf, type XNode } from './xml.ts';

/** Moodle XML's text formats as the GIFT reader names them (FORMAT_MOODLE, FORMAT_HTML, FORMAT_PLAIN, FORMAT_MARKDOWN). */
const FORMATS: Record<string, string> = { moodle_auto_format: 'moodle', html: 'html', plain_text: 'plain', markdown: 'markdown' };

/** The format of an element's text: its own `format`, else the question text's (Moodle's importer does the same). */
export function formatOf(node: XNode | undefined, inherited: string): string {
  const f = attr(node, 'format');
  return f === undefined ? inherited : (FORMATS[f] ?? inherited);
}

/** Characters of a text as a Src whose every offset is the question's (problems name the question's line). */
export const srcOf = (raw: string, escapes = ''): Src => unescape(raw, new Int32Array(raw.length), escapes);

/**
 * An element's `<text>` with its `@@PLUGINFILE@@/name` references replaced by the set's address for that file
 * (`/media/{sha256}`). A file belongs to the text it sits in: the `<file>` children of the same element, so two
 * texts of one question may each have a `sketch.png`. References are URL-encoded (`sketch%20%281%29.png`).
 */
export function rawText(ctx: XCtx, node: XNode | undefined): string {
  const raw = textOf(child(node, 'text'));
  if (!raw.includes('@@PLUGINFILE@@')) return raw;
  const byPath = new Map<string, string>();
  for (const f of children(node, 'file')) {
    const read = ctx.files.get(f);
    const path = `${(attr(f, 'path') ?? '/').replace(/\/?$/, '/')}${attr(f, 'name') ?? ''}`;
    if (read && typeof read !== 'string') byPath.set(path, `/media/${read.hash}`);
  }
  return raw.replace(/@@PLUGINFILE@@(\/[^"'<>\s?#]*)/g, (whole, encoded: string) => {
    let path = encoded;
    try {
      path = decodeURIComponent(encoded);
    } catch {
      // A malformed escape is looked up as written.
    }
    const found = byPath.get(path);
    if (!found) drop(ctx, `the text shows "${path.slice(1)}", but no file of that name (that could be used) sits in the same text.`);
    return found ?? whole;
  });
}

/** An element's text read in its format (sanitised, multilang spans per language); undefined when absent or empty. */
export function readLText(ctx: XCtx, node: XNode | undefined, plain = false, raw = rawText(ctx, node)): LText | undefined {
  if (node === undefined) return undefined;
  const read = readText(ctx, srcOf(raw), plain ? 'plain' : formatOf(node, ctx.textFormat), false);
  return isEmpty(read.lt) ? undefined : read.lt;
}

/** A text shown as text (markup kept), in every set language. */
export function rich(ctx: XCtx, node: XNode | undefined, limit: number = LIMITS.textChars): Record<string, string> | undefined {
  const lt = readLText(ctx, node);
  return lt && localize(ctx, lt, 'rich', limit);
}

/** A text that must be there (a question's text, a choice). */
export function richRequired(ctx: XCtx, node: XNode | undefined, what: string, limit: number = LIMITS.textChars): Record<string, string> {
  const text = rich(ctx, node, limit);
  if (text) return text;
  drop(ctx, `${what} is empty.`);
  return Object.fromEntries(ctx.langs.map((l) => [l, '…']));
}

/** A plain text (a right-hand side, an item), in every set language. */
export function plain(ctx: XCtx, node: XNode | undefined): Record<string, string> | undefined {
  const lt = readLText(ctx, node, formatOf(node, ctx.textFormat) === 'plain');
  return lt && localize(ctx, lt, 'plain');
}

/** A typed answer: plain text exactly as written (Moodle compares it so), in the languages it has. */
export function typedAnswer(ctx: XCtx, node: XNode): Array<[string, string]> {
  const raw = rawText(ctx, node);
  // Our extension for answers in one language only (Moodle compares the text as written): a multilang span.
  const multilang = /^<span lang="[a-z-]+" class="multilang">/.test(raw);
  const { lt } = readText(ctx, srcOf(raw), multilang ? 'html' : 'plain', false);
  return isEmpty(lt) ? [] : answerLangs(ctx, lt);
}

/** Cloze text: Moodle's embedded answers escape `\}`, `\~`, `\#` and `\\`. */
export const clozeSrc = (ctx: XCtx, node: XNode | undefined) => srcOf(rawText(ctx, node), CLOZE_ESCAPES);
