import type { ComponentChildren, VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';
import { parseRich, type RichNode } from '../../core/formats/shared/rich-text.ts';
import { cachedHtml } from './rich-html.ts';

/**
 * A stored instructor text (the canonical safe subset, core/formats/shared/rich-text.ts) as HTML: emphasis,
 * lists, line breaks, `lang` spans and http(s) links become elements, everything else is text. The HTML is
 * Preact's own rendering of that tree (text and attributes escaped by Preact), made once per text and kept
 * (web/quiz/rich-html.ts): the stored string itself never reaches the page as markup, so even a tampered store
 * cannot inject any, and the CSP stays as it is. Rendered on the server only (no client enhancer imports it).
 */
export function RichText({ text, inline = false }: { text: string; inline?: boolean }): VNode {
  // A pre-rendered part of the page: Preact's server renderer writes a template's strings as they are.
  return jsxTemplate([cachedHtml(inline ? 'inline' : 'block', text, () => renderToString(<RichNodes text={text} inline={inline} />))]);
}

/** The text as Preact nodes; inside a sentence (a cloze text around its gaps) the spaces at its ends are kept. */
export function RichNodes({ text, inline }: { text: string; inline: boolean }) {
  const nodes = toNodes(parseRich(text));
  if (!inline) return <>{nodes}</>;
  return (
    <>
      {/^\s/.test(text) ? ' ' : ''}
      {nodes}
      {/\s$/.test(text) && text.trim() ? ' ' : ''}
    </>
  );
}

function toNodes(nodes: readonly RichNode[]): ComponentChildren[] {
  return nodes.map((n, i) => {
    if (typeof n === 'string') return n;
    if (n.tag === 'br') return <br key={i} />;
    // Media of an imported set: the sanitiser lets through only `/media/{sha256}` sources (core/formats/shared).
    if (n.tag === 'img') return <img key={i} src={n.src} alt={n.alt} loading="lazy" />;
    if (n.tag === 'audio') return <audio key={i} controls preload="none" src={n.src} />;
    const children = toNodes(n.children);
    if (n.tag === 'span')
      return (
        <span key={i} lang={n.lang}>
          {children}
        </span>
      );
    if (n.tag === 'a')
      return (
        <a key={i} href={n.href} rel="noopener noreferrer nofollow">
          {children}
        </a>
      );
    const Tag = n.tag;
    return <Tag key={i}>{children}</Tag>;
  });
}
