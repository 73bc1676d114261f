import type { ChildNode } from 'domhandler';
import { LIMITS } from '../../sets/limits.ts';
import { PARSE_DEPTH, parseHtml } from './parse-html.ts';
import { multilangGroups, type MultilangSpan } from './html-multilang.ts';
import { renderSafe, walked, type SanitizedHtml } from './html-render.ts';

/**
 * The one sanitiser for instructor HTML ([html], [moodle], [markdown] after rendering, multilang spans).
 * htmlparser2 (a maintained, pure-JS parser that runs in workerd and Node) builds the tree; this walk keeps the
 * safe subset and names everything it removes, so the import can warn with the text's line. The walk recurses once
 * per element level, so a text nested deeper than LIMITS.markupDepth is measured first (without recursion) and
 * refused rather than walked: an import must not silently drop what the instructor wrote.
 */

export type { MultilangSpan, SanitizedHtml };

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

/** Parses an HTML fragment once; `render` can then be called per language. */
export function readHtml(html: string): HtmlText {
  const { dom, overflow } = parseHtml(html);
  const measured = measureDepth(dom.children);
  const tooDeep = overflow === undefined ? measured : { start: measured?.start ?? overflow, depth: PARSE_DEPTH, more: true as const };
  // Nothing else walks a tree this deep: the import is refused with the place and the limit.
  if (tooDeep) return { tooDeep, groups: [], render: () => ({ nodes: [], removed: [] }) };
  const multilang = multilangGroups(dom.children);
  return { groups: multilang.groups, render: (lang) => renderSafe(dom.children, multilang, lang) };
}

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
