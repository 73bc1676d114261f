// A set's media list carries each picture's alt text: the first one the imported file gives it, in reading order.
import { describe, expect, it } from 'vitest';
import { withAlts } from '../../core/sets/media.ts';
import { binary, fixture, quiz, readValid } from './moodlexml-helpers.ts';

const b64 = Buffer.from(binary('pixel.png')).toString('base64');
/** A question whose text shows the fixture's pixel (one file, so one hash however often it is shown) with an alt. */
const pictured = (type: string, name: string, alt: string, body = '') =>
  `<question type="${type}"><name><text>${name}</text></name><questiontext format="html"><text><![CDATA[<p>Sieh hin: <img src="@@PLUGINFILE@@/pixel.png" alt="${alt}"></p>]]></text>` +
  `<file name="pixel.png" path="/" encoding="base64">${b64}</file></questiontext>${body}</question>`;
const trueFalse = '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>';

describe('the alt text of a set’s pictures', () => {
  it('comes from the <img> that shows the file; a sound has none', async () => {
    const { valid } = await readValid(fixture('all-types.xml'));
    const byName = Object.fromEntries(valid.media!.map((m) => [m.name, m]));
    expect(byName['map (1).png']!.alt).toBe('A map');
    expect(byName['tone.wav']).toBeDefined();
    expect(byName['tone.wav']!.alt).toBeUndefined();
  });

  it('is the first reference’s when several texts show the file, with entities decoded', async () => {
    const { valid } = await readValid(
      quiz(
        pictured('truefalse', 'Eins', 'Karte &amp; Legende', trueFalse),
        pictured('truefalse', 'Zwei', 'Eine andere Beschreibung', trueFalse),
      ),
    );
    expect(valid.media).toHaveLength(1);
    expect(valid.media![0]!.alt).toBe('Karte & Legende');
  });

  it('skips an empty alt (it says nothing about the picture) for a later one that describes it', async () => {
    const { valid } = await readValid(
      quiz(pictured('truefalse', 'Eins', '', trueFalse), pictured('truefalse', 'Zwei', '  Ein Hafen  ', trueFalse)),
    );
    expect(valid.media![0]!.alt).toBe('Ein Hafen');
    const none = await readValid(quiz(pictured('truefalse', 'Eins', '', trueFalse)));
    expect(none.valid.media![0]!.alt).toBeUndefined();
  });

  it('reads a passage before the question it precedes', async () => {
    const { valid } = await readValid(
      quiz(
        pictured('truefalse', 'Frage', 'aus der Frage', trueFalse),
        pictured('description', 'Text', 'aus dem Text'),
        pictured('truefalse', 'Zweite', 'aus der zweiten Frage', trueFalse),
      ),
    );
    expect(valid.media![0]!.alt).toBe('aus der Frage');
    const passageFirst = await readValid(
      quiz(pictured('description', 'Text', 'aus dem Text'), pictured('truefalse', 'Frage', 'aus der Frage', trueFalse)),
    );
    expect(passageFirst.valid.passages[0]!.before).not.toBeNull();
    expect(passageFirst.valid.media![0]!.alt).toBe('aus dem Text');
  });

  it('keeps an alt the list already has, and leaves a file no picture shows without one', () => {
    const h = (c: string) => c.repeat(64);
    const media = [{ hash: h('a'), alt: 'gegeben' }, { hash: h('b') }, { hash: h('c') }];
    const texts = [{ de: `<img src="/media/${h('a')}" alt="anders"> <img src="/media/${h('b')}" alt="q &quot;b&quot;">` }];
    expect(withAlts(media, texts)).toEqual([{ hash: h('a'), alt: 'gegeben' }, { hash: h('b'), alt: 'q "b"' }, { hash: h('c') }]);
  });
});
