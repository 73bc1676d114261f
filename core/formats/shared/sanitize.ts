import type { ChildNode, Element } from 'domhandler';
import { LIMITS } from '../../sets/limits.ts';
import { PARSE_DEPTH, parseHtml } from './parse-html.ts';
import { LANG_PATTERN, RICH_TAGS, safeHref, tidy, type RichNode, type RichParent } from './rich-text.ts';

/**
 * The one sanitiser for instructor HTML ([html], [moodle], [markdown] after rendering, multilang spans).
 * htmlparser2 (a maintained, pure-JS parser that runs in workerd and Node) builds the tree; this walk keeps the
 * safe subset and names everything it removes, so the import can warn with the text's line. The walk recurses once
 * per element level, so a text nested deeper than LIMITS.markupDepth is measured first (without recursion) and
 * refused rather than walked: an import must not silently drop what the instructor wrote.
 */

/** Elements dropped with everything inside them: their content is code, styling or a control, not text. */
const DROP_WITH_CONTENT = new Set([
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
const ALIAS: Record<string, string> = { b: 'strong', i: 'em' };
/** Inline elements: unwrapped without setting their text apart (`un<span style="…">wrapped</span>` is one word). */
const INLINE = new Set(
  'a abbr acronym b bdi bdo big cite code data del dfn font i ins kbd label mark q s samp small span strike time tt var wbr'.split(' '),
);
/** Attributes that say nothing a learner would miss: not reported when removed. */
const QUIET_ATTRIBUTES = new Set(['dir', 'class']);

/** A multilang group: consecutive `<span lang class="multilang">` siblings (only white space between). */
export interface MultilangSpan {
  lang: string;
  /** Offset of the span's opening tag in the HTML. */
  start: number;
}

export interface SanitizedHtml {
  nodes: RichNode[];
  /** What was removed, once each, e.g. `<script>`, `onclick="…"`, `a link to javascript:`. */
  removed: string[];
}

export interface HtmlText {
  /**
   * Where (offset in the HTML) the first element nested deeper than LIMITS.markupDepth opens, and how deep the
   * text goes (`more`: deeper than that, the parser stopped there).
   */
  tooDeep?: { start: number; depth: number; more?: true };
  /** Multilang groups in document order; empty when the text has none. */
  groups: MultilangSpan[][];
  /** The safe tree, in one language of the multilang groups (a group without that language shows nothing). */
  render(lang?: string): SanitizedHtml;
}

const isMultilang = (n: ChildNode): n is Element =>
  n.type === 'tag' &&
  n.name === 'span' &&
  (n.attribs.class ?? '').split(/\s+/).includes('multilang') &&
  (n.attribs.lang ?? '').trim() !== '';
const langOf = (e: Element) => e.attribs.lang!.trim().toLowerCase();

/** Parses an HTML fragment once; `render` can then be called per language. */
export function readHtml(html: string): HtmlText {
  const { dom, overflow } = parseHtml(html);
  const measured = measureDepth(dom.children);
  const tooDeep = overflow === undefined ? measured : { start: measured?.start ?? overflow, depth: PARSE_DEPTH, more: true as const };
  // Nothing else walks a tree this deep: the import is refused with the place and the limit.
  if (tooDeep) return { tooDeep, groups: [], render: () => ({ nodes: [], removed: [] }) };
  const groupOf = new Map<Element, Element[]>();
  /** White space between the spans of a group: part of the group, not text. */
  const between = new Set<ChildNode>();
  const groups: MultilangSpan[][] = [];
  const findGroups = (children: ChildNode[]) => {
    let current: Element[] | undefined;
    for (const n of children) {
      if (isMultilang(n)) {
        if (!current) {
          current = [];
          groups.push([]);
        }
        current.push(n);
        groupOf.set(n, current);
        groups[groups.length - 1]!.push({ lang: langOf(n), start: n.startIndex ?? 0 });
        continue;
      }
      if (n.type === 'text' && n.data.trim() === '' && current && n.next && isMultilang(n.next)) {
        between.add(n);
        continue;
      }
      current = undefined;
      if ('children' in n) findGroups(n.children as ChildNode[]);
    }
  };
  findGroups(dom.children);

  return {
    groups,
    render(lang) {
      const removed = new Set<string>();
      /** Inside a <pre> (not kept): its line breaks carry the layout (code, verse), so they stay as <br>. */
      let pre = 0;
      const text = (n: ChildNode & { data: string }, into: RichParent['children']) => {
        if (!pre) return void into.push(n.data.replace(/[ \t\n\r\f]+/g, ' '));
        // As a browser shows a <pre>: the line break right after <pre> and the one before </pre> show nothing.
        const edge = n.parent && 'name' in n.parent && n.parent.name === 'pre';
        let data = edge && !n.prev ? n.data.replace(/^\r?\n/, '') : n.data;
        if (edge && !n.next) data = data.replace(/\r?\n$/, '');
        data.split(/\r?\n/).forEach((line, i) => {
          if (i) into.push({ tag: 'br' });
          into.push(line.replace(/[ \t\r\f]+/g, ' '));
        });
      };
      const walk = (children: ChildNode[], into: RichParent['children']) => {
        const done = new Set<Element[]>();
        for (const n of children) {
          const group = n.type === 'tag' ? groupOf.get(n) : undefined;
          if (group) {
            if (done.has(group)) continue;
            done.add(group);
            const chosen = group.find((s) => langOf(s) === lang);
            if (chosen) walk(chosen.children, into);
            continue;
          }
          if (between.has(n)) continue;
          if (n.type === 'text') text(n, into);
          else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') element(n, into);
          else if (n.type === 'cdata') removed.add('<![CDATA[…]]>');
          // Comments and doctypes show nothing: dropped without a word.
        }
      };
      const element = (e: Element, into: RichParent['children']) => {
        const name = ALIAS[e.name] ?? e.name;
        if (DROP_WITH_CONTENT.has(name) || e.type !== 'tag') {
          removed.add(`<${e.name}>`);
          return;
        }
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
          } else removed.add(`a link to ${/^\s*([a-z][a-z0-9+.-]*):/i.exec(e.attribs.href)?.[1]?.toLowerCase() ?? 'a relative address'}:`);
          kept.add('rel').add('target');
        } else if (name !== 'span' && name !== 'a') removed.add(`<${e.name}>`);
        for (const attr of Object.keys(e.attribs)) if (!kept.has(attr) && !(QUIET_ATTRIBUTES.has(attr) && node)) removed.add(`${attr}="…"`);
        if (!node) {
          // Unknown elements are unwrapped: their text stays, a block's set apart as the block would have been.
          const gap = INLINE.has(e.name) ? '' : ' ';
          into.push(gap);
          if (name === 'pre') pre++;
          walk(e.children, into);
          if (name === 'pre') pre--;
          into.push(gap);
          return;
        }
        into.push(node);
        if (node.tag !== 'br') walk(e.children, node.children);
      };
      const nodes: RichNode[] = [];
      walk(dom.children, nodes);
      return { nodes: tidy(nodes), removed: [...removed] };
    },
  };
}

/** Whether an element's content is walked for text (not dropped with it). */
const walked = (n: ChildNode): n is Element => n.type === 'tag' && !DROP_WITH_CONTENT.has(ALIAS[n.name] ?? n.name);

/**
 * The first element nested deeper than LIMITS.markupDepth among the elements the walk would enter, and the
 * depth of the deepest such element; an explicit stack, so that any depth is measured without recursion.
 */
function measureDepth(children: ChildNode[]): HtmlText['tooDeep'] {
  const stack: Array<[ChildNode, number]> = children.map((n): [ChildNode, number] => [n, 1]).reverse();
  let first: number | undefined;
  let deepest = 0;
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (!walked(n)) continue;
    if (depth > LIMITS.markupDepth) {
      first ??= n.startIndex ?? 0;
      deepest = Math.max(deepest, depth);
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, depth + 1]);
  }
  return first === undefined ? undefined : { start: first, depth: deepest };
}
