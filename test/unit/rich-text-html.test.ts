// Instructor texts are rendered once per text and kept (web/quiz/rich-html.ts): the kept HTML must be exactly
// what Preact renders from the text's tree, wherever it is placed, stay escaped, and the store must stay bounded.
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { cacheSize, MAX_CHARS, MAX_TEXTS } from '../../web/quiz/rich-html.ts';
import { RichNodes, RichText } from '../../web/quiz/rich-text.tsx';
import { content } from '../../worker/services/content.ts';

/** Every string in the course's questions (prompts, choices, feedback, ids alike): each is a stored text. */
function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

const MEDIA = `/media/${'a'.repeat(64)}`;
const CRAFTED = [
  '',
  '   ',
  ' a gap before and after ',
  'Tom & Jerry say "hi" -> <not a tag> &amp; &lt;em&gt;',
  '<p>One</p>',
  '<p>One</p><p>Two <strong>bold <em>both</em></strong></p>',
  'Line one\nline two<br>three',
  '<ul><li>a<li>b</ul><ol><li><u>c</u></li></ol>x<sub>2</sub>y<sup>3</sup>',
  '<span lang="en">English</span> und <span lang="de-CH">Schweiz</span>',
  '<a href="https://example.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer nofollow">link</a>',
  '<a href="javascript:alert(1)" rel="noopener noreferrer nofollow">no link</a>',
  `<img src="${MEDIA}" alt="a &quot;quoted&quot; &lt;alt&gt;"> and <audio controls src="${MEDIA}"></audio>`,
  '</span><script>alert(1)</script><em>unclosed',
  'é ü ß – “quotes” \u00a0nbsp',
];

const inSpan = (text: string, inline: boolean) => h('span', { class: 'x' }, h(RichText, { text, inline }));
const direct = (text: string, inline: boolean) => h('span', { class: 'x' }, h(RichNodes, { text, inline }));
const html = (v: VNode<any>) => renderToString(v);

describe('RichText as kept HTML', () => {
  const texts = [...CRAFTED, ...strings(content.questions, new Set())];

  it('renders every course text and every crafted one exactly as Preact renders its tree, the first time and again', () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts)
      for (const inline of [false, true]) {
        const want = html(direct(text, inline));
        expect(html(inSpan(text, inline)), text).toBe(want);
        expect(html(inSpan(text, inline)), text).toBe(want);
      }
  });

  it('keeps markup that is not canonical as escaped text, and the form a text is shown in apart', () => {
    expect(html(h(RichText, { text: '</span><script>alert(1)</script> & <em>x</em>' }))).toBe(
      '&lt;/span>&lt;script>alert(1)&lt;/script> &amp; <em>x</em>',
    );
    expect(html(h(RichText, { text: ' <em>a</em> ', inline: true }))).toBe(' <em>a</em> ');
    expect(html(h(RichText, { text: ' <em>a</em> ' }))).toBe('<em>a</em>');
  });

  it('keeps at most MAX_TEXTS texts and MAX_CHARS characters, and no text too big to share the store', () => {
    for (let i = 0; i < MAX_TEXTS + 50; i++) html(h(RichText, { text: `text number ${i}`, inline: i % 2 === 0 }));
    expect(cacheSize().texts).toBe(MAX_TEXTS);
    const big = 'x'.repeat(MAX_CHARS / 20);
    for (let i = 0; i < 30; i++) html(h(RichText, { text: `${i}${big}` }));
    expect(cacheSize().chars).toBeLessThanOrEqual(MAX_CHARS);
    const before = cacheSize();
    const huge = 'y'.repeat(MAX_CHARS / 4);
    expect(html(h(RichText, { text: huge }))).toBe(huge);
    expect(cacheSize()).toEqual(before);
  });
});
