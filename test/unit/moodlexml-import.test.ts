// Moodle XML import, from Moodle's XML format documentation and its importer (question/format/xml/format.php).
import { describe, expect, it } from 'vitest';
import { fixture, question, quiz, read, readValid } from './moodlexml-helpers.ts';

const byId = async (xml: string, lang = 'de') => {
  const { valid } = await readValid(xml, lang);
  return Object.fromEntries(valid.questions.map((q) => [q.id, q]));
};

describe('Moodle XML import: every type of the fixture file', () => {
  it('reads each question as its kind, in both multilang languages, and reports the unsupported one', async () => {
    const r = await readValid(fixture('all-types.xml'));
    expect(r.valid.languages).toEqual(['de', 'en']);
    expect(r.report.map((x) => [x.moodleType, x.type ?? 'skipped'])).toEqual([
      ['multichoice', 'single'],
      ['multichoice', 'multiple'],
      ['truefalse', 'truefalse'],
      ['shortanswer', 'short'],
      ['numerical', 'numerical'],
      ['matching', 'match'],
      ['essay', 'essay'],
      ['description', 'passage'],
      ['cloze', 'cloze'],
      ['gapselect', 'cloze'],
      ['ddwtos', 'cloze'],
      ['ordering', 'order'],
      ['calculated', 'skipped'],
      ['multichoice', 'single'],
      ['shortanswer', 'short'],
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      `"Calc": Moodle's "calculated" questions have no counterpart here, so it was skipped.`,
    );
  });

  it('keeps the multilang versions, CDATA and escaped HTML alike, and the combined feedback', async () => {
    const { valid } = await readValid(fixture('all-types.xml'));
    const q = valid.questions.find((x) => x.id === 'who-agreed')!;
    expect(q.prompt.de).toMatch(
      /^<p>Wer hat die <strong>Vereinbarung<\/strong> unterzeichnet\?<\/p><p><img src="\/media\/[0-9a-f]{64}" alt="A map"><\/p>$/,
    );
    expect(q.prompt.en).toContain('Who signed the <strong>agreement</strong>?');
    expect(q.explanation).toEqual({ de: 'Die USA und Japan.', en: 'The US and Japan.' });
    expect(q.outcomeFeedback).toEqual({ correct: { de: 'Richtig.', en: 'Right.' }, incorrect: { de: 'Falsch.', en: 'Wrong.' } });
    expect(q.type === 'single' && q.choices.map((c) => [c.text.en, c.correct ?? c.credit ?? 0])).toEqual([
      ['China', 0],
      ['US and Japan', true],
      ['Japan', 0.5],
    ]);
    expect(q.grammar).toEqual(['rare-earths']);
  });

  it('keeps the category in force for each question (a child category may come before its parent) and takes the title from the first', async () => {
    const { valid } = await readValid(fixture('all-types.xml'));
    expect(valid.title).toEqual({ de: 'Lesson 1', en: 'Lesson 1' });
    expect(valid.categories?.['who-agreed']).toBe('$course$/top/Rare earths');
  });

  it('stores the picture and the sound the texts show, with their sniffed types, and refuses an SVG by its name', async () => {
    const r = await readValid(fixture('all-types.xml'));
    // The 1.9 picture has the bytes of "map (1).png": one file, stored once.
    expect(r.valid.media?.map((m) => [m.name, m.type])).toEqual([
      ['map (1).png', 'image/png'],
      ['tone.wav', 'audio/wav'],
    ]);
    expect(r.valid.passages[0]!.text.de).toMatch(/^Listen: <audio controls src="\/media\/[0-9a-f]{64}"><\/audio>$/);
    expect(r.warnings.map((w) => w.message)).toContain('the file "evil.png" is an SVG picture (it can carry script), so it was left out.');
    const legacy = r.valid.questions.find((q) => q.title === 'Legacy picture')!;
    expect(legacy.prompt.de).toMatch(/<img src="\/media\/([0-9a-f]{64})" alt="">$/);
  });

  it('reads true/false by which answer is worth 100 %, not by order', async () => {
    const qs = await byId(fixture('all-types.xml'));
    expect(qs.q3).toMatchObject({ type: 'truefalse', answer: false, feedback: { right: { de: 'Yes.' }, wrong: { de: 'No, it does.' } } });
  });

  it('keeps short answers as plain text with Moodle wildcards and usecase, numerical tolerance and the catch-all', async () => {
    const qs = await byId(fixture('all-types.xml'));
    expect(qs.Short).toMatchObject({
      type: 'short',
      caseSensitive: true,
      typoTolerance: false,
      answers: {
        de: [
          { text: 'Jap*n', weight: 1 },
          { text: '*', weight: 0 },
        ],
      },
    });
    expect(qs.Year).toMatchObject({
      type: 'numerical',
      answer: 2025,
      tolerance: 0,
      alternatives: [{ answer: 2025, tolerance: 1, weight: 0.5 }],
      otherFeedback: { de: 'No.' },
    });
  });

  it('turns an answer without a question into an extra right-hand item, gap selects into gaps with options, ordering by position', async () => {
    const qs = await byId(fixture('all-types.xml'));
    expect(qs.Match).toMatchObject({ type: 'match', distractors: [{ de: 'Peking' }] });
    expect(qs.Select).toMatchObject({
      type: 'cloze',
      text: { de: 'Die {{g1}} sind {{g2}}.' },
      gaps: [
        { id: 'g1', answers: { de: ['Metalle'] }, options: { de: ['Metalle', 'Steine'] } },
        { id: 'g2', answers: { de: ['selten'] }, options: { de: ['selten', 'häufig'] } },
      ],
    });
    expect(qs.Order).toMatchObject({ type: 'order', items: [{ de: 'first' }, { de: 'second' }, { de: 'third' }] });
    expect(qs.Cloze).toMatchObject({
      type: 'cloze',
      gaps: [
        { id: 'g1', answers: { de: ['Japan'] } },
        { id: 'g2', options: { de: ['Vereinbarung', 'Verordnung'] } },
      ],
    });
  });
});

describe('Moodle XML import: details Moodle gets right', () => {
  it('single defaults to true; a missing format inherits the question text format', async () => {
    const xml = quiz(
      `<question type="multichoice"><name><text>D</text></name><questiontext format="plain_text"><text>a &lt;b&gt; c</text></questiontext>` +
        `<answer fraction="100"><text>x &lt;i&gt;</text></answer><answer fraction="0"><text>y</text></answer></question>`,
    );
    const q = (await readValid(xml)).valid.questions[0]!;
    expect(q.type).toBe('single');
    expect(q.prompt.de).toBe('a &lt;b> c');
    expect(q.type === 'single' && q.choices[0]!.text.de).toBe('x &lt;i>');
  });

  it('refuses a multiple-answer question whose positive fractions miss 100 %, naming it', async () => {
    const xml = quiz(
      question(
        'multichoice',
        'Half',
        'Pick',
        '<single>false</single><answer fraction="50"><text>a</text></answer><answer fraction="40"><text>b</text></answer>',
      ),
    );
    const r = await read(xml);
    expect(r.problems).toEqual([
      {
        line: 3,
        column: 1,
        message: '"Half": the positive fractions of a multiple-answer question must add up to 100 %; they add up to 90 %.',
      },
    ]);
  });

  it('refuses numerical answers whose order would grade differently here', async () => {
    const xml = quiz(
      question(
        'numerical',
        'N',
        'n?',
        '<answer fraction="50"><text>10</text><tolerance>5</tolerance></answer><answer fraction="100"><text>10</text><tolerance>0</tolerance></answer>',
      ),
    );
    expect((await read(xml)).problems[0]!.message).toMatch(/^"N": the answer 10 overlaps an earlier answer worth less/);
  });

  it('finds files by their URL-encoded name in the text they sit in, also when two texts have a file of one name', async () => {
    const png = (await import('./moodlexml-helpers.ts')).binary('pixel.png');
    const b64 = Buffer.from(png).toString('base64');
    const other = Buffer.from([...png.slice(0, -1), 0x00]).toString('base64'); // different bytes, same name
    const xml = quiz(
      `<question type="multichoice"><name><text>F</text></name><questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/sketch%20%281%29.png" alt="one">]]></text><file name="sketch (1).png" path="/" encoding="base64">${b64}</file></questiontext>` +
        `<answer fraction="100"><text><![CDATA[<img src="@@PLUGINFILE@@/sketch%20%281%29.png" alt="two">]]></text><file name="sketch (1).png" path="/" encoding="base64">${other}</file></answer><answer fraction="0"><text>no</text></answer></question>`,
    );
    const { valid } = await readValid(xml);
    const q = valid.questions[0]!;
    const hashes = [q.prompt.de!, q.type === 'single' ? q.choices[0]!.text.de! : ''].map((t) => /\/media\/([0-9a-f]{64})/.exec(t)?.[1]);
    expect(hashes[0]).toBeDefined();
    expect(hashes[1]).toBeDefined();
    expect(hashes[0]).not.toBe(hashes[1]);
    expect(valid.media).toHaveLength(2);
  });

  it('imports plain text in the language asked for', async () => {
    const { valid } = await readValid(
      quiz(
        question(
          'truefalse',
          'T',
          'Yes?',
          '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>',
        ),
      ),
      'en',
    );
    expect(valid.languages).toEqual(['en']);
  });
});

describe('Moodle XML import: refused files', () => {
  it('answers a malformed file with its line and column', async () => {
    const r = await read('<?xml version="1.0"?>\n<quiz>\n  <question type="truefalse">\n  </questio>\n</quiz>');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 4, column: 3 });
    expect(r.problems[0]!.message).toMatch(/^this is not well-formed XML: /);
  });

  it('refuses an XML bomb without expanding it', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)];
    const started = Date.now();
    const r = await read(`<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lol.join('\n')}\n]>\n<quiz>&lol9;</quiz>`);
    expect(r.problems).toEqual([{ line: 2, column: 1, message: expect.stringMatching(/^this file declares a <!DOCTYPE>/) }]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an external entity without reading it', async () => {
    const r = await read(
      '<?xml version="1.0"?>\n<!DOCTYPE quiz [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<quiz><question type="description"><questiontext><text>&xxe;</text></questiontext></question></quiz>',
    );
    expect(r.problems[0]!.message).toMatch(/declares a <!DOCTYPE>/);
    expect(JSON.stringify(r.set)).not.toContain('root:');
  });

  it('refuses a file with nothing importable, and one without <quiz>', async () => {
    const r = await read(quiz(question('calculated', 'C', 'x')));
    expect(r.problems.map((p) => p.message)).toEqual(['nothing in this file can be imported (see the reasons given for each question).']);
    expect((await read('<questions/>')).problems[0]!.message).toMatch(/no <quiz> element/);
  });

  it('refuses a file larger than the limit, saying the limit', async () => {
    const r = await read(quiz(`<!-- ${'x'.repeat(10 * 1024 * 1024)} -->`));
    expect(r.problems[0]!.message).toMatch(/the limit for a Moodle XML file is 10 MiB/);
  });
});
