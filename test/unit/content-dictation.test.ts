// Issue 18, item 3: every lesson has a dictation of a sentence of its own paragraph, written exactly as the
// article has it, and the loader refuses a dictation that drifts from its sentence.
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent, type ContentFiles } from '../../core/content/load.ts';
import { readContentFiles } from '../../core/content/read-files.ts';
import { grade } from '../../core/quiz/grade.ts';

const root = new URL('../..', import.meta.url).pathname;
const files = readContentFiles(root);
const content = loadContent(files);
const clone = (f: ContentFiles): ContentFiles => JSON.parse(JSON.stringify(f));
const problemsOf = (broken: ContentFiles) => {
  try {
    loadContent(broken);
    return [];
  } catch (e) {
    return (e as ContentError).problems;
  }
};

describe('the content dictations', () => {
  it('give every lesson at least one dictation', () => {
    for (const lesson of content.lessons)
      expect(
        content.questions[lesson.id]!.some((q) => q.type === 'dictation'),
        lesson.id,
      ).toBe(true);
  });

  it("dictate exactly one sentence of the lesson's own paragraph, letter for letter, with an explanation in both languages", () => {
    let n = 0;
    for (const lesson of content.lessons)
      for (const q of content.questions[lesson.id]!) {
        if (q.type !== 'dictation') continue;
        n++;
        expect(q.sources, q.id).toHaveLength(1);
        const sentence = content.article.sentences.find((s) => s.id === q.sources[0])!;
        expect(sentence.paragraph, q.id).toBe(lesson.paragraph);
        expect(q.text, q.id).toBe(sentence.text.de);
        expect(q.explanation?.de, q.id).toBeTruthy();
        expect(q.explanation?.en, q.id).toBeTruthy();
      }
    expect(n).toBeGreaterThanOrEqual(content.lessons.length);
  });

  it('score their own sentence 1 and a sentence missing its last word less, in both quiz languages', () => {
    for (const q of Object.values(content.questions).flat())
      if (q.type === 'dictation')
        for (const lang of ['de', 'en']) {
          expect(grade(q, { text: q.text }, lang).score, q.id).toBe(1);
          expect(grade(q, { text: q.text.replace(/\s+\S+$/, '') }, lang).score, q.id).toBeLessThan(1);
        }
  });

  it('are refused by the loader when the text is not the cited sentence, or the sentence is of another paragraph', () => {
    const broken = clone(files);
    const list = (broken['content/questions/china.json'] as any).questions as any[];
    const i = list.findIndex((q) => q.type === 'dictation');
    list[i].text = list[i].text.replace('Seltene', 'Seltne');
    expect(problemsOf(broken)).toContainEqual({
      file: 'content/questions/china.json',
      path: `questions[${i}].text`,
      message: `must be sentence ${list[i].sources[0]} exactly as the article has it`,
    });
    list[i].sources = ['p1s1'];
    expect(problemsOf(broken).map((p) => p.path)).toContain(`questions[${i}].sources`);
  });

  it('are required: a lesson without one is refused', () => {
    const broken = clone(files);
    const file = broken['content/questions/outlook.json'] as any;
    file.questions = file.questions.filter((q: any) => q.type !== 'dictation');
    expect(problemsOf(broken)).toContainEqual({
      file: 'content/questions/outlook.json',
      path: 'questions',
      message: 'lesson "outlook" needs at least one dictation',
    });
  });
});
