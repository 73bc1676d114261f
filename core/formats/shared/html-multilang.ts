import type { ChildNode, Element } from 'domhandler';

/** A multilang group: consecutive `<span lang class="multilang">` siblings (only white space between). */
export interface MultilangSpan {
  lang: string;
  /** Offset of the span's opening tag in the HTML. */
  start: number;
}

/** The multilang groups of a tree: their spans in document order, and what a walk needs to render one language. */
export interface Multilang {
  /** The spans of each group, in document order; empty when the text has none. */
  groups: MultilangSpan[][];
  /** The group each span belongs to. */
  groupOf: Map<Element, Element[]>;
  /** White space between the spans of a group: part of the group, not text. */
  between: Set<ChildNode>;
}

const isMultilang = (n: ChildNode): n is Element =>
  n.type === 'tag' &&
  n.name === 'span' &&
  (n.attribs.class ?? '').split(/\s+/).includes('multilang') &&
  (n.attribs.lang ?? '').trim() !== '';
export const langOf = (e: Element) => e.attribs.lang!.trim().toLowerCase();

/** Finds the multilang groups of a tree, at any depth. */
export function multilangGroups(children: ChildNode[]): Multilang {
  const found: Multilang = { groups: [], groupOf: new Map(), between: new Set() };
  const visit = (nodes: ChildNode[]) => {
    let current: Element[] | undefined;
    for (const n of nodes) {
      if (isMultilang(n)) {
        if (!current) {
          current = [];
          found.groups.push([]);
        }
        current.push(n);
        found.groupOf.set(n, current);
        found.groups[found.groups.length - 1]!.push({ lang: langOf(n), start: n.startIndex ?? 0 });
        continue;
      }
      if (n.type === 'text' && n.data.trim() === '' && current && n.next && isMultilang(n.next)) {
        found.between.add(n);
        continue;
      }
      current = undefined;
      if ('children' in n) visit(n.children as ChildNode[]);
    }
  };
  visit(children);
  return found;
}
