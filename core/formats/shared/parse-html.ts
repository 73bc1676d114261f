import { DomHandler, Parser } from 'htmlparser2';
import type { Document } from 'domhandler';

/**
 * How many elements the parser may hold open at once. htmlparser2 keeps its open elements in an array it
 * `unshift`s, so each level costs as much as all before it: 87,000 unclosed `<i>` in one request body took two
 * seconds of CPU. Far above the markup limit (LIMITS.markupDepth, which the sanitiser checks on the tree), so
 * that no text that could be kept ever meets it.
 */
export const PARSE_DEPTH = 1_000;

/** A handler that stops the parser once more than PARSE_DEPTH elements are open. */
class BoundedHandler extends DomHandler {
  /** Where (offset in the HTML) the element that went beyond PARSE_DEPTH opens. */
  overflow: number | undefined;
  private stopper: { pause(): void; startIndex: number } | undefined;

  override onparserinit(parser: Parameters<DomHandler['onparserinit']>[0]) {
    super.onparserinit(parser);
    this.stopper = parser as unknown as { pause(): void; startIndex: number };
  }

  override onopentag(name: string, attribs: Record<string, string>) {
    super.onopentag(name, attribs);
    if (this.overflow === undefined && this.tagStack.length > PARSE_DEPTH + 1) {
      this.overflow = this.stopper?.startIndex ?? 0;
      this.stopper?.pause();
    }
  }
}

/**
 * The tree of an HTML fragment, as htmlparser2's parseDocument builds it, but read only up to PARSE_DEPTH open
 * elements: `overflow` says where reading stopped (the tree then holds what came before).
 */
export function parseHtml(html: string): { dom: Document; overflow: number | undefined } {
  const options = { withStartIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true };
  const handler = new BoundedHandler(undefined, options);
  new Parser(handler, options).end(html);
  return { dom: handler.root, overflow: handler.overflow };
}
