import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { questionSchemas, type Question } from '../../core/quiz/schema.ts';
import { acceptAnswer } from '../../core/stats/accept-answer.ts';
import { regradeOf, rescore, type RegradedAnswer } from '../../core/stats/regrade.ts';

// What an accepted typed answer changes in stored answers (docs/decisions/0014): a short answer's score rises to
// the accepted credit; a cloze gap adds its share of the question (here a quarter: four gaps of weight 1).

const { Question: QuestionSchema } = questionSchemas(['en']);
const fromCloze = (src: string): Question => {
  const r = parseCloze(src, { lang: 'en', languages: ['en'] });
  if (r.problems.length) throw new Error(JSON.stringify(r.problems));
  return QuestionSchema.parse(r.set.questions[0]);
};
const accept = (q: Question, value: string, credit: number, part?: string) =>
  QuestionSchema.parse(acceptAnswer([q], { questionId: q.id, value, lang: 'en', credit, part })![0]);

const CLOZE = fromCloze('A {1:SA:=magnet} and {1:SA:=neodymium} in {1:NM:=2025:0} from {1:MC:=Japan~China}.');
const SHORT = QuestionSchema.parse({
  id: 'cap',
  type: 'short',
  prompt: { en: 'Capital?' },
  answers: { en: [{ text: 'Beijing', weight: 1 }] },
});
const answer = (over: Partial<RegradedAnswer>): RegradedAnswer => ({
  type: 'short',
  score: 0,
  response: null,
  normalized: null,
  lang: 'en',
  ...over,
});
const clozeAnswer = (g1: string, score: number) =>
  answer({ type: 'cloze', score, response: JSON.stringify({ gaps: { g1, g2: 'x' } }), normalized: JSON.stringify([g1, 'x']) });

describe('regradeOf', () => {
  it('gives a cloze gap the share of the question it adds, and nothing when the version before took it already', () => {
    const after = accept(CLOZE, 'magnets', 1, 'g1');
    const r = regradeOf(CLOZE, after, { value: 'magnets', lang: 'en', part: 'g1', version: '2.x' })!;
    expect(r).toEqual({ questionId: CLOZE.id, value: 'magnets', lang: 'en', part: 'g1', mode: 'add', credit: 0.25, version: '2.x' });
    expect(regradeOf(after, accept(after, 'magnets', 1, 'g1'), { value: 'magnets', lang: 'en', part: 'g1', version: '3.x' })).toBeNull();
  });

  it('raises a short answer to the accepted credit, and takes nothing a question cannot accept', () => {
    const after = accept(SHORT, 'Peking', 0.5);
    expect(regradeOf(SHORT, after, { value: 'Peking', lang: 'en', version: '2.x' })).toMatchObject({ mode: 'max', credit: 0.5 });
    expect(regradeOf(SHORT, SHORT, { value: 'Berlin', lang: 'en', version: '2.x' })).toBeNull();
  });
});

describe('rescore', () => {
  const short = { questionId: 'cap', value: 'Peking', lang: 'en', mode: 'max', credit: 0.5, version: '2.x' } as const;
  const text = (t: string, score = 0, lang = 'en') =>
    answer({ score, response: JSON.stringify({ text: t }), normalized: JSON.stringify([t]), lang });

  it('touches only the answers that gave the value, in its language, and never lowers a score', () => {
    expect(rescore(short, text('Peking'))).toBe(0.5);
    expect(rescore(short, text('Peking', 0.75))).toBeNull();
    expect(rescore(short, text('Berlin'))).toBeNull();
    expect(rescore(short, text('Peking', 0, 'de'))).toBeNull();
  });

  it('adds a gap’s share to a cloze answer that gave the value in that gap, up to 1', () => {
    const gap = { questionId: 'c', part: 'g1', value: 'magnets', lang: 'en', mode: 'add', credit: 0.25, version: '2.x' } as const;
    expect(rescore(gap, clozeAnswer('magnets', 0.5))).toBe(0.75);
    expect(rescore(gap, clozeAnswer('magnet', 0.5))).toBeNull();
    expect(rescore({ ...gap, part: 'g2' }, clozeAnswer('magnets', 0.5))).toBeNull();
    expect(rescore(gap, clozeAnswer('magnets', 0.9))).toBe(1);
  });
});
