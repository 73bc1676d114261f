import type { ChildNode, Element } from 'domhandler';
import { langOf, type Multilang } from './html-multilang.ts';
import { LANG_PATTERN, MEDIA_SRC, RICH_TAGS, safeHref, tidy, type RichNode, type RichParent } from './rich-text.ts';

/** Elements dropped with everything inside them: their content is code, styling or a control, not text. */
export const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'textarea',
  'select',
  'button',
  'title',
  'head',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
]);
/** Renamed to their meaning in the subset: Moodle's editor writes `<b>` and `<i>`. */
export const ALIAS: Record<string, string> = { b: 'strong', i: 'em' };
/** Inline elements: unwrapped without setting their text apart (`un<span style="…">wrapped</span>` is one word). */
const INLINE = new Set(
  'a abbr acronym b bdi bdo big cite code data del dfn font i ins kbd label mark q s samp small span strike time tt var wbr'.split(' '),
);
/** Attributes that say nothing a learner would miss: not reported when removed. */
const QUIET_ATTRIBUTES = new Set(['dir', 'class']);

export interface SanitizedHtml {
  nodes: RichNode[];
  /** What was removed, once each, e.g. `<script>`, `onclick="…"`, `a link to javascript:`. */
  removed: string[];
}

/** Whether an element's content is walked for text (not dropped with it). */
export const walked = (n: ChildNode): n is Element => n.type === 'tag' && !DROP_WITH_CONTENT.has(ALIAS[n.name] ?? n.name);

/** The safe tree of a parsed fragment in one language of its multilang groups (a group without it shows nothing). */
export function renderSafe(children: ChildNode[], multilang: Multilang, lang: string | undefined): SanitizedHtml {
  const walk = new SafeWalk(multilang, lang);
  const nodes: RichNode[] = [];
  walk.children(children, nodes);
  return { nodes: tidy(nodes), removed: [...walk.removed] };
}

type Into = RichParent['children'];

/** One walk over the tree: keeps the safe subset, and names what it removes (once each, in the order met). */
class SafeWalk {
  readonly removed = new Set<string>();
  /** Inside a <pre> (not kept): its line breaks carry the layout (code, verse), so they stay as <br>. */
  private pre = 0;

  // Plain fields, not parameter properties: Node runs the build's TypeScript by stripping types, and a
  // parameter property is code, not a type.
  private readonly multilang: Multilang;
  private readonly lang: string | undefined;

  constructor(multilang: Multilang, lang: string | undefined) {
    this.multilang = multilang;
    this.lang = lang;
  }

  children(children: ChildNode[], into: Into) {
    const done = new Set<Element[]>();
    for (const n of children) {
      const group = n.type === 'tag' ? this.multilang.groupOf.get(n) : undefined;
      if (group) {
        if (done.has(group)) continue;
        done.add(group);
        const chosen = group.find((s) => langOf(s) === this.lang);
        if (chosen) this.children(chosen.children, into);
        continue;
      }
      if (this.multilang.between.has(n)) continue;
      if (n.type === 'text') this.text(n, into);
      else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') this.element(n, into);
      else if (n.type === 'cdata') this.removed.add('<![CDATA[…]]>');
      // Comments and doctypes show nothing: dropped without a word.
    }
  }

  private text(n: ChildNode & { data: string }, into: Into) {
    if (!this.pre) return void into.push(n.data.replace(/[ \t\n\r\f]+/g, ' '));
    // As a browser shows a <pre>: the line break right after <pre> and the one before </pre> show nothing.
    const edge = n.parent && 'name' in n.parent && n.parent.name === 'pre';
    let data = edge && !n.prev ? n.data.replace(/^\r?\n/, '') : n.data;
    if (edge && !n.next) data = data.replace(/\r?\n$/, '');
    data.split(/\r?\n/).forEach((line, i) => {
      if (i) into.push({ tag: 'br' });
      into.push(line.replace(/[ \t\r\f]+/g, ' '));
    });
  }

  private element(e: Element, into: Into) {
    const name = ALIAS[e.name] ?? e.name;
    if (e.type === 'tag' && (name === 'img' || name === 'audio')) return this.media(e, name, into);
    if (DROP_WITH_CONTENT.has(name) || e.type !== 'tag') {
      this.removed.add(`<${e.name}>`);
      return;
    }
    const { node, kept } = this.safeNode(e, name);
    for (const attr of Object.keys(e.attribs))
      if (!kept.has(attr) && !(QUIET_ATTRIBUTES.has(attr) && node)) this.removed.add(`${attr}="…"`);
    if (!node) return this.unwrap(e, name, into);
    into.push(node);
    if (node.tag !== 'br') this.children(e.children, node.children);
  }

  /** The element as a node of the subset, with the attributes it keeps; none for an element that is unwrapped. */
  private safeNode(e: Element, name: string) {
    const kept = new Set<string>();
    let node: RichParent | { tag: 'br' } | undefined;
    if (name === 'br') node = { tag: 'br' };
    else if (RICH_TAGS.has(name)) node = { tag: name as Extract<RichParent, { tag: 'em' }>['tag'], children: [] };
    else if (name === 'span' && LANG_PATTERN.test(e.attribs.lang?.trim() ?? '')) {
      node = { tag: 'span', lang: e.attribs.lang!.trim(), children: [] };
      kept.add('lang');
    } else if (name === 'a' && e.attribs.href !== undefined) {
      const href = safeHref(e.attribs.href);
      if (href) {
        node = { tag: 'a', href, children: [] };
        kept.add('href');
      } else this.removed.add(`a link to ${/^\s*([a-z][a-z0-9+.-]*):/i.exec(e.attribs.href)?.[1]?.toLowerCase() ?? 'a relative address'}:`);
      kept.add('rel').add('target');
    } else if (name !== 'span' && name !== 'a') this.removed.add(`<${e.name}>`);
    return { node, kept };
  }

  /**
   * A picture or a sound is kept only from the set's own media (`/media/{sha256}`, which the importers write for
   * the files a set brings): `<img src alt>`, `<audio controls src>` (the src on the element or its first
   * `<source>`). Size and class attributes say nothing a learner misses; anything else is named as removed.
   */
  private media(e: Element, name: 'img' | 'audio', into: Into) {
    const source = e.children.find((c): c is Element => c.type === 'tag' && c.name === 'source');
    const src = (e.attribs.src ?? source?.attribs.src ?? '').trim();
    const quiet = new Set(['src', 'alt', 'controls', 'width', 'height', 'class', 'title', 'role', 'preload']);
    for (const attr of Object.keys(e.attribs)) if (!quiet.has(attr)) this.removed.add(`${attr}="…"`);
    // Only files the set brings are shown: a picture or sound from elsewhere goes, named as before.
    if (!MEDIA_SRC.test(src)) return void this.removed.add(`<${e.name}>`);
    if (name === 'img') into.push({ tag: 'img', src, alt: (e.attribs.alt ?? '').replace(/\s+/g, ' ').trim(), children: [] });
    else into.push({ tag: 'audio', src, children: [] });
  }

  /** Unknown elements are unwrapped: their text stays, a block's set apart as the block would have been. */
  private unwrap(e: Element, name: string, into: Into) {
    const gap = INLINE.has(e.name) ? '' : ' ';
    into.push(gap);
    if (name === 'pre') this.pre++;
    this.children(e.children, into);
    if (name === 'pre') this.pre--;
    into.push(gap);
  }
}
