import { describe, expect, it } from 'vitest';
import { keyedResponse } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { drawFinal } from '../../core/quiz/quiz.ts';
import { IDS, testIds } from './grading-helpers.ts';
import type { Question } from '../../core/quiz/schema.ts';
import {
  cloze,
  content,
  contentLangs,
  contentQuestions,
  match,
  multiple,
  numerical,
  numericalRange,
  order,
  question,
  schemas,
  shortQuestion,
  single,
  t,
  trueFalse,
} from '../fixtures/questions.ts';

// ---------------------------------------------------------------------------------------------------------

const FORBIDDEN_KEYS = [
  'correct',
  'weight',
  'answers',
  'answer',
  'tolerance',
  'feedback',
  'explanation',
  'solution',
  'sources',
  'min',
  'max',
];
const keysOf = (x: unknown): string[] =>
  Array.isArray(x) ? x.flatMap(keysOf) : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];
/** Every text that is part of the key: explanations and all feedback, in every language. */
function secretTexts(q: Question): string[] {
  const out = Object.values(q.explanation ?? {});
  if (q.type === 'single' || q.type === 'multiple') for (const c of q.choices) if (c.feedback) out.push(...Object.values(c.feedback));
  if (q.type === 'truefalse') for (const fb of [q.feedback?.right, q.feedback?.wrong]) if (fb) out.push(...Object.values(fb));
  if (q.type === 'short') for (const list of Object.values(q.answers)) for (const a of list) if (a.feedback) out.push(a.feedback);
  return out;
}
const SEEDS = ['abcd', 'seed1', 'seed2', 'x7k2m9', 'zzzz', 'attempt42', 'q8w7e6r5', 'mnop'];

describe('learner copy', () => {
  it('covers the content: six lessons of questions of every graded type (and perhaps writing tasks)', () => {
    expect(Object.keys(content.questions)).toHaveLength(6);
    const types = new Set(contentQuestions.map((q) => q.type));
    types.delete('essay');
    expect(types).toEqual(new Set(['single', 'multiple', 'truefalse', 'short', 'cloze', 'match', 'order', 'numerical', 'dictation']));
    expect(contentLangs).toEqual(['de', 'en']);
  });

  it('of every content question in every language has none of the key fields', () => {
    for (const q of contentQuestions)
      for (const lang of contentLangs)
        for (const seed of SEEDS.slice(0, 3)) {
          const copy = learnerCopy(q, lang, testIds(seed));
          const json = JSON.stringify(copy);
          const keys = new Set(keysOf(copy));
          for (const k of FORBIDDEN_KEYS) {
            expect(keys.has(k), `${q.id}/${lang}: key "${k}"`).toBe(false);
            expect(json, `${q.id}/${lang}`).not.toContain(`"${k}":`);
          }
        }
  });

  it('of every content question in every language contains neither the explanation nor any feedback text', () => {
    let checked = 0;
    for (const q of contentQuestions)
      for (const lang of contentLangs) {
        const json = JSON.stringify(learnerCopy(q, lang, IDS));
        for (const secret of secretTexts(q)) {
          expect(json, `${q.id}/${lang}`).not.toContain(JSON.stringify(secret).slice(1, -1));
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(contentQuestions.length * 2);
  });

  it('keeps the key out of a fixture with every kind of secret', () => {
    for (const q of [
      single,
      multiple,
      trueFalse,
      shortQuestion([{ text: 'Geheim', feedback: 'Notiz' }]),
      cloze,
      match,
      order,
      numerical,
      numericalRange,
    ]) {
      const json = JSON.stringify(learnerCopy(q, 'de', IDS));
      for (const secret of secretTexts(q)) expect(json).not.toContain(secret);
      expect(json).not.toMatch(/"(correct|weight|answers?|tolerance|feedback|explanation|solution|sources|min|max)":/);
    }
  });

  it('is in the requested language', () => {
    expect(learnerCopy(single, 'en', IDS)).toMatchObject({ prompt: 'Question single-q' });
    const choices = (learnerCopy(single, 'de', IDS) as { choices: { text: string }[] }).choices.map((c) => c.text).sort();
    expect(choices).toEqual(['Falsch eins', 'Falsch zwei', 'Richtig']);
  });

  it('is the same for the same seed', () => {
    for (const q of contentQuestions)
      for (const lang of contentLangs) expect(learnerCopy(q, lang, IDS), q.id).toEqual(learnerCopy(q, lang, IDS));
  });

  it('usually orders choices differently for a different seed', () => {
    const shuffled = contentQuestions.filter(
      (q) => q.type === 'single' || q.type === 'multiple' || q.type === 'match' || q.type === 'order',
    );
    expect(shuffled.length).toBeGreaterThan(10);
    for (const q of shuffled) {
      // Ids differ per seed anyway: compare the order of the texts only.
      const orders = new Set(SEEDS.map((seed) => JSON.stringify(learnerCopy(q, 'de', testIds(seed))).replace(/"id":"[^"]*"/g, '')));
      expect(orders.size, q.id).toBeGreaterThan(1);
    }
  });

  it('never shows an order question’s items already in the correct order', () => {
    const orderQuestions = [
      ...contentQuestions.filter((q) => q.type === 'order'),
      order,
      question('order', { id: 'two', items: [t('a'), t('b')] }),
    ];
    expect(orderQuestions.length).toBeGreaterThanOrEqual(7);
    for (const q of orderQuestions)
      for (const lang of contentLangs)
        for (let i = 0; i < 200; i++) {
          const copy = learnerCopy(q, lang, testIds(`seed${i}`));
          if (copy.type !== 'order') throw new Error('not an order copy');
          const keyed = (keyedResponse(q, lang, testIds(`seed${i}`)) as { order: string[] }).order;
          expect(
            copy.items.map((it) => it.id),
            `${q.id}/${lang}/seed${i}`,
          ).not.toEqual(keyed);
          expect([...copy.items.map((it) => it.id)].sort()).toEqual([...keyed].sort());
        }
  });

  it('names choices by opaque ids that do not reveal the author’s ids', () => {
    const copy = learnerCopy(single, 'de', IDS);
    if (copy.type !== 'single') throw new Error('not a single copy');
    for (const c of copy.choices) expect(['a', 'b', 'c']).not.toContain(c.id);
  });
});

describe('drawFinal', () => {
  it('draws the configured final test from the content', () => {
    const { questions: count, minPerLesson } = content.course.finalTest;
    const drawn = drawFinal(content.questions, 'seed1', count, minPerLesson);
    expect(drawn).toHaveLength(count);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(count);
    for (const [lesson, list] of Object.entries(content.questions))
      expect(drawn.filter((q) => list.includes(q)).length, lesson).toBeGreaterThanOrEqual(minPerLesson);
    expect(drawFinal(content.questions, 'seed1', count, minPerLesson)).toEqual(drawn);
  });

  it('is schema-valid: every drawn question parses again', () => {
    for (const q of drawFinal(content.questions, 'seed2', 20, 3)) expect(schemas.Question.parse(q)).toEqual(q);
  });
});
