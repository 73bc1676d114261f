import type { MediaRef } from '../../sets/media.ts';
import { escapeCloze, textWriters } from '../gift/write-text.ts';
import { multilangHtml, textToHtml } from '../shared/plain-html.ts';
import { normalRich } from '../shared/rich-text.ts';

/** What the writer of one set shares: its languages, its media by hash (with bytes), and the notes it gathers. */
export interface XmlWriting {
  langs: readonly string[];
  media: ReadonlyMap<string, MediaRef & { base64: string | undefined }>;
  notes: string[];
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text as CDATA (a `]]>` inside is split across two sections). */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** HTML with every `/media/{hash}` as `@@PLUGINFILE@@/{name}`, and the `<file>` elements that go with it. */
function withFiles(w: XmlWriting, html: string): { html: string; files: string } {
  const used = new Map<string, string>();
  const out = html.replace(/\/media\/([0-9a-f]{64})/g, (whole, hash: string) => {
    const m = w.media.get(hash);
    if (!m) return whole;
    let name = used.get(hash);
    if (!name) {
      const taken = new Set(used.values());
      name = taken.has(m.name) ? `${hash.slice(0, 8)}-${m.name}` : m.name;
      used.set(hash, name);
    }
    return `@@PLUGINFILE@@/${encodeURIComponent(name)}`;
  });
  const files = [...used]
    .map(([hash, name]) => {
      const b64 = w.media.get(hash)!.base64;
      if (b64 === undefined) w.notes.push(`the file "${name}" could not be read from storage and is missing from the export.`);
      return `<file name="${escapeXml(name)}" path="/" encoding="base64">${b64 ?? ''}</file>`;
    })
    .join('');
  return { html: out, files };
}

/** `<tag format="html"><text>…</text><file …/></tag>` for HTML (files attached to the text they sit in). */
export function htmlElement(w: XmlWriting, tag: string, html: string, attrs = ''): string {
  const { html: body, files } = withFiles(w, html);
  return `<${tag}${attrs} format="html"><text>${cdata(body)}</text>${files}</${tag}>`;
}

/**
 * A localized rich text as HTML: multilang spans in a set of several languages (also where they say the same,
 * so that the file says which languages the set has), the text itself in a set of one.
 */
export function richHtml(w: XmlWriting, text: Readonly<Record<string, string>>): string {
  const normal = Object.fromEntries(w.langs.map((l) => [l, normalRich(text[l] ?? '')]));
  return w.langs.length === 1 ? normal[w.langs[0]!]! : multilangHtml(normal, w.langs);
}

/** A localized plain text (a right-hand side, an item) as HTML whose words are exactly the text. */
export function plainHtml(w: XmlWriting, text: Readonly<Record<string, string>>): string {
  const html = Object.fromEntries(w.langs.map((l) => [l, textToHtml(text[l] ?? '')]));
  return w.langs.length === 1 ? html[w.langs[0]!]! : multilangHtml(html, w.langs);
}

/** A rich text element, or nothing when the text is absent. */
export const richElement = (w: XmlWriting, tag: string, text: Readonly<Record<string, string>> | undefined, attrs = '') =>
  text ? htmlElement(w, tag, richHtml(w, text), attrs) : '';

/** A plain text (typed answer) written as is: Moodle compares it so. */
export const plainElement = (tag: string, text: string, attrs = '') =>
  `<${tag}${attrs} format="plain_text"><text>${cdata(text)}</text></${tag}>`;

/** The GIFT/Cloze text writers with Cloze escapes, for a cloze question's embedded answers. */
export const clozeWriters = (w: XmlWriting) => textWriters(w.langs, escapeCloze);

/** A fraction as Moodle writes it: a percentage with up to seven decimals. */
export const fraction = (weight: number) => String(Math.round(weight * 1e9) / 1e7);
