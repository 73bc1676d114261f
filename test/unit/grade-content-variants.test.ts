// Issue 18, item 1: the variant gaps the teacher's review listed, graded by the real content items and the
// real grader: each named answer now scores as its English counterpart does, and the item says why.
import { describe, expect, it } from 'vitest';
import { grade } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { content, contentQuestions } from '../fixtures/questions.ts';
import { simpleGap, typed } from './grading-helpers.ts';

const item = (id: string) => {
  const q = contentQuestions.find((x) => x.id === id);
  if (!q) throw new Error(`no content question ${id}`);
  return q;
};
const sentence = (id: string) => content.article.sentences.find((s) => s.id === id)!.text.de!;

describe("the review's variant gaps", () => {
  it('china-7 accepts "Exportbeschränkungen" as English accepts "export restrictions", the singular at half', () => {
    expect(typed(item('china-7'), 'Exportbeschränkungen').score).toBe(1);
    expect(typed(item('china-7'), 'die Exportbeschränkungen').score).toBe(1);
    expect(typed(item('china-7'), 'export restrictions', 'en').score).toBe(1);
    expect(typed(item('china-7'), 'Exportbeschränkung').score).toBe(0.5);
  });

  it('sustainability-9 accepts "Klimawandel, Umweltschutz" and "Klimawandel und der Umweltschutz"', () => {
    const q = item('sustainability-9');
    for (const text of ['Klimawandel, Umweltschutz', 'Klimawandel und der Umweltschutz', 'Umweltschutz, Klimawandel', 'Der Klimawandel'])
      expect(typed(q, text).score, text).toBe(1);
    expect(typed(q, 'climate change, environmental protection', 'en').score).toBe(1);
  });

  it('alliance-7 accepts "seltener Erden" (the text\'s genitive) and "rare-earth metals"', () => {
    expect(sentence('p4s1')).toContain('seltener Erden');
    expect(typed(item('alliance-7'), 'seltener Erden')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(item('alliance-7'), 'rare-earth metals', 'en').score).toBe(1);
    expect(typed(item('alliance-7'), 'rare earth metals', 'en').score).toBe(1);
  });

  it('balance-8 accepts "motivieren" and says so; cooperation-9 and balance-8 (meaning questions) are not case-strict', () => {
    const b8 = item('balance-8') as Extract<Question, { type: 'cloze' }>;
    expect(b8.explanation?.de).toContain('motivieren');
    expect(b8.explanation?.en).toContain('motivate');
    for (const id of ['balance-8', 'cooperation-9']) {
      const q = item(id) as Extract<Question, { type: 'cloze' }>;
      expect(q.tests).toBe('meaning');
      expect(q.caseSensitive, id).toBe(false);
    }
    const gaps = (given: Record<string, string>) =>
      grade(b8, { gaps: { g1: 'könnte', g2: 'Gleichgewicht', g4: 'unabhängig', ...given } }, 'de').score;
    expect(gaps({ g3: 'motivieren' })).toBe(1);
    expect(gaps({ g3: 'Ermutigen' })).toBe(1);
    const c9 = item('cooperation-9');
    expect(grade(c9, { gaps: { g1: 'strategie', g2: 'Resilienz', g3: 'innovationskraft' } }, 'de').score).toBe(1);
  });

  it('sustainability-8 answers "Förderung" with 0 and a note that points to paragraph 3, sentence 1', () => {
    expect(sentence('p3s1')).toContain('Förderung');
    for (const [lang, where] of [
      ['de', 'Absatz 3, Satz 1'],
      ['en', 'paragraph 3, sentence 1'],
    ] as const) {
      const res = grade(item('sustainability-8'), { text: 'die Förderung' }, lang);
      expect(res.score).toBe(0);
      expect(res.items[0]).toMatchObject({ kind: 'text', note: expect.stringContaining(where) });
    }
  });
});

describe('form items that practise German endings, prepositions or connectors, in English mode', () => {
  const ids = ['alliance-9', 'outlook-8', 'outlook-9', 'outlook-14', 'sustainability-10', 'china-9'];
  const englishKeys = (q: Question): string[] =>
    q.type === 'short' ? [q.answers.en![0]!.text] : q.type === 'cloze' ? q.gaps.map((g) => String(simpleGap(g).answers.en![0])) : [];

  it.each(ids)('%s explains in English what the English item checks, naming each English key', (id) => {
    const q = item(id);
    expect(q.tests).toBe('form');
    const en = q.explanation?.en ?? '';
    expect(en).toMatch(/^In English this item checks /);
    for (const key of englishKeys(q)) expect(en, key).toMatch(new RegExp(`\\b${key}\\b`));
  });
});
