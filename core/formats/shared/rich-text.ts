/**
 * Rich text: how instructor text keeps the safe subset of markup (docs/decisions/0005-instructor-formats.md).
 *
 * A text is stored as a string in which only the canonical tags below and the entities `&amp; &lt; &gt; &quot;
 * &#39;` are markup; every other character, including any other `<` or `&`, is literal text, and a line break
 * is a `<br>`. The same reader runs on the server (import, export) and in the browser (web/quiz/rich-text.tsx
 * turns the tree into Preact nodes), so stored text is never handed to the browser as HTML.
 */

import { LIMITS } from '../../sets/limits.ts';

export type RichTag = 'em' | 'strong' | 'u' | 'sub' | 'sup' | 'p' | 'ul' | 'ol' | 'li';
export type RichNode =
  | string
  | { tag: RichTag; children: RichNode[] }
  | { tag: 'br' }
  | { tag: 'span'; lang: string; children: RichNode[] }
  | { tag: 'a'; href: string; children: RichNode[] };
export type RichParent = Exclude<RichNode, string | { tag: 'br' }>;

export const RICH_TAGS: ReadonlySet<string> = new Set<RichTag>(['em', 'strong', 'u', 'sub', 'sup', 'p', 'ul', 'ol', 'li']);
/** The rel every kept link carries. */
export const LINK_REL = 'noopener noreferrer nofollow';
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Only absolute http(s) URLs survive: never javascript:, data:, vbscript: or a relative URL. */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (!/^https?:\/\/[^\s<>"']+$/i.test(h)) return undefined;
  try {
    const url = new URL(h);
    return url.protocol === 'http:' || url.protocol === 'https:' ? h : undefined;
  } catch {
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const TOKEN =
  /<(\/?)(em|strong|u|sub|sup|p|ul|ol|li)>|<br>|<span lang="([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)">|<\/span>|<a href="([^"<>]*)" rel="noopener noreferrer nofollow">|<\/a>|&(amp|lt|gt|quot|#39);|\n/g;

/** Children an open element may not hold: `<p>` closes at a block, `<li>` at the next `<li>` (as HTML parsers do). */
const closesP = new Set(['p', 'ul', 'ol']);

/**
 * Reads a stored text into its tree; whatever is not canonical markup is text. Markup deeper than
 * LIMITS.markupDepth is flattened (its tags dropped, its words kept): the schema refuses such texts, but one
 * stored before the limit must still render, and every renderer recurses once per level.
 */
export function parseRich(stored: string): RichNode[] {
  return tidy(build(stored, LIMITS.markupDepth).nodes);
}

/** How deep a stored text's markup nests, in elements (without flattening): what the schema checks. */
export const richDepth = (stored: string): number => build(stored, Infinity).depth;

/** The tree of a stored text, elements below `maxDepth` flattened, and the deepest level it reached. */
function build(stored: string, maxDepth: number): { nodes: RichNode[]; depth: number } {
  const root: RichParent = { tag: 'p', children: [] };
  const stack: RichParent[] = [root];
  let depth = 0;
  /** Tags opened below maxDepth and not kept, by name: their closing tags are dropped too, not shown as text. */
  const flattened = new Map<string, number>();
  /** Open elements by tag (not the root): a closing tag with none open is text at once, without a search. */
  const opened = new Map<string, number>();
  const count = (tag: string, by: number) => opened.set(tag, (opened.get(tag) ?? 0) + by);
  const popTo = (length: number) => {
    while (stack.length > length) count(stack.pop()!.tag, -1);
  };
  const top = () => stack[stack.length - 1]!;
  const text = (s: string) => {
    if (!s) return;
    const kids = top().children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + s;
    else kids.push(s);
  };
  const open = (node: RichParent) => {
    if (stack.length > maxDepth) {
      flattened.set(node.tag, (flattened.get(node.tag) ?? 0) + 1);
      return;
    }
    top().children.push(node);
    stack.push(node);
    count(node.tag, 1);
    depth = Math.max(depth, stack.length - 1);
  };
  const close = (tag: string) => {
    const skipped = flattened.get(tag);
    if (skipped) {
      flattened.set(tag, skipped - 1);
      return true;
    }
    if (!opened.get(tag)) return false;
    let i = stack.length - 1;
    while (stack[i]!.tag !== tag) i--;
    popTo(i);
    return true;
  };
  let last = 0;
  for (const m of stored.matchAll(TOKEN)) {
    text(stored.slice(last, m.index));
    last = m.index + m[0].length;
    const [whole, slash, tag, lang, href, entity] = m;
    if (entity) text(ENTITIES[entity]!);
    else if (whole === '\n' || whole === '<br>') top().children.push({ tag: 'br' });
    else if (tag && slash) {
      if (!close(tag)) text(whole);
    } else if (tag) {
      if (closesP.has(tag) && top().tag === 'p' && stack.length > 1) popTo(stack.length - 1);
      if (tag === 'li' && top().tag === 'li') popTo(stack.length - 1);
      open({ tag: tag as RichTag, children: [] });
    } else if (lang) open({ tag: 'span', lang, children: [] });
    else if (whole === '</span>' || whole === '</a>') {
      if (!close(whole.slice(2, -1))) text(whole);
    } else {
      const url = safeHref(decode(href ?? ''));
      if (url) open({ tag: 'a', href: url, children: [] });
      else text(whole);
    }
  }
  text(stored.slice(last));
  return { nodes: root.children, depth };
}

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

/**
 * Collapses white space as a browser shows it and trims the ends (and unwraps a lone <p>), so that equal-looking
 * texts are equal.
 */
export function tidy(nodes: RichNode[]): RichNode[] {
  const walk = (list: RichNode[]): RichNode[] => {
    const out: RichNode[] = [];
    for (const n of list) {
      if (typeof n === 'string') {
        const s = n.replace(/[ \t\r\f\v]+/g, ' ');
        if (!s) continue;
        const prev = out[out.length - 1];
        if (typeof prev === 'string') out[out.length - 1] = (prev + s).replace(/ {2,}/g, ' ');
        else out.push(s);
      } else if (n.tag === 'br') out.push(n);
      else out.push({ ...n, children: walk(n.children) });
    }
    return out;
  };
  const out = walk(nodes);
  const first = out[0];
  if (typeof first === 'string') out[0] = first.trimStart();
  const lastNode = out[out.length - 1];
  if (typeof lastNode === 'string') out[out.length - 1] = lastNode.trimEnd();
  const kept = out.filter((n) => n !== '');
  // Moodle's editor wraps every text in one <p>: that is not formatting anyone meant.
  const only = kept.length === 1 ? kept[0] : undefined;
  return only && typeof only !== 'string' && only.tag === 'p' ? tidy(only.children) : kept;
}

// `>` needs no escape in HTML text: leaving it keeps "->" and "a > b" as written.
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/>/g, '&gt;');

/** The stored (canonical) form of a tree. */
export function serializeRich(nodes: readonly RichNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return escapeText(n);
      if (n.tag === 'br') return '<br>';
      const inner = serializeRich(n.children);
      if (n.tag === 'span') return `<span lang="${n.lang}">${inner}</span>`;
      if (n.tag === 'a') return `<a href="${escapeAttr(n.href)}" rel="${LINK_REL}">${inner}</a>`;
      return `<${n.tag}>${inner}</${n.tag}>`;
    })
    .join('');
}

/** A stored text in its normal form: what an export and re-import gives back. */
export const normalRich = (stored: string) => serializeRich(parseRich(stored));

/** The words a reader sees, without markup: line breaks for `<br>`, paragraphs and list items. */
export function richToText(nodes: readonly RichNode[]): string {
  const out: string[] = [];
  const walk = (list: readonly RichNode[]) => {
    for (const n of list) {
      if (typeof n === 'string') out.push(n);
      else if (n.tag === 'br') out.push('\n');
      else {
        const block = n.tag === 'p' || n.tag === 'li' || n.tag === 'ul' || n.tag === 'ol';
        if (block) out.push('\n');
        walk(n.children);
        if (block) out.push('\n');
      }
    }
  };
  walk(nodes);
  // Non-breaking spaces are spaces to a reader, but they are written on purpose: they survive the trimming.
  return out
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[ \n]+|[ \n]+$/g, '')
    .replace(/\u00a0/g, ' ');
}

/** A plain text (no markup meant) in stored form: its `<` and `&` escaped, line breaks as `<br>`. */
export const richFromPlain = (text: string) => normalRich(escapeText(text));

/** A stored text as plain words (tables, CSV, the API's report): markup dropped, line breaks as spaces. */
export function plainText(stored: string): string {
  const walk = (nodes: readonly RichNode[]): string =>
    nodes.map((n) => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : walk(n.children))).join('');
  return walk(parseRich(stored)).replace(/\s+/g, ' ').trim();
}
