import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, multilangHtml, splitMultilang, textToHtml } from '../../core/gift/html-text.ts';

describe('htmlToText', () => {
  it('keeps the text, turns <br>, <p> and <li> into line breaks and collapses white space', () => {
    expect(htmlToText('<p>One\n   two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>')).toEqual({
      text: 'One two\n\nThree\nfour\n\na\nb',
      reduced: true, // <ul>/<li> are formatting
    });
    expect(htmlToText('<p dir="ltr" style="text-align: left;">Plain<br/>lines</p>')).toEqual({ text: 'Plain\nlines', reduced: false });
  });

  it('drops script and style with their content, and comments', () => {
    expect(htmlToText('a<script type="x">alert("<b>")</script>b<style>p{}</style>c<!-- note -->d')).toEqual({
      text: 'abcd',
      reduced: true,
    });
    expect(htmlToText('a<!-- note -->b')).toEqual({ text: 'ab', reduced: false });
    expect(htmlToText('a<script>never closed').text).toBe('a');
  });

  it('decodes character references', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &#39; &#228; &#xE4; a&nbsp;b &unknown;')).toBe('& < > " \' ä ä a b &unknown;');
    expect(htmlToText('&lt;b&gt; is a tag').text).toBe('<b> is a tag');
  });

  it('never lets a tag through, even a broken one', () => {
    for (const html of ['<img src=x onerror=alert(1)', '<a href="x>y" onclick=z>t</a>', '<b', '</ b>', '<<b>>x'])
      expect(htmlToText(html).text, html).not.toMatch(/<[A-Za-z/]|onerror|onclick/);
  });

  it('reads back what textToHtml wrote, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ä', ' ', '\n', '\t', '<', '>', '&', '"', "'", ';', '#', 'x') }), (s) => {
        const text = s.trim();
        const html = textToHtml(text);
        expect(html.replace(/<br>/g, '')).not.toMatch(/[<>]/);
        expect(htmlToText(html).text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('multilang spans', () => {
  it('groups consecutive spans, keeps text outside them, and allows any attribute order and extra classes', () => {
    const parts = splitMultilang(
      'Q: <span class="x multilang" lang="DE">Ja<span>!</span></span>\n<span lang=\'en\' class=multilang>Yes</span> end',
    );
    expect(parts).toEqual([
      { kind: 'text', html: 'Q: ' },
      {
        kind: 'group',
        spans: [
          { lang: 'de', html: 'Ja<span>!</span>', start: 3 },
          { lang: 'en', html: 'Yes', start: 63 },
        ],
      },
      { kind: 'text', html: ' end' },
    ]);
    expect(splitMultilang('<span lang="de">not multilang</span>')).toBeNull();
  });

  it('writes one span per language', () => {
    expect(multilangHtml({ de: 'a & b', en: 'x\ny' }, ['de', 'en'])).toBe(
      '<span lang="de" class="multilang">a &amp; b</span><span lang="en" class="multilang">x<br>y</span>',
    );
  });
});
