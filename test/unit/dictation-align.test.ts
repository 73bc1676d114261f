// Issue 18, item 3: a dictation is graded word by word. Examples from the article's sentences, the set's
// grading rule, and properties: a perfect copy scores 1, a capital on the first letter never lowers a score.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignDictation, dictationWords, type DictationRules, type DictationWord } from '../../core/quiz/dictation-align.ts';
import { buildLexicon } from '../../core/quiz/grade.ts';

const P3S2 =
  'Durch den Austausch von Technologien und Wissen wollen beide Länder ihre Abhängigkeit von chinesischen Rohstofflieferungen verringern.';
const P2S1 =
  'Seltene Erden haben eine entscheidende Bedeutung für zahlreiche moderne Technologien, einschließlich Smartphones, Elektroautos und erneuerbaren Energien.';
const GERMAN: DictationRules = { typoTolerance: true, form: false };
const MOODLE: DictationRules = { ...GERMAN, grading: 'moodle' };

/** The words that are not simply right, as `status:expected/given`. */
const slips = (words: DictationWord[]) =>
  words.filter((w) => w.status !== 'right' || w.match !== 'exact').map((w) => `${w.status}:${w.expected ?? ''}/${w.given ?? ''}`);
const word = (words: DictationWord[], expected: string) => words.find((w) => w.expected === expected);

describe('dictation words', () => {
  it('keeps German letters, digits and inner hyphens, and drops punctuation and quotes', () => {
    expect(dictationWords('ein „neues goldenes Zeitalter der Allianz“ eingeläutet.')).toEqual([
      'ein',
      'neues',
      'goldenes',
      'Zeitalter',
      'der',
      'Allianz',
      'eingeläutet',
    ]);
    expect(dictationWords('US-Japan, 2025: größte – Maßnahmen!')).toEqual(['US-Japan', '2025', 'größte', 'Maßnahmen']);
  });
});

describe('alignDictation', () => {
  it('scores a perfect copy 1 with every word right, punctuation or not', () => {
    for (const written of [P3S2, P3S2.replace('.', ''), `  ${P3S2.replace(/ /g, '  ')} `]) {
      const a = alignDictation(P3S2, written, GERMAN);
      expect(a.score).toBe(1);
      expect(a.words.every((w) => w.status === 'right')).toBe(true);
      expect(a.words).toHaveLength(16);
    }
  });

  it('names a typo on a long word misspelt and, as the matcher does, still gives it the word', () => {
    const a = alignDictation(P3S2, P3S2.replace('Technologien', 'Technolgien'), GERMAN);
    expect(word(a.words, 'Technologien')).toMatchObject({ status: 'misspelt', given: 'Technolgien', match: 'typo', credit: 1 });
    expect(a.score).toBe(1);
  });

  it('gives a typo nothing where the question does not tolerate typos, and still shows it against its word', () => {
    const a = alignDictation(P3S2, P3S2.replace('Technologien', 'Technolgien'), { ...GERMAN, typoTolerance: false });
    expect(word(a.words, 'Technologien')).toMatchObject({ status: 'misspelt', match: 'typo', credit: 0 });
    expect(a.score).toBeCloseTo(15 / 16);
  });

  it('calls a short word written wrong misspelt, not missing plus extra', () => {
    const a = alignDictation(P3S2, P3S2.replace('den Austausch', 'dne Austausch'), GERMAN);
    expect(slips(a.words)).toEqual(['misspelt:den/dne']);
    expect(word(a.words, 'den')!.credit).toBe(0);
  });

  it('names a wrong ending with the expected one, at half credit, and none in a form question', () => {
    const written = P3S2.replace('chinesischen', 'chinesische');
    const a = alignDictation(P3S2, written, GERMAN);
    expect(word(a.words, 'chinesischen')).toMatchObject({ status: 'ending', given: 'chinesische', ending: 'en', credit: 0.5 });
    expect(a.score).toBeCloseTo(15.5 / 16);
    expect(word(alignDictation(P3S2, written, { ...GERMAN, form: true }).words, 'chinesischen')!.credit).toBe(0);
  });

  it('lists missing words in place and counts them', () => {
    const a = alignDictation(
      P2S1,
      'Seltene Erden haben eine Bedeutung für moderne Technologien, einschließlich Smartphones, Elektroautos und erneuerbaren Energien.',
      GERMAN,
    );
    expect(slips(a.words)).toEqual(['missing:entscheidende/', 'missing:zahlreiche/']);
    expect(a.words.map((w) => w.expected)[4]).toBe('entscheidende');
    expect(a.score).toBeCloseTo(14 / 16);
  });

  it('lists extra words where they were written, and they cost: the score is over the longer list', () => {
    const a = alignDictation(P3S2, P3S2.replace('und Wissen', 'und auch Wissen'), GERMAN);
    expect(slips(a.words)).toEqual(['extra:/auch']);
    expect(a.words[6]).toEqual({ status: 'extra', given: 'auch', credit: 0 });
    expect(a.score).toBeCloseTo(16 / 17);
  });

  it('makes a word written for another one missing plus extra, not misspelt', () => {
    const a = alignDictation(P3S2, P3S2.replace('Wissen', 'Geld'), GERMAN);
    expect(slips(a.words).sort()).toEqual(['extra:/Geld', 'missing:Wissen/']);
  });

  it("forgives ä/ae, ö/oe, ü/ue, ß/ss as a spelling note, and counts a noun's missing capital inside the sentence", () => {
    const a = alignDictation(P3S2, P3S2.replace('Länder', 'Laender').replace('Abhängigkeit', 'abhängigkeit'), GERMAN);
    expect(word(a.words, 'Länder')).toMatchObject({ status: 'right', match: 'spelling', credit: 1 });
    expect(word(a.words, 'Abhängigkeit')).toMatchObject({ status: 'misspelt', match: 'case', credit: 0 });
  });

  it('counts a capital in the wrong place inside the sentence, but not on the first word of the text or of what was written', () => {
    expect(word(alignDictation(P3S2, P3S2.replace('den Austausch', 'Den Austausch'), GERMAN).words, 'den')).toMatchObject({
      status: 'misspelt',
      match: 'case',
    });
    expect(alignDictation(P3S2, P3S2.replace('Durch', 'durch'), GERMAN).score).toBe(1);
    // The learner missed the first word: their own first word may still start with a capital.
    const late = alignDictation(P3S2, P3S2.replace('Durch den', 'Den'), GERMAN);
    expect(word(late.words, 'den')).toMatchObject({ status: 'right', credit: 1 });
  });

  it("names another word of the course typed for the text's word (versehen for vorsehen), at no credit", () => {
    const text = 'Die Vereinbarung sieht eine enge Zusammenarbeit vor.';
    const a = alignDictation(text, 'Die Vereinbarung sieht eine lange Zusammenarbeit vor.', {
      ...GERMAN,
      lexicon: buildLexicon([text, 'lange']),
    });
    expect(slips(a.words).sort()).toEqual(['extra:/lange', 'missing:enge/']);
    const b = alignDictation('Sie wollen das vorsehen.', 'Sie wollen das versehen.', {
      ...GERMAN,
      lexicon: buildLexicon(['vorsehen versehen']),
    });
    expect(word(b.words, 'vorsehen')).toMatchObject({ status: 'misspelt', match: 'otherWord', credit: 0 });
  });

  it("under Moodle's rule gives credit for exact words only, though it still names what went wrong", () => {
    const written = P3S2.replace('Technologien', 'Technolgien').replace('chinesischen', 'chinesische').replace('Länder', 'Laender');
    const german = alignDictation(P3S2, written, GERMAN);
    const moodle = alignDictation(P3S2, written, MOODLE);
    expect(german.score).toBeCloseTo(15.5 / 16);
    expect(moodle.score).toBeCloseTo(13 / 16);
    expect(word(moodle.words, 'Technologien')).toMatchObject({ status: 'misspelt', credit: 0 });
    expect(word(moodle.words, 'chinesischen')).toMatchObject({ status: 'ending', credit: 0 });
    expect(word(moodle.words, 'Länder')).toMatchObject({ status: 'misspelt', match: 'spelling', credit: 0 });
    expect(alignDictation(P3S2, P3S2, MOODLE).score).toBe(1);
    expect(alignDictation(P3S2, P3S2.replace('Durch', 'durch'), MOODLE).score).toBe(1);
  });

  it('scores nothing written, or only punctuation, 0 with every word missing', () => {
    for (const written of ['', ' .,; ']) {
      const a = alignDictation(P3S2, written, GERMAN);
      expect(a.score).toBe(0);
      expect(a.words.every((w) => w.status === 'missing')).toBe(true);
    }
  });

  it('keeps every word of the text once, in order, and every written word once, in order', () => {
    const written = 'den Austausch von von Technologie wollen Länder ihre Abhängigkeit chinesische verringern Ende';
    const a = alignDictation(P3S2, written, GERMAN);
    expect(a.words.flatMap((w) => (w.expected ? [w.expected] : []))).toEqual(dictationWords(P3S2));
    expect(a.words.flatMap((w) => (w.given ? [w.given] : []))).toEqual(dictationWords(written));
  });
});

describe('dictation properties', () => {
  const sentences = fc.constantFrom(P3S2, P2S1, 'Die Vereinbarung zwischen den USA und Japan sieht eine enge Zusammenarbeit vor.');
  const rules = fc.record({
    typoTolerance: fc.boolean(),
    form: fc.boolean(),
    grading: fc.constantFrom(undefined, 'german', 'moodle') as fc.Arbitrary<DictationRules['grading']>,
  });
  /** A learner's copy of the sentence: some words dropped, doubled, lower-cased or with a letter dropped. */
  const written = (text: string) =>
    fc.array(fc.constantFrom('keep', 'drop', 'twice', 'lower', 'slip'), { minLength: 30, maxLength: 30 }).map((edits) =>
      dictationWords(text)
        .flatMap((w, i) => {
          const e = edits[i % edits.length]!;
          if (e === 'drop') return [];
          if (e === 'twice') return [w, w];
          if (e === 'lower') return [w.toLowerCase()];
          if (e === 'slip') return [w.length > 3 ? w.slice(0, 2) + w.slice(3) : w];
          return [w];
        })
        .join(' '),
    );
  const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  it('a perfect copy scores 1 under every rule', () => {
    fc.assert(fc.property(sentences, rules, (text, r) => alignDictation(text, text, r).score === 1));
  });

  it('a capital on the first letter of what was written never lowers the score', () => {
    fc.assert(
      fc.property(
        sentences.chain((text) => fc.tuple(fc.constant(text), written(text))),
        rules,
        ([text, w], r) => alignDictation(text, capitalise(w), r).score >= alignDictation(text, w, r).score,
      ),
      { numRuns: 300 },
    );
  });

  it('scores between 0 and 1', () => {
    fc.assert(
      fc.property(
        sentences.chain((text) => fc.tuple(fc.constant(text), written(text))),
        rules,
        ([text, w], r) => {
          const s = alignDictation(text, w, r).score;
          return s >= 0 && s <= 1;
        },
      ),
    );
  });
});
