import { readMediaFile, type MediaFile } from './media.ts';
import { attr, child, children, textOf, type XNode } from './xml.ts';

/** Every element that may hold `<file>`s: the question's texts, its answers, feedback, subquestions, options. */
function* fileElements(node: XNode): Generator<XNode> {
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith('@') || name === '#text') continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'object' || v === null) continue;
      if (name === 'file') yield v as XNode;
      else yield* fileElements(v as XNode);
    }
  }
}

/**
 * Reads every file of the quiz once (decoded, sniffed, hashed: asynchronous, so before the synchronous reading
 * of texts): each `<file>` element, and each question's Moodle 1.9 `<image_base64>` (keyed by its question).
 */
export async function readFiles(quiz: XNode): Promise<Map<XNode, MediaFile | string>> {
  const out = new Map<XNode, MediaFile | string>();
  for (const q of children(quiz, 'question')) {
    for (const f of fileElements(q)) out.set(f, await readMediaFile(attr(f, 'name') ?? 'unnamed', attr(f, 'encoding'), textOf(f)));
    const legacy = child(q, 'image_base64');
    if (legacy) out.set(q, await readMediaFile(textOf(child(q, 'image')) || 'image', 'base64', textOf(legacy)));
  }
  return out;
}
