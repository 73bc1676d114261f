import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { learnerQuiz } from '../../core/quiz/quiz.ts';
import { learnerCopyOf, openQuiz } from '../../worker/services/quiz-session.ts';

// A learner's copy is made once per attempt's ids and language and shared by the requests of that attempt
// (worker/services/quiz-session.ts): it must be the copy a fresh build gives, and no request may change it.
describe("the learner's copy, shared between the requests of one attempt", () => {
  it('is the same frozen copy for the same quiz, seed and language, and the one a fresh build gives', async () => {
    const open = (lang: string) => openQuiz(env, 'china', { lang, seed: 'share1234', strict: true });
    const [a, b] = [await open('de'), await open('de')];
    const copy = learnerCopyOf(a);
    expect(learnerCopyOf(b)).toBe(copy);
    expect(copy).toEqual(learnerQuiz(a.quiz, a.lang, a.seed, a.ids));
    expect(Object.isFrozen(copy.questions)).toBe(true);
    const withChoices = copy.questions.find((q) => 'choices' in q) as { choices: Array<{ text: string }> } | undefined;
    expect(withChoices).toBeDefined();
    expect(() => {
      withChoices!.choices[0]!.text = 'changed';
    }).toThrow(TypeError);
  });

  it('is another copy for another language or another seed', async () => {
    const de = await openQuiz(env, 'china', { lang: 'de', seed: 'share1234', strict: true });
    const en = await openQuiz(env, 'china', { lang: 'en', seed: 'share1234', strict: true });
    const other = await openQuiz(env, 'china', { lang: 'de', seed: 'share5678', strict: true });
    expect(learnerCopyOf(en)).not.toBe(learnerCopyOf(de));
    expect(learnerCopyOf(en).lang).toBe('en');
    expect(learnerCopyOf(en).questions[0]!.prompt).not.toBe(learnerCopyOf(de).questions[0]!.prompt);
    expect(learnerCopyOf(other).seed).toBe('share5678');
    expect(learnerCopyOf(other)).toEqual(learnerQuiz(other.quiz, other.lang, other.seed, other.ids));
  });
});
