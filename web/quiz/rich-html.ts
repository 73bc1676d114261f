// The HTML of a stored instructor text, made once per text in this isolate: the same prompts, choices and
// passages reach every learner (a final test page shows twenty of them), so reading and rendering them again
// on every request was a third of the page's CPU.

/**
 * The most texts kept, and their most characters (text and HTML together, about 2 bytes each). A course's
 * own texts are about a thousand; instructor sets add theirs, and the oldest made are forgotten first.
 */
export const MAX_TEXTS = 4000;
export const MAX_CHARS = 4_000_000;

// Keyed by the text itself, one map per form: a string keeps its hash once computed, so looking up the
// same prompt again costs no hashing (a key made by joining strings would be hashed anew every time).
const made = { block: new Map<string, string>(), inline: new Map<string, string>() };
let chars = 0;

/** Forgets the oldest text of the bigger map (texts are mostly of one form: prompts and passages, or choices). */
function forgetOldest() {
  const map = made.block.size >= made.inline.size ? made.block : made.inline;
  const [oldest, oldHtml] = map.entries().next().value!;
  map.delete(oldest);
  chars -= oldest.length + oldHtml.length;
}

/** `render()` for `text` in this form, from the last call with the same text while it is kept. */
export function cachedHtml(form: 'block' | 'inline', text: string, render: () => string): string {
  const map = made[form];
  const hit = map.get(text);
  if (hit !== undefined) return hit;
  const html = render();
  const size = text.length + html.length;
  // A text too big to keep alongside the others is rendered each time instead of emptying the cache.
  if (size > MAX_CHARS / 8) return html;
  while (made.block.size + made.inline.size >= MAX_TEXTS || chars + size > MAX_CHARS) forgetOldest();
  map.set(text, html);
  chars += size;
  return html;
}

/** How many texts and characters are kept (for the tests of the bound). */
export const cacheSize = () => ({ texts: made.block.size + made.inline.size, chars });
