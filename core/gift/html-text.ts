/**
 * A small HTML → plain text converter for GIFT's `[html]` texts, and the reverse for export.
 *
 * Imported texts are plain text (the UI escapes them), so `htmlToText` keeps only what a reader sees:
 * elements whose content is not text (script, style, …) are dropped with their content, every other tag is
 * dropped and its text kept, `<br>` and block elements (`<p>`, `<li>`, …) become line breaks, white space is
 * collapsed as a browser does, and character references are decoded. The result never contains a tag.
 *
 * `splitMultilang` finds Moodle's multilang spans (`<span lang="de" class="multilang">…</span>`).
 */

/** Elements dropped together with their content. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
]);
/** Elements that start a paragraph (a blank line between blocks). */
const PARAGRAPH = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'dl',
  'table',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'hr',
  'address',
  'form',
  'fieldset',
  'nav',
  'aside',
  'main',
  'details',
  'summary',
]);
/** Elements that start a line. */
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'caption']);
/** Tags whose loss changes nothing a reader needs to be told about. */
const HARMLESS = new Set(['br', 'p']);

export type HtmlToken =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'tag'; start: number; end: number; name: string; closing: boolean; raw: string }
  | { kind: 'dropped'; start: number; end: number; name: string };

const isLetter = (c: string | undefined) => c !== undefined && /[A-Za-z]/.test(c);

/** Splits HTML into text runs and tags; comments and elements such as `<script>` become `dropped` tokens. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  const n = html.length;
  let textStart = 0;
  let i = 0;
  const flushText = (end: number) => {
    if (end > textStart) out.push({ kind: 'text', start: textStart, end });
  };
  while (i < n) {
    if (html[i] !== '<') {
      i++;
      continue;
    }
    const next = html[i + 1];
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      const end = close < 0 ? n : close + 3;
      flushText(i);
      out.push({ kind: 'dropped', start: i, end, name: '!--' });
      i = textStart = end;
      continue;
    }
    // As in a browser: `<` + letter opens a tag, `</`, `<!` and `<?` a tag or a bogus comment (dropped alike).
    const startsTag = isLetter(next) || next === '/' || next === '!' || next === '?';
    if (!startsTag) {
      i++;
      continue;
    }
    // The tag runs to the next `>` outside a quoted attribute value (a quote only opens a value after `=`).
    let j = i + 1;
    let quote: string | null = null;
    let lastNonSpace = '';
    for (; j < n; j++) {
      const d = html[j]!;
      if (quote) {
        if (d === quote) quote = null;
        continue;
      }
      if ((d === '"' || d === "'") && lastNonSpace === '=') quote = d;
      else if (d === '>') break;
      if (!/\s/.test(d)) lastNonSpace = d;
    }
    const end = j < n ? j + 1 : n; // an unclosed tag swallows the rest: never let half a tag through
    const raw = html.slice(i, end);
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(raw);
    flushText(i);
    if (!m) {
      out.push({ kind: 'dropped', start: i, end, name: raw.slice(1, 2) });
      i = textStart = end;
      continue;
    }
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    if (!closing && DROP_WITH_CONTENT.has(name) && !/\/\s*>$/.test(raw)) {
      const closeRe = new RegExp(`</${name}(?=[\\s/>])[^>]*>?`, 'ig');
      closeRe.lastIndex = end;
      const close = closeRe.exec(html);
      const stop = close ? close.index + close[0].length : n;
      out.push({ kind: 'dropped', start: i, end: stop, name });
      i = textStart = stop;
      continue;
    }
    out.push({ kind: 'tag', start: i, end, name, closing, raw });
    i = textStart = end;
  }
  flushText(n);
  return out;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  lsquo: '‘',
  rsquo: '’',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  middot: '·',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  para: '¶',
  sect: '§',
  bull: '•',
  micro: 'µ',
};

/** Decodes character references (`&amp;`, `&#39;`, `&#x27;`, `&nbsp;` → a normal space, …); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

type Piece = { t: 'text'; s: string } | { t: 'soft' } | { t: 'br' } | { t: 'break'; level: 1 | 2 };

/**
 * The visible text of an HTML fragment. `reduced` says that formatting other than `<br>` and `<p>` was dropped
 * (a tag, or an element such as `<script>` with its content).
 */
export function htmlToText(html: string): { text: string; reduced: boolean } {
  const pieces: Piece[] = [];
  let reduced = false;
  for (const tok of tokenizeHtml(html)) {
    if (tok.kind === 'dropped') {
      if (tok.name !== '!--') reduced = true;
      continue;
    }
    if (tok.kind === 'tag') {
      if (!HARMLESS.has(tok.name)) reduced = true;
      if (tok.name === 'br' && !tok.closing) pieces.push({ t: 'br' });
      else if (PARAGRAPH.has(tok.name)) pieces.push({ t: 'break', level: 2 });
      else if (LINE.has(tok.name)) pieces.push({ t: 'break', level: 1 });
      continue;
    }
    // Source white space collapses to one soft space; decoded references (`&nbsp;`, `&#9;`) are kept as written.
    for (const chunk of html.slice(tok.start, tok.end).split(/([ \t\n\r\f]+)/)) {
      if (!chunk) continue;
      if (/^[ \t\n\r\f]+$/.test(chunk)) pieces.push({ t: 'soft' });
      else pieces.push({ t: 'text', s: decodeEntities(chunk) });
    }
  }

  let out = '';
  let soft = false;
  let pending: 0 | 1 | 2 = 0;
  for (const p of pieces) {
    if (p.t === 'soft') soft = true;
    else if (p.t === 'break') pending = Math.max(pending, p.level) as 1 | 2;
    else if (p.t === 'br') {
      if (pending && out) out += pending === 2 ? '\n\n' : '\n';
      pending = 0;
      out += '\n';
      soft = false;
    } else {
      if (!p.s) continue;
      if (pending && out) {
        out += pending === 2 ? '\n\n' : '\n';
        soft = false;
      }
      pending = 0;
      if (soft && out && !out.endsWith('\n')) out += ' ';
      soft = false;
      out += p.s;
    }
  }
  return { text: out.trim(), reduced };
}

/** Escapes the characters that are special in HTML text and attribute values. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML that `htmlToText` reads back as exactly `text`: specials escaped, line breaks as `<br>`, and spaces that
 * HTML would collapse (runs, or at the start or end of a line) as `&nbsp;`.
 */
export function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      escapeHtml(line)
        .replace(/ +/g, (run, at: number, whole: string) =>
          run.length === 1 && at > 0 && at + 1 < whole.length ? ' ' : '&nbsp;'.repeat(run.length),
        )
        .replace(/[\t\r\f\v]/g, (c) => `&#${c.charCodeAt(0)};`),
    )
    .join('<br>');
}

export type MultilangPart = { kind: 'text'; html: string } | { kind: 'group'; spans: Array<{ lang: string; html: string; start: number }> };

function attr(raw: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(raw);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** The language of a `<span … lang="xx" class="… multilang …">` opening tag, else undefined. */
export function multilangLang(tag: { name: string; closing: boolean; raw: string }): string | undefined {
  if (tag.name !== 'span' || tag.closing) return undefined;
  const cls = attr(tag.raw, 'class');
  if (!cls || !cls.split(/\s+/).includes('multilang')) return undefined;
  const lang = attr(tag.raw, 'lang')?.trim().toLowerCase();
  return lang ? lang : undefined;
}

/**
 * Splits HTML into text outside multilang spans and groups of consecutive multilang spans (only white space
 * between them), as Moodle's multilang filter groups them. Null when there is no multilang span.
 * `start` is the offset of a span's opening tag in `html`.
 */
export function splitMultilang(html: string): MultilangPart[] | null {
  const tokens = tokenizeHtml(html);
  const parts: MultilangPart[] = [];
  let cursor = 0;
  let found = false;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.kind !== 'tag') continue;
    const lang = multilangLang(tok);
    if (!lang) continue;
    found = true;
    let depth = 1;
    let m = k + 1;
    for (; m < tokens.length; m++) {
      const u = tokens[m]!;
      if (u.kind !== 'tag' || u.name !== 'span') continue;
      if (u.closing) depth--;
      else if (!/\/\s*>$/.test(u.raw)) depth++;
      if (depth === 0) break;
    }
    const close = tokens[m];
    const contentEnd = close ? close.start : html.length;
    const between = html.slice(cursor, tok.start);
    const last = parts[parts.length - 1];
    let group: Extract<MultilangPart, { kind: 'group' }>;
    if (last?.kind === 'group' && between.trim() === '') group = last;
    else {
      if (between) parts.push({ kind: 'text', html: between });
      group = { kind: 'group', spans: [] };
      parts.push(group);
    }
    group.spans.push({ lang, html: html.slice(tok.end, contentEnd), start: tok.start });
    cursor = close ? close.end : html.length;
    k = m;
  }
  if (!found) return null;
  if (cursor < html.length) parts.push({ kind: 'text', html: html.slice(cursor) });
  return parts;
}

/** Multilang HTML: one span per language, in the given order, each text converted with `textToHtml`. */
export function multilangHtml(text: Readonly<Record<string, string>>, languages: readonly string[]): string {
  return languages.map((lang) => `<span lang="${lang}" class="multilang">${textToHtml(text[lang] ?? '')}</span>`).join('');
}
