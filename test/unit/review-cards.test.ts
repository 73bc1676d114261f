import { describe, expect, it } from 'vitest';
import { loadContent } from '../../core/content/load.ts';
import { readContentFiles } from '../../core/content/read-files.ts';
import { ResponseError } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { isSimpleGap } from '../../core/quiz/schema.ts';
import { cardId, parseCardId } from '../../core/review/card-id.ts';
import { gradeCard } from '../../core/review/grade-card.ts';
import { pluralOf } from '../../core/review/noun-forms.ts';
import { wordCard, wordCardIds, type ReviewTexts } from '../../core/review/word-cards.ts';
import { IDS, testIds } from './grading-helpers.ts';

const content = loadContent(readContentFiles(new URL('../..', import.meta.url).pathname));
const sentences = new Map(content.article.sentences.map((s) => [s.id, s.text.de!]));
const texts: ReviewTexts = (lang, key, vars) => `${lang}:${key}:${JSON.stringify(vars)}`;
const input = { glossary: content.glossary, sentence: (id: string) => sentences.get(id), languages: content.course.languages, texts };
const entry = (id: string) => content.glossary.find((e) => e.id === id)!;
const card = (id: string, kind: 'recognition' | 'production' | 'gap') => wordCard(entry(id), kind, input)!;

describe('card ids', () => {
  it('round-trip for words, built-in questions and set questions, and refuse anything else', () => {
    for (const ref of [
      { type: 'word', entryId: 'vereinbarung', kind: 'gap' },
      { type: 'question', questionId: 'alliance-q3' },
      { type: 'set', setId: 'abc123', questionId: 'q_1' },
    ] as const)
      expect(parseCardId(cardId(ref))).toEqual(ref);
    for (const bad of ['', 'w.x', 'w.x.z', 'q.', 'x.y', 'q.a/b', 'w..r', `q.${'a'.repeat(65)}`]) expect(parseCardId(bad)).toBeNull();
  });
});

describe('recognition cards', () => {
  it('ask for the meaning of the word as it stands in its article sentence, among four distinct glosses', () => {
    const c = card('vereinbarung', 'recognition');
    expect(c.context).toEqual({ sentenceId: 'p1s3', focus: 'Vereinbarung' });
    expect(sentences.get('p1s3')).toContain('Vereinbarung');
    expect(c.question.type).toBe('single');
    if (c.question.type !== 'single') return;
    expect(c.question.choices).toHaveLength(4);
    expect(new Set(c.question.choices.map((x) => x.text.en)).size).toBe(4);
    expect(c.question.choices.find((x) => x.correct)!.text).toEqual(entry('vereinbarung').gloss);
    expect(c.question.prompt.en).toBe('en:recognition:{"word":"Vereinbarung"}');
  });

  it('grade the right gloss 1 and another 0, with the core grader and the ids of the showing', () => {
    const c = card('spannung', 'recognition');
    const copy = learnerCopy(c.question, 'en', IDS);
    if (copy.type !== 'single' || c.question.type !== 'single') throw new Error('single expected');
    const right = copy.choices.find((x) => x.text === entry('spannung').gloss.en)!;
    const wrong = copy.choices.find((x) => x !== right)!;
    expect(gradeCard(c.question, { choice: right.id }, 'en', { ids: IDS })).toMatchObject({ result: { score: 1 }, rating: 'good' });
    expect(gradeCard(c.question, { choice: wrong.id }, 'en', { ids: IDS })).toMatchObject({ result: { score: 0 }, rating: 'again' });
    // The author's c0 (the right one) is not an id of the showing, nor is an id of another showing.
    expect(() => gradeCard(c.question, { choice: 'c0' }, 'en', { ids: IDS })).toThrow(ResponseError);
    expect(() => gradeCard(c.question, { choice: right.id }, 'en', { ids: testIds('next-showing') })).toThrow(ResponseError);
  });

  it('never name the right gloss c0 in the learner copy', () => {
    const c = card('vereinbarung', 'recognition');
    const copy = learnerCopy(c.question, 'en', IDS);
    if (copy.type !== 'single') throw new Error('single expected');
    expect(copy.choices.map((x) => x.id)).not.toContain('c0');
  });
});

describe('production cards', () => {
  const answer = (id: string, text: string, easy = false) => gradeCard(card(id, 'production').question, { text }, 'en', { easy });

  it('want a noun with its article and a capital letter', () => {
    expect(answer('vereinbarung', 'die Vereinbarung')).toMatchObject({ result: { correct: true }, rating: 'good' });
    expect(answer('vereinbarung', 'die Vereinbarung', true).rating).toBe('easy');
    expect(answer('vereinbarung', 'die vereinbarung').result.correct).toBe(false);
  });

  it('name a wrong article as such', () => {
    const g = answer('vereinbarung', 'der Vereinbarung');
    expect(g.rating).toBe('again');
    expect(g.result.items[0]).toMatchObject({ kind: 'text', note: 'en:wrongArticle:{"given":"der","right":"die Vereinbarung"}' });
    expect(answer('vereinbarung', 'Vereinbarung').result.items[0]).toMatchObject({ note: expect.stringContaining('noArticle') });
  });

  it('name the plural as such, even where it is one letter from the singular (never a typo)', () => {
    const g = answer('rohstoff', 'die Rohstoffe');
    expect(g.result).toMatchObject({ correct: false, score: 0 });
    expect(g.result.items[0]).toMatchObject({ note: 'en:plural:{"given":"die Rohstoffe","right":"der Rohstoff"}' });
    expect(answer('anspruch', 'die Ansprüche').result.items[0]).toMatchObject({ note: expect.stringContaining('plural') });
  });

  it('accept one typo in a long word, reported, and rate it hard', () => {
    const g = answer('vereinbarung', 'die Vereinbahrung');
    expect(g.result).toMatchObject({ correct: true });
    expect(g.result.items[0]).toMatchObject({ match: 'typo' });
    expect(g.rating).toBe('hard');
  });

  it('take a verb or phrase as its lemma, ä as ae', () => {
    expect(answer('einlaeuten', 'einlaeuten').result.correct).toBe(true);
    expect(answer('im-auge-behalten', 'im Auge behalten').result.correct).toBe(true);
  });

  it('prompt with the gloss in the UI language and never carry the key in the learner copy', () => {
    const c = card('vereinbarung', 'production');
    expect(c.question.prompt).toEqual({ de: expect.stringContaining('Absprache'), en: expect.stringContaining('agreement') });
    const copy = JSON.stringify(learnerCopy(c.question, 'en', IDS));
    expect(copy).not.toContain('Vereinbarung');
  });
});

describe('gap cards', () => {
  it('cut both parts of a separable verb out of its article sentence', () => {
    const c = card('vorsehen', 'gap');
    expect(c.question.type).toBe('cloze');
    if (c.question.type !== 'cloze') return;
    expect(c.question.text.de).toMatch(/\{\{g1\}\}.*\{\{g2\}\}/);
    expect(c.question.gaps.map((g) => (isSimpleGap(g) ? g.answers.de : g))).toEqual([['sieht'], ['vor']]);
    expect(c.question.text.de!.replace('{{g1}}', 'sieht').replace('{{g2}}', 'vor')).toBe(sentences.get('p3s1'));
    expect(gradeCard(c.question, { gaps: { g1: 'sieht', g2: 'vor' } }, 'en').rating).toBe('good');
    expect(gradeCard(c.question, { gaps: { g1: 'sieht', g2: 'an' } }, 'en').rating).toBe('again');
  });

  it('exist for separable verbs and phrases only', () => {
    expect(wordCardIds(entry('vorsehen'))).toEqual(['w.vorsehen.r', 'w.vorsehen.p', 'w.vorsehen.g']);
    expect(wordCardIds(entry('im-auge-behalten'))).toContain('w.im-auge-behalten.g');
    expect(wordCardIds(entry('vereinbarung'))).toEqual(['w.vereinbarung.r', 'w.vereinbarung.p']);
    expect(wordCard(entry('vereinbarung'), 'gap', input)).toBeNull();
  });

  it('build for every entry of the glossary, each of its kinds', () => {
    for (const e of content.glossary)
      for (const id of wordCardIds(e)) {
        const ref = parseCardId(id)!;
        expect(ref.type === 'word' && wordCard(e, ref.kind, input), id).toBeTruthy();
      }
  });
});

describe('pluralOf', () => {
  it('reads the dictionary notation', () => {
    expect(pluralOf({ lemma: 'Vereinbarung', plural: '-en' })).toBe('Vereinbarungen');
    expect(pluralOf({ lemma: 'Anspruch', plural: '¨-e' })).toBe('Ansprüche');
    expect(pluralOf({ lemma: 'Anbieter', plural: '-' })).toBe('Anbieter');
    expect(pluralOf({ lemma: 'Mineral', plural: 'Mineralien' })).toBe('Mineralien');
    expect(pluralOf({ lemma: 'Resilienz', plural: '—' })).toBeNull();
  });
});
