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
  | { tag: 'a'; href: string; children: RichNode[] }
  | MediaNode;
/**
 * A picture or a sound of the set's own media (`/media/{sha256}`, docs/decisions/0015): never an address
 * elsewhere. They hold nothing (`children` is always empty), so that a walk over the tree treats them as leaves.
 */
export type MediaNode = { tag: 'img'; src: string; alt: string; children: [] } | { tag: 'audio'; src: string; children: [] };
export type RichParent = Exclude<RichNode, string | { tag: 'br' } | MediaNode>;

export const RICH_TAGS: ReadonlySet<string> = new Set<RichTag>(['em', 'strong', 'u', 'sub', 'sup', 'p', 'ul', 'ol', 'li']);
/** The rel every kept link carries. */
export const LINK_REL = 'noopener noreferrer nofollow';
export const LANG_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** The only address a picture or sound may have: the app's own media route and a SHA-256 in hex. */
export const MEDIA_SRC = /^\/media\/[0-9a-f]{64}$/;
/** Every `/media/{sha256}` a stored text shows, in order (repeats kept). */
export const mediaHashes = (stored: string): string[] => [...stored.matchAll(/ src="\/media\/([0-9a-f]{64})"/g)].map((m) => m[1]!);

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
  /<(\/?)(em|strong|u|sub|sup|p|ul|ol|li)>|<br>|<span lang="([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)">|<\/span>|<a href="([^"<>]*)" rel="noopener noreferrer nofollow">|<\/a>|&(amp|lt|gt|quot|#39);|\n|<img src="(\/media\/[0-9a-f]{64})" alt="([^"<>]*)">|<audio controls src="(\/media\/[0-9a-f]{64})"><\/audio>/g;

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
  const tree = new TreeBuilder(maxDepth);
  let last = 0;
  for (const m of stored.matchAll(TOKEN)) {
    tree.text(stored.slice(last, m.index));
    last = m.index + m[0].length;
    tree.token(m);
  }
  tree.text(stored.slice(last));
  return { nodes: tree.root.children, depth: tree.depth };
}

/** Builds the tree token by token, closing elements as HTML parsers do and flattening below `maxDepth`. */
class TreeBuilder {
  readonly root: RichParent = { tag: 'p', children: [] };
  private readonly stack: RichParent[] = [this.root];
  /** The deepest level an element was opened at. */
  depth = 0;
  /** Tags opened below maxDepth and not kept, by name: their closing tags are dropped too, not shown as text. */
  private readonly flattened = new Map<string, number>();
  /** Open elements by tag (not the root): a closing tag with none open is text at once, without a search. */
  private readonly opened = new Map<string, number>();

  // A plain field, not a parameter property: Node runs the build's TypeScript by stripping types, and a
  // parameter property is code, not a type.
  private readonly maxDepth: number;

  constructor(maxDepth: number) {
    this.maxDepth = maxDepth;
  }

  /** One match of TOKEN: an entity, a line break, an opening or closing tag; markup that cannot apply is text. */
  token(m: RegExpExecArray) {
    const [whole, slash, tag, lang, href, entity, img, alt, audio] = m;
    if (entity) this.text(ENTITIES[entity]!);
    else if (img) this.top().children.push({ tag: 'img', src: img, alt: decode(alt ?? ''), children: [] });
    else if (audio) this.top().children.push({ tag: 'audio', src: audio, children: [] });
    else if (whole === '\n' || whole === '<br>') this.top().children.push({ tag: 'br' });
    else if (tag && slash) {
      if (!this.close(tag)) this.text(whole);
    } else if (tag) {
      if (closesP.has(tag) && this.top().tag === 'p' && this.stack.length > 1) this.popTo(this.stack.length - 1);
      if (tag === 'li' && this.top().tag === 'li') this.popTo(this.stack.length - 1);
      this.open({ tag: tag as RichTag, children: [] });
    } else if (lang) this.open({ tag: 'span', lang, children: [] });
    else if (whole === '</span>' || whole === '</a>') {
      if (!this.close(whole.slice(2, -1))) this.text(whole);
    } else {
      const url = safeHref(decode(href ?? ''));
      if (url) this.open({ tag: 'a', href: url, children: [] });
      else this.text(whole);
    }
  }

  /** Text joins the text before it. */
  text(s: string) {
    if (!s) return;
    const kids = this.top().children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + s;
    else kids.push(s);
  }

  private top() {
    return this.stack[this.stack.length - 1]!;
  }

  private count(tag: string, by: number) {
    this.opened.set(tag, (this.opened.get(tag) ?? 0) + by);
  }

  private popTo(length: number) {
    while (this.stack.length > length) this.count(this.stack.pop()!.tag, -1);
  }

  private open(node: RichParent) {
    if (this.stack.length > this.maxDepth) {
      this.flattened.set(node.tag, (this.flattened.get(node.tag) ?? 0) + 1);
      return;
    }
    this.top().children.push(node);
    this.stack.push(node);
    this.count(node.tag, 1);
    this.depth = Math.max(this.depth, this.stack.length - 1);
  }

  /** Closes the innermost open `tag` and everything inside it; false when none is open. */
  private close(tag: string) {
    const skipped = this.flattened.get(tag);
    if (skipped) {
      this.flattened.set(tag, skipped - 1);
      return true;
    }
    if (!this.opened.get(tag)) return false;
    let i = this.stack.length - 1;
    while (this.stack[i]!.tag !== tag) i--;
    this.popTo(i);
    return true;
  }
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
      } else if (n.tag === 'br' || n.tag === 'img' || n.tag === 'audio') out.push(n);
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
      if (n.tag === 'img') return `<img src="${n.src}" alt="${escapeAttr(n.alt)}">`;
      if (n.tag === 'audio') return `<audio controls src="${n.src}"></audio>`;
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
      else if (n.tag === 'br') out.push(BR);
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
  // Paragraph and list boundaries collapse as a browser shows them; a line break written as <br> is kept as
  // written (a plain text written as HTML, `textToHtml`, comes back exactly, blank lines and all).
  return out
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ *\u0001 */g, BR)
    .replace(/^[ \n\u0001]+|[ \n\u0001]+$/g, '')
    .replace(/\u0001/g, '\n')
    .replace(/\u00a0/g, ' ');
}

/** Stands for a `<br>` while the words are gathered, so that it escapes the collapsing of paragraph breaks. */
const BR = '\u0001';

/** A plain text (no markup meant) in stored form: its `<` and `&` escaped, line breaks as `<br>`. */
export const richFromPlain = (text: string) => normalRich(escapeText(text));

/** A stored text as plain words (tables, CSV, the API's report): markup dropped, line breaks as spaces. */
export function plainText(stored: string): string {
  const walk = (nodes: readonly RichNode[]): string =>
    nodes.map((n) => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : walk(n.children))).join('');
  return walk(parseRich(stored)).replace(/\s+/g, ' ').trim();
}
