import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bytes, LIMITS } from '../../sets/limits.ts';
import { lineIndex, type FormatProblem } from '../shared/problems.ts';

/**
 * Reading a Moodle XML file safely (docs/decisions/0015). fast-xml-parser (maintained, pure JS, runs in workerd
 * and Node) reads the elements; before it does, the file is refused when it has a DOCTYPE (the only place an
 * XML file can declare entities: no billion laughs, no external entity) or is larger than the limit. Entities
 * are then never expanded by the parser: the five predefined ones and character references are decoded here,
 * once, so `&amp;lt;` stays the text `&lt;`.
 */

/** An element as the parser gives it: attributes by name, children by name (lists), text as `#text`. */
export type XNode = { [name: string]: unknown };

/** The elements Moodle repeats inside one parent: always read as lists. */
const REPEATED = new Set(['question', 'answer', 'file', 'tag', 'subquestion', 'selectoption', 'dragbox', 'unit', 'hint']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
});

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its predefined entities and character references decoded (once). */
export function decodeXml(s: string): string {
  return s.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const escapeXmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** CDATA sections as escaped text: one way for the reader to see text, whether or not the author used CDATA. */
const inlineCdata = (xml: string) => xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, body: string) => escapeXmlText(body));

export type ReadXml = { ok: true; quiz: XNode; questionOffsets: number[] } | { ok: false; problems: FormatProblem[] };

/** Reads a Moodle XML file's `<quiz>`, or says why not (line and column; nothing expanded). */
export function readXml(text: string): ReadXml {
  const size = new TextEncoder().encode(text).length;
  if (size > LIMITS.moodleXmlBytes)
    return fail(
      1,
      1,
      `this file is ${bytes(size)}; the limit for a Moodle XML file is ${bytes(LIMITS.moodleXmlBytes)} (pictures and sounds included): split it into several sets.`,
    );
  const where = lineIndex(text);
  const outside = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(outside);
  if (doctype) {
    const { line, column } = where(doctype.index);
    return fail(
      line,
      column,
      `this file declares a <!${doctype[1]!.toUpperCase()}>: Moodle XML has none, and declared entities are not read (they can expand without end or reach other files).`,
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) return fail(valid.err.line, valid.err.col, `this is not well-formed XML: ${valid.err.msg}`);
  const root = parser.parse(inlineCdata(text)) as XNode;
  const quiz = root.quiz;
  if (!quiz || typeof quiz !== 'object' || Array.isArray(quiz))
    return fail(1, 1, 'this XML file has no <quiz> element: export the questions from Moodle\'s question bank as "Moodle XML format".');
  const questionOffsets = [...outside.matchAll(/<question[\s>]/g)].map((m) => m.index);
  return { ok: true, quiz: quiz as XNode, questionOffsets };
}

const fail = (line: number, column: number, message: string): ReadXml => ({ ok: false, problems: [{ line, column, message }] });

/** The child elements of a node with one name, as a list (one, many or none). */
export function children(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' && x !== null ? (x as XNode) : { '#text': String(x) }));
}

/** The first child element of a name. */
export const child = (node: XNode | undefined, name: string): XNode | undefined => children(node, name)[0];

/** An element's own text, decoded. */
export function textOf(node: XNode | undefined): string {
  if (node === undefined) return '';
  const t = node['#text'];
  return t === undefined ? '' : decodeXml(String(t));
}

/** The text of a child element (`<single>true</single>`), trimmed; undefined when absent. */
export function field(node: XNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c === undefined ? undefined : textOf(c).trim();
}

/** An attribute, decoded. */
export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return v === undefined ? undefined : decodeXml(String(v));
}

/** Moodle's boolean fields: `true`, `1` (and an empty `<shownumcorrect/>`) are true. */
export function flag(node: XNode | undefined, name: string, fallback: boolean): boolean {
  const v = field(node, name);
  if (v === undefined) return fallback;
  return v === '' || v === '1' || v.toLowerCase() === 'true';
}
