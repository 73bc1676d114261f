// The ending rule on the real content questions a QA walk reported: a typed word that is an accepted word's
// stem with another (or an added or dropped) German ending is "right word, wrong ending" everywhere, worth
// ENDING_CREDIT in a meaning question and 0 in a form question, and the ending named is the expected one.
import { describe, expect, it } from 'vitest';
import { endingSlip } from '../../core/quiz/endings.ts';
import { buildLexicon, ENDING_CREDIT, grade, type FeedbackItem } from '../../core/quiz/grade.ts';
import { content, contentQuestions } from '../fixtures/questions.ts';

const lexicon = buildLexicon([
  ...content.article.sentences.map((s) => s.text.de!),
  ...content.glossary.flatMap((e) => [e.lemma, ...e.forms]),
]);

/** Grades a typed answer to a content question as the quiz does (German, with the course lexicon). */
function typed(id: string, text: string) {
  const q = contentQuestions.find((x) => x.id === id);
  if (!q) throw new Error(`no content question ${id}`);
  const res = grade(q, { text }, 'de', { lexicon });
  const item = res.items[0] as Extract<FeedbackItem, { kind: 'text' }>;
  return { tests: q.tests, score: res.score, match: item.match, ending: item.ending, expected: item.expected, accepted: item.accepted };
}

describe('an added, dropped or other ending is the right word in the wrong form', () => {
  it('names "no ending" for Abhängigkeite (cooperation-7), not a "-t" taken from the stem', () => {
    expect(typed('cooperation-7', 'Abhängigkeite')).toEqual({
      tests: 'meaning',
      score: ENDING_CREDIT,
      match: 'ending',
      ending: '',
      expected: 'Abhängigkeit',
      accepted: true,
    });
    expect(endingSlip('abhaengigkeite', 'abhaengigkeit', 'de')).toEqual({ expected: '', given: 'e' });
  });

  it('treats Gewinnunge (sustainability-8, a meaning question) as the wrong ending at half credit, never a spelling slip', () => {
    expect(typed('sustainability-8', 'Gewinnunge')).toMatchObject({ score: ENDING_CREDIT, match: 'ending', ending: '', accepted: true });
    expect(typed('sustainability-8', 'die Gewinnunge')).toMatchObject({ score: ENDING_CREDIT, match: 'ending', ending: '' });
  });

  it('treats die Unterzeichnunge (alliance-15, a form question) as the wrong ending at 0', () => {
    expect(typed('alliance-15', 'die Unterzeichnunge')).toMatchObject({
      tests: 'form',
      score: 0,
      match: 'ending',
      ending: '',
      expected: 'die Unterzeichnung',
      accepted: false,
    });
  });

  it('names the expected "-en" for darstelle (outlook-7) and stärke (outlook-13), form questions at 0', () => {
    expect(typed('outlook-7', 'darstelle')).toMatchObject({ tests: 'form', score: 0, match: 'ending', ending: 'en' });
    expect(typed('outlook-13', 'stärke')).toMatchObject({ tests: 'form', score: 0, match: 'ending', ending: 'en' });
  });

  it('splits at the longest common stem, taking a shared "e" into the ending (kritisch|en, not kritische|n)', () => {
    expect(endingSlip('kritischem', 'kritischen', 'de')).toEqual({ expected: 'en', given: 'em' });
    expect(endingSlip('staerke', 'staerken', 'de')).toEqual({ expected: 'en', given: 'e' });
    expect(endingSlip('staerken', 'staerkt', 'de')).toEqual({ expected: 't', given: 'en' });
    expect(endingSlip('abhaengigkeiten', 'abhaengigkeit', 'de')).toEqual({ expected: '', given: 'en' });
  });

  it('never cuts a word-forming suffix: Abhängigkei for Abhängigkeit is no "-t" ending', () => {
    expect(endingSlip('abhaengigkei', 'abhaengigkeit', 'de')).toBeUndefined();
    expect(endingSlip('gewinnun', 'gewinnung', 'de')).toBeUndefined();
  });

  it('names the same ending whichever accepted form it is compared with: Abhängigkeite against Abhängigkeit(en)', () => {
    // cooperation-7 accepts both; the learner's word is Abhängigkeit + e, so "no ending" is what they are told
    expect(endingSlip('abhaengigkeite', 'abhaengigkeiten', 'de')).toEqual({ expected: 'en', given: 'e' });
    expect(typed('cooperation-7', 'Abhängigkeite').ending).toBe('');
  });
});
