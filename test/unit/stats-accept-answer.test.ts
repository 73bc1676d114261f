import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { grade } from '../../core/quiz/grade.ts';
import { questionSchemas, type Question } from '../../core/quiz/schema.ts';
import type { QuestionSet } from '../../core/sets/schema.ts';
import { acceptAnswer, acceptIntoSet, literalAnswer } from '../../core/stats/accept-answer.ts';

const { Question: QuestionSchema } = questionSchemas(['en']);
const fromCloze = (src: string): Question => {
  const r = parseCloze(src, { lang: 'en', languages: ['en'] });
  if (r.problems.length) throw new Error(JSON.stringify(r.problems));
  return QuestionSchema.parse(r.set.questions[0]);
};
/** The one question after accepting, validated again by the schema (as the results page does). */
const accepted = (q: Question, value: string, credit: number, part: string): Question | null => {
  const out = acceptAnswer([q], { questionId: q.id, value, lang: 'en', credit, part });
  return out && QuestionSchema.parse(out[0]);
};
const gapScore = (q: Question, gap: string, value: string) => grade(q, { gaps: { [gap]: value } }, 'en').score;

// g1 is a simple gap (SA with right answers only), g2 a weighted typed gap, g3 numerical, g4 a choice.
const Q = fromCloze('A {1:SA:=magnet} and {1:SA:=neodymium~%50%neodym} in {1:NM:=2025:0} from {1:MC:=Japan~China}.');

describe('accepting a typed answer into a cloze gap', () => {
  it('adds a full-credit answer to a simple gap, which then grades it right', () => {
    expect(gapScore(Q, 'g1', 'magnets')).toBe(0);
    const q = accepted(Q, 'magnets', 1, 'g1')!;
    expect(gapScore(q, 'g1', 'magnets')).toBe(0.25);
    expect(gapScore(q, 'g1', 'magnet')).toBe(0.25);
  });

  it('turns a simple gap into a weighted typed gap for a partial credit, grading the old answers as before', () => {
    const q = accepted(Q, 'magnetic', 0.5, 'g1')!;
    expect(q.type === 'cloze' && q.gaps[0]!.kind).toBe('typed');
    expect(gapScore(q, 'g1', 'magnetic')).toBe(0.125);
    expect(gapScore(q, 'g1', 'magnet')).toBe(0.25);
  });

  it('adds a weighted answer to a typed gap (Moodle-style, with partial credit)', () => {
    expect(gapScore(Q, 'g2', 'Nd')).toBe(0);
    const q = accepted(Q, 'Nd', 0.5, 'g2')!;
    expect(gapScore(q, 'g2', 'Nd')).toBe(0.125);
    expect(gapScore(q, 'g2', 'neodymium')).toBe(0.25);
  });

  it('adds a number to a numerical gap and refuses a text that is no number', () => {
    expect(gapScore(accepted(Q, '2026', 1, 'g3')!, 'g3', '2026')).toBe(0.25);
    expect(accepted(Q, 'soon', 1, 'g3')).toBeNull();
  });

  it('refuses a choice gap and a gap that does not exist', () => {
    expect(accepted(Q, 'Korea', 1, 'g4')).toBeNull();
    expect(accepted(Q, 'magnets', 1, 'g9')).toBeNull();
  });
});

describe('an accepted answer is the literal text typed', () => {
  it('escapes GIFT\'s catch-all "*" as Moodle writes a literal star, and a typed "\\*" as well', () => {
    expect(literalAnswer('*')).toEqual({ stored: '\\*', text: '*' });
    expect(literalAnswer(' \\* ')).toEqual({ stored: '\\\\*', text: '\\*' });
    expect(literalAnswer('a*b')).toEqual({ stored: 'a*b', text: 'a*b' });
    expect(literalAnswer('**')).toEqual({ stored: '**', text: '**' });
  });

  it('folds line breaks and tabs to one space and drops other control and direction characters', () => {
    expect(literalAnswer('seltene\n\tErden')?.stored).toBe('seltene Erden');
    expect(literalAnswer('Pe\u0000king\u202e')?.stored).toBe('Peking');
  });

  it('refuses an empty or blank value, and one of control characters only', () => {
    for (const v of ['', '   ', '\n\t', '\u0000\u202e ']) expect(literalAnswer(v), JSON.stringify(v)).toBeNull();
  });

  it('stores the star of a short answer escaped, so the question keeps grading other answers as wrong', () => {
    const q = QuestionSchema.parse({
      id: 'q',
      type: 'short',
      prompt: { en: 'Capital of China?' },
      answers: { en: [{ text: 'Beijing', weight: 1 }] },
    });
    const set = { title: { en: 'T' }, languages: ['en'], passages: [], questions: [q] } as unknown as QuestionSet;
    const out = acceptIntoSet(set, { questionId: 'q', value: '*', lang: 'en', credit: 1 });
    expect(out.ok && out.set.questions[0]).toMatchObject({ answers: { en: [{ text: 'Beijing' }, { text: '\\*', weight: 1 }] } });
    expect(out.ok && grade(out.set.questions[0]!, { text: 'Berlin' }, 'en').score).toBe(0);
    expect(acceptIntoSet(set, { questionId: 'q', value: ' ', lang: 'en', credit: 1 })).toEqual({ ok: false, reason: 'empty' });
    expect(acceptIntoSet(set, { questionId: 'nope', value: 'x', lang: 'en', credit: 1 })).toEqual({ ok: false, reason: 'cannotAccept' });
  });
});
