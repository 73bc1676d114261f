// The German grading rules of issue 14 (endings, other words, form questions, typos, spelling notes),
// each with examples a German teacher would give.
import { describe, expect, it } from 'vitest';
import { buildLexicon, ENDING_CREDIT, grade, type FeedbackItem, type GradeOptions } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { endingSlip } from '../../core/quiz/endings.ts';
import { content, question, shortQuestion, t } from '../fixtures/questions.ts';

/** The lexicon the worker builds: the article in German, and the glossary's lemmas and forms. */
const courseLexicon = buildLexicon([
  ...content.article.sentences.map((s) => s.text.de!),
  ...content.glossary.flatMap((e) => [e.lemma, ...e.forms]),
]);

const typed = (q: Question, text: string, opts: GradeOptions = {}) => {
  const res = grade(q, { text }, 'de', opts);
  const item = res.items[0] as Extract<FeedbackItem, { kind: 'text' }>;
  return { score: res.score, match: item.match, accepted: item.accepted, ending: item.ending, word: item.word, expected: item.expected };
};
const meaning = (answer: string, opts: Record<string, unknown> = {}) => shortQuestion([answer], opts);
const form = (answer: string, opts: Record<string, unknown> = {}) => shortQuestion([answer], { tests: 'form', ...opts });

describe('a wrong inflectional ending is the right word in the wrong form, never a typo', () => {
  it('names the expected adjective ending: kritische for kritischen is "-en"', () => {
    expect(typed(meaning('kritischen'), 'kritische')).toEqual({
      score: ENDING_CREDIT,
      match: 'ending',
      accepted: true,
      ending: 'en',
      word: 'kritische',
      expected: 'kritischen',
    });
    expect(typed(meaning('kritischen'), 'kritischem')).toMatchObject({ match: 'ending', ending: 'en' });
    expect(typed(meaning('kritische'), 'kritischen')).toMatchObject({ match: 'ending', ending: 'e' });
  });

  it('names noun endings: Quelle for Quellen, Exporteure for Exporteur (no ending)', () => {
    expect(typed(meaning('Quellen'), 'Quelle')).toMatchObject({ match: 'ending', ending: 'en' });
    expect(typed(meaning('Exporteur'), 'Exporteure')).toMatchObject({ match: 'ending', ending: '' });
  });

  it('names a missing or extra ending: strategisch for strategische and back', () => {
    expect(typed(meaning('strategische'), 'strategisch')).toMatchObject({ match: 'ending', ending: 'e' });
    expect(typed(meaning('strategisch'), 'strategische')).toMatchObject({ match: 'ending', ending: '' });
  });

  it('names verb endings: unterzeichnet for unterzeichnen, vorsehe for vorsehen', () => {
    expect(typed(meaning('unterzeichnen'), 'unterzeichnet')).toMatchObject({ match: 'ending', ending: 'en' });
    expect(typed(meaning('vorsehen'), 'vorsehe')).toMatchObject({ match: 'ending', ending: 'en' });
    expect(typed(meaning('stärkt'), 'stärken')).toMatchObject({ match: 'ending', ending: 't' });
  });

  it(`scores ${ENDING_CREDIT} in a meaning question and 0 in a form question`, () => {
    expect(typed(meaning('kritischen'), 'kritische').score).toBe(ENDING_CREDIT);
    expect(typed(form('kritischen'), 'kritische')).toMatchObject({ score: 0, match: 'ending', accepted: false, ending: 'en' });
  });

  it('applies inside a longer answer: "die seltene Erden" for "die seltenen Erden"', () => {
    expect(typed(meaning('die seltenen Erden'), 'die seltene Erden')).toMatchObject({
      score: ENDING_CREDIT,
      match: 'ending',
      ending: 'en',
      word: 'seltene',
    });
  });

  it('gives a gap its partial credit and names the ending there too', () => {
    const q = question('cloze', {
      id: 'ending-gap',
      text: t('Die Lage ist {{g1}} und {{g2}}.', 'The situation is {{g1}} and {{g2}}.'),
      gaps: [
        { id: 'g1', answers: { de: ['angespannt'], en: ['tense'] } },
        { id: 'g2', answers: { de: ['kritischen'], en: ['critical'] } },
      ],
    });
    const res = grade(q, { gaps: { g1: 'angespannt', g2: 'kritische' } }, 'de');
    expect(res.score).toBe((1 + ENDING_CREDIT) / 2);
    expect(res.items[1]).toMatchObject({ kind: 'gap', gap: 'g2', match: 'ending', ending: 'en' });
    expect(grade({ ...q, tests: 'form' }, { gaps: { g1: 'angespannt', g2: 'kritische' } }, 'de').score).toBe(0.5);
  });

  it('keeps short words apart: den for dem is simply wrong, not an ending slip', () => {
    expect(typed(meaning('dem'), 'den')).toMatchObject({ score: 0, match: 'none' });
    expect(endingSlip('den', 'dem', 'de')).toBeUndefined();
  });

  it('leaves English answers to the typo rule (the ending lists are German)', () => {
    const q = question('short', { id: 'en-q', answers: { de: [{ text: 'Exporteur' }], en: [{ text: 'exporters' }] } });
    const res = grade(q, { text: 'exporter' }, 'en');
    expect(res.items[0]).toMatchObject({ match: 'typo' });
    expect(res.score).toBe(1);
  });
});

describe('another word of the course is never a typo', () => {
  it('names a word with another prefix: versehen for vorsehen scores 0', () => {
    expect(typed(meaning('vorsehen'), 'versehen')).toMatchObject({ score: 0, match: 'otherWord', word: 'versehen', accepted: false });
    expect(typed(meaning('unterstreichen'), 'überstreichen')).toMatchObject({ match: 'otherWord' });
  });

  it('names a word of the article or glossary that is one edit from the key: wollen for sollen, werden for Erden', () => {
    expect(typed(meaning('sollen'), 'wollen', { lexicon: courseLexicon })).toMatchObject({ score: 0, match: 'otherWord', word: 'wollen' });
    expect(typed(meaning('seltene Erden'), 'seltene werden', { lexicon: courseLexicon })).toMatchObject({
      score: 0,
      match: 'otherWord',
      word: 'werden',
    });
    // without the course's lexicon the same slip would pass as a typo
    expect(typed(meaning('sollen'), 'wollen')).toMatchObject({ score: 1, match: 'typo' });
  });

  it('takes a form of the key’s own word in the lexicon for an ending, not another word: kritische for kritischen', () => {
    const lexicon = buildLexicon(['die kritische Lage', 'mit kritischen Mineralien']);
    expect(typed(meaning('kritischen'), 'kritische', { lexicon })).toMatchObject({ match: 'ending', score: ENDING_CREDIT });
  });

  it('still takes a non-word one edit away for a typo, with the lexicon in use', () => {
    expect(typed(meaning('Vereinbarung'), 'Vereinbarnug', { lexicon: courseLexicon })).toMatchObject({ score: 1, match: 'typo' });
  });

  it('builds the lexicon folded and lower case, without separable marks, with compounds whole and by parts', () => {
    const lex = buildLexicon(['Die USA-Japan-Vereinbarung läutet ein|läuten ein.', 'Straße']);
    for (const w of ['die', 'usa-japan-vereinbarung', 'usa', 'japan', 'vereinbarung', 'laeutet', 'einlaeuten', 'strasse'])
      expect(lex.has(w), w).toBe(true);
    expect(lex.has('Die')).toBe(false);
  });
});

describe('form questions', () => {
  it('give no typo tolerance: Exportuer for Exporteur scores 0', () => {
    expect(typed(form('Exporteur'), 'Exportuer')).toMatchObject({ score: 0, match: 'none' });
    expect(typed(meaning('Exporteur'), 'Exportuer')).toMatchObject({ score: 1, match: 'typo' });
  });

  it('count case strictly, even when the question does not set caseSensitive: exporteur for Exporteur is 0', () => {
    expect(typed(form('Exporteur'), 'exporteur')).toMatchObject({ score: 0, match: 'case', expected: 'Exporteur' });
    expect(typed(form('Exporteur'), 'Exporteur')).toMatchObject({ score: 1, match: 'exact' });
  });

  it('reject the English word for the German one: exporter for Exporteur', () => {
    expect(typed(form('Exporteur'), 'exporter').score).toBe(0);
    expect(typed(form('Exporteur'), 'Exporter').score).toBe(0);
  });

  it('still fold typography and umlauts: einlaeuten for einläuten is accepted with a spelling note', () => {
    expect(typed(form('einläuten'), 'einlaeuten')).toMatchObject({ score: 1, match: 'spelling', expected: 'einläuten' });
  });
});

describe('typo tolerance otherwise unchanged', () => {
  it('accepts one edit on a word of five letters or more, reported with the spelling', () => {
    expect(typed(meaning('Versorgung'), 'Versorgnug')).toMatchObject({ score: 1, match: 'typo', expected: 'Versorgung' });
    expect(typed(meaning('Produzent'), 'Produzentt')).toMatchObject({ score: 1, match: 'typo' });
  });

  it('forgives nothing on a word under five letters: Erde/Edre', () => {
    expect(typed(meaning('Erde'), 'Edre').score).toBe(0);
  });
});

describe('spelling notes for ä/ae, ö/oe, ü/ue, ß/ss', () => {
  it('reports "einlaeuten" as accepted, written "einläuten", like a typo note', () => {
    expect(typed(meaning('einläuten'), 'einlaeuten')).toEqual({
      score: 1,
      match: 'spelling',
      accepted: true,
      ending: undefined,
      word: undefined,
      expected: 'einläuten',
    });
    expect(typed(meaning('Außenpolitik'), 'Aussenpolitik')).toMatchObject({ match: 'spelling', expected: 'Außenpolitik' });
  });

  it('gives no note when the spelling is the key’s: einläuten, EINLÄUTEN', () => {
    expect(typed(meaning('einläuten'), 'einläuten').match).toBe('exact');
    expect(typed(meaning('einläuten'), 'EINLÄUTEN').match).toBe('exact');
  });

  it('notes the spelling in a gap too', () => {
    const q = question('cloze', {
      id: 'spelling-gap',
      text: t('Sie {{g1}} eine neue Ära ein.', 'They {{g1}} in a new era.'),
      gaps: [{ id: 'g1', answers: { de: ['läuten'], en: ['ring'] } }],
    });
    expect(grade(q, { gaps: { g1: 'laeuten' } }, 'de').items[0]).toMatchObject({ match: 'spelling', expected: 'läuten', accepted: true });
  });
});
