import type { ComponentChildren } from 'preact';
import { parseRich, type RichNode } from '../../core/formats/shared/rich-text.ts';

/**
 * A stored instructor text (the canonical safe subset, core/formats/shared/rich-text.ts) as Preact nodes: emphasis,
 * lists, line breaks, `lang` spans and http(s) links become elements, everything else is text. It never uses
 * dangerouslySetInnerHTML, so even a tampered store cannot inject markup, and the CSP stays as it is.
 */
export function RichText({ text, inline = false }: { text: string; inline?: boolean }) {
  const nodes = toNodes(parseRich(text));
  if (!inline) return <>{nodes}</>;
  // Inside a sentence (a cloze text around its gaps) the spaces at the ends separate words: keep them.
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
