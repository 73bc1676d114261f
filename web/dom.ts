// A small element builder for enhancers, which make the few elements JavaScript adds (buttons that need a
// script, status messages) with the DOM instead of a renderer.

type Child = Node | string | null | undefined | false;

/**
 * Makes an element with attributes (a function value becomes an event listener: `onclick`) and children.
 * @example el('button', { type: 'button', class: 'button play', lang: 'en', onclick: play }, '▶ Play')
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | ((e: Event) => void)> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs))
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else node.setAttribute(k, v);
  // appendChild, not append: @cloudflare/workers-types declares an Element whose append takes HTMLRewriter content.
  for (const c of children) if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}
