// The sanitiser for instructor HTML (core/formats/shared/sanitize.ts): the safe subset is kept, everything else
// goes with a warning at the text's line, no script survives in any spelling, and what is stored, read again as
// HTML by a browser's rules (htmlparser2), is only the canonical subset.
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { normalRich, serializeRich } from '../../core/formats/shared/rich-text.ts';
import { readHtml } from '../../core/formats/shared/sanitize.ts';

/** The stored text for some HTML, and what was removed. */
const clean = (html: string) => {
  const r = readHtml(html).render();
  return { stored: serializeRich(r.nodes), removed: r.removed };
};
const stored = (html: string) => clean(html).stored;

const ALLOWED: Record<string, string[]> = {
  em: [],
  strong: [],
  u: [],
  sub: [],
  sup: [],
  br: [],
  p: [],
  ul: [],
  ol: [],
  li: [],
  span: ['lang'],
  a: ['href', 'rel'],
};
/** Every element and attribute a browser would see if the stored text were ever handed to it as HTML. */
function asBrowserSees(text: string): Array<{ name: string; attribs: Record<string, string> }> {
  const out: Array<{ name: string; attribs: Record<string, string> }> = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.push({ name: n.name, attribs: n.attribs });
      if ('children' in n) walk(n.children as ChildNode[]);
    }
  };
  walk(parseDocument(text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }).children);
  return out;
}
/** The stored text holds only the canonical subset: allowed elements, allowed attributes, http(s) links only. */
function expectCanonical(text: string) {
  for (const el of asBrowserSees(text)) {
    expect(Object.keys(ALLOWED), `<${el.name}> in ${text}`).toContain(el.name);
    expect(
      Object.keys(el.attribs).filter((a) => !ALLOWED[el.name]!.includes(a)),
      `${el.name} in ${text}`,
    ).toEqual([]);
    if (el.name === 'a') {
      expect(el.attribs.href, text).toMatch(/^https?:\/\//);
      expect(el.attribs.rel).toBe('noopener noreferrer nofollow');
    }
  }
  expect(normalRich(text), 'stored text is in normal form').toBe(text);
}

describe('kept markup', () => {
  it.each([
    ['<em>rare</em> earths', '<em>rare</em> earths'],
    ['<i>rare</i> earths', '<em>rare</em> earths'],
    ['<strong>Nd</strong>', '<strong>Nd</strong>'],
    ['<b>Nd</b>', '<strong>Nd</strong>'],
    ['<u>unterstrichen</u>', '<u>unterstrichen</u>'],
    ['H<sub>2</sub>O, m<sup>2</sup>', 'H<sub>2</sub>O, m<sup>2</sup>'],
    ['one<br>two<br/>three', 'one<br>two<br>three'],
    ['<p>one</p><p>two</p>', '<p>one</p><p>two</p>'],
    ['<ul><li>Nd</li><li>Dy</li></ul>', '<ul><li>Nd</li><li>Dy</li></ul>'],
    ['<ol><li>first</li><li>second</li></ol>', '<ol><li>first</li><li>second</li></ol>'],
    ['the word <span lang="de">Erden</span>', 'the word <span lang="de">Erden</span>'],
    [
      '<a href="https://example.org/a?b=1&amp;c=2">source</a>',
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">source</a>',
    ],
    ['<a href="http://example.org">source</a>', '<a href="http://example.org" rel="noopener noreferrer nofollow">source</a>'],
  ])('keeps %s', (html, expected) => {
    const r = clean(html);
    expect(r.stored).toBe(expected);
    expect(r.removed).toEqual([]);
    expectCanonical(r.stored);
  });

  it("replaces a link's own rel and target with ours", () => {
    expect(stored('<a href="https://example.org" rel="opener" target="_blank">x</a>')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer nofollow">x</a>',
    );
  });

  it('keeps a text whose < and & are not markup as text', () => {
    const r = clean('1 &lt; 2 &amp;&amp; 3 &gt; 2');
    expect(r.stored).toBe('1 &lt; 2 &amp;&amp; 3 > 2'); // a lone ">" is text in the canonical form
    expectCanonical(r.stored);
  });
});

describe('removed markup, reported with the line of its text', () => {
  it.each([
    ['<div>block</div>', 'block', '<div>'],
    ['<font color="red">red</font>', 'red', '<font>'],
    ['<h1>Title</h1>', 'Title', '<h1>'],
    ['<img src="https://example.org/x.png" alt="x">word', 'word', '<img>'],
    ['<span style="color: red">red</span>', 'red', 'style="…"'],
    ['un<span style="x">wrapped</span> <font>inline</font>s', 'unwrapped inlines', 'style="…"'],
    ['one<div>block</div>two', 'one block two', '<div>'],
    ['<table><tr><td>cell</td></tr></table>', 'cell', '<table>'],
    ['<a href="/relative">here</a>', 'here', 'a link to a relative address:'],
  ])('unwraps %s to its text', (html, text, named) => {
    const r = clean(html);
    expect(r.stored).toBe(text);
    expect(r.removed).toContain(named);
  });

  it('names what went on the line of the text in a GIFT file', () => {
    const src = ['// a comment', '', '::q::[html]Which <div style="x">metal</div> <font>is</font> <em>magnetic</em>?{T}'].join('\n');
    const result = parseGift(src, { lang: 'en', languages: ['en'] });
    expect(result.problems).toEqual([]);
    expect(result.set.questions[0]!.prompt).toEqual({ en: 'Which metal is <em>magnetic</em>?' });
    expect(result.warnings).toEqual([
      { line: 3, column: 12, message: expect.stringMatching(/^removed from this text: <div>, style="…", <font> \(kept are only/) },
    ]);
  });
});

// Every event handler attribute a browser knows starts with "on"; these cover the families (mouse, key, focus,
// load/error, media, animation, pointer, drag, clipboard, form, details, print, page).
const HANDLERS = [
  'onclick',
  'ondblclick',
  'onmousedown',
  'onmouseover',
  'onmouseenter',
  'onmouseleave',
  'onkeydown',
  'onkeyup',
  'onkeypress',
  'onfocus',
  'onblur',
  'onfocusin',
  'onload',
  'onerror',
  'onabort',
  'onplay',
  'oncanplay',
  'onanimationstart',
  'onanimationend',
  'ontransitionend',
  'onpointerdown',
  'onpointerenter',
  'ontouchstart',
  'ondrag',
  'ondrop',
  'oncopy',
  'onpaste',
  'oninput',
  'onchange',
  'onsubmit',
  'onreset',
  'onselect',
  'ontoggle',
  'onwheel',
  'onscroll',
  'onbeforeprint',
  'onbeforeunload',
  'onhashchange',
  'onpageshow',
  'onmessage',
  'onContextMenu',
  'ONMOUSEMOVE',
];
const SCRIPT = /javascript|vbscript|data:|alert|<script|on[a-z]+\s*=/i;

describe('XSS', () => {
  it.each(HANDLERS)('removes %s from kept and unknown elements, in every quoting', (on) => {
    for (const html of [
      `<em ${on}="alert(1)">x</em>`,
      `<a href="https://example.org" ${on}='alert(1)'>x</a>`,
      `<span lang="de" ${on}=alert(1)>x</span>`,
      `<p ${on}>x</p>`,
      `<div ${on}="alert(1)">x</div>`,
      `<img src=x ${on}=alert(1)>x`,
      `<body ${on}="alert(1)">x</body>`,
    ]) {
      const r = clean(html);
      expect(r.stored, html).not.toMatch(SCRIPT);
      expect(
        r.removed.some((x) => x.toLowerCase().startsWith(`${on.toLowerCase()}=`)),
        html,
      ).toBe(true);
      expectCanonical(r.stored);
    }
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;vascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    '//evil.example/x',
  ])('turns a link to %s into its text', (href) => {
    for (const html of [`<a href="${href}">click</a>`, `<a href='${href}'>click</a>`, `<a href=${href.replace(/\s/g, '')}>click</a>`]) {
      const r = clean(html);
      expect(r.stored, html).not.toMatch(/<a |javascript|vbscript|data:/i);
      expect(r.stored, html).toContain('click');
      expectCanonical(r.stored);
    }
  });

  it.each([
    ['<svg onload=alert(1)>', ''],
    ['<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>after', 'after'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>after', 'after'],
    ['<iframe src="javascript:alert(1)"></iframe>after', 'after'],
    ['<iframe srcdoc="<script>alert(1)</script>">after', ''],
    ['<object data="data:text/html,<script>alert(1)</script>"></object>after', 'after'],
    ['<embed src="javascript:alert(1)">after', 'after'],
    ['<style>@import "https://evil.example/x.css"; * { color: red }</style>after', 'after'],
    ['<script>alert(1)</script>after', 'after'],
    ['<scr<script>ipt>alert(1)</script>after', null],
    ['<script>alert(1)', ''],
    ['<script src=https://evil.example/x.js></script>after', 'after'],
    ['<img src=x onerror=alert(1)', ''],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">after', null],
    ['<em><script>alert(1)</script>kept</em>', '<em>kept</em>'],
    ['<p>a<script>alert(1)</p>b', null],
    ['<a href="https://ok.example" onclick=alert(1)>ok</a>', '<a href="https://ok.example" rel="noopener noreferrer nofollow">ok</a>'],
    ['<<script>script>alert(1)<</script>/script>', null],
    ['<!--<script>alert(1)</script>-->after', 'after'],
    ['<![CDATA[<script>alert(1)</script>]]>after', null],
    ['<form action="javascript:alert(1)"><button>go</button></form>after', 'after'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">after', 'after'],
    ['<base href="javascript:alert(1)//">after', 'after'],
  ])('leaves no script in %s', (html, expected) => {
    const r = clean(html);
    expect(r.stored, html).not.toMatch(
      /<(script|svg|math|iframe|object|embed|style|img|form|meta|base|noscript)\b|javascript:|onerror|onload|onclick/i,
    );
    if (expected !== null) expect(r.stored).toBe(expected);
    expectCanonical(r.stored);
  });

  it('leaves no script in any text of a GIFT question, including answers, feedback and multilang spans', () => {
    const attack = '<svg onload=alert(1)></svg><a href="java&#x09;script:alert(1)">x</a><math><mi>y</mi></math>';
    const src = `[html]<span lang="de" class="multilang">${attack}Frage</span><span lang="en" class="multilang">Question ${attack}</span>{T#${attack}#ok}`;
    const result = parseGift(src, { lang: 'en', languages: ['de', 'en'] });
    expect(result.problems).toEqual([]);
    const texts = JSON.stringify(result.set);
    expect(texts).not.toMatch(/svg|math|javascript|onload|<a /i);
    expect(result.set.questions[0]!.prompt).toEqual({ de: 'xFrage', en: 'Question x' });
  });
});

describe('stored texts, read again', () => {
  it('a stored text that was tampered with still reads as the canonical subset only (the rest is text)', () => {
    // What the learner pages do with a stored string: parseRich, then nodes. Anything not canonical is text.
    for (const tampered of [
      '<script>alert(1)</script>',
      '<a href="javascript:alert(1)" rel="noopener noreferrer nofollow">x</a>',
      '<em onclick="x">y</em>',
      '<img src=x onerror=alert(1)>',
    ]) {
      const text = normalRich(tampered);
      expectCanonical(text);
      expect(asBrowserSees(text).map((e) => e.name)).toEqual([]);
    }
  });
});
