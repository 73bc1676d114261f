// Issue 17, "ids that say nothing": a solver that knows the old scheme and every authoring convention
// (test/unit/id-solver.ts) answers from the ids and order of learner copies. With the old scheme it scores far
// above chance (so this test can fail); with the MAC ids it must do no better than guessing, on every quiz kind.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../core/content/load.ts';
import { readContentFiles } from '../../core/content/read-files.ts';
import { grade } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { ORDER_KEY, type PublicIds } from '../../core/quiz/public-ids.ts';
import { drawFinal } from '../../core/quiz/quiz.ts';
import { rng } from '../../core/quiz/random.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { wordCard } from '../../core/review/word-cards.ts';
import { publicIdsFor } from '../../worker/services/public-ids.ts';
import { giftFixture, importGift } from './gift-moodle-view.ts';
import { guess, oldSchemeIds, solve } from './id-solver.ts';
import { shownIds } from '../fixtures/learner-ids.ts';

const SECRET = 'unit-test-secret-0123456789';
const content = loadContent(readContentFiles(new URL('../..', import.meta.url).pathname));
const seeds = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}x`);

/** GIFT as instructors write it: the right answer first, pairs in order, plus two of our fixtures. */
const giftSet = importGift(
  [
    ...Array.from({ length: 12 }, (_, i) => `::mc${i}::Question ${i}?{=right ${i} ~wrong ${i} one ~wrong ${i} two ~wrong ${i} three}`),
    ...Array.from({ length: 4 }, (_, i) => `::m${i}::Match ${i}.{=L${i}a -> R${i}a =L${i}b -> R${i}b =L${i}c -> R${i}c =L${i}d -> R${i}d}`),
    giftFixture('multiple-choice.gift'),
    giftFixture('matching.gift'),
  ].join('\n\n'),
).valid;

const sentences = new Map(content.article.sentences.map((s) => [s.id, s.text.de!]));
const cardInput = {
  glossary: content.glossary,
  sentence: (id: string) => sentences.get(id),
  languages: content.course.languages,
  texts: (lang: string, key: string) => `${lang}:${key}`,
};
const recognitionCards = content.glossary.flatMap((e) => wordCard(e, 'recognition', cardInput)?.question ?? []);

interface Attempt {
  quizId: string;
  seed: string;
  questions: readonly Question[];
  /** The seed the old scheme shuffled with (a review card's was `{cardId}:{reps}`). */
  oldSeed?: string;
}

interface Tally {
  /** The solver on copies as issued now. */
  solver: number;
  /** Random answers from the same copies. */
  chance: number;
  /** The solver on copies of the old scheme (FNV-1a ids, shuffled by the public seed). */
  old: number;
  /** The solver on copies with MAC ids but the old public shuffle: why the shuffle is keyed too. */
  publicShuffle: number;
  n: number;
}

/** Mean scores over every question the solver can read. */
async function run(attempts: readonly Attempt[], lang = 'en'): Promise<Tally> {
  const t: Tally = { solver: 0, chance: 0, old: 0, publicShuffle: 0, n: 0 };
  const random = rng('chance');
  const score = (q: Question, ids: PublicIds, seed: string) => {
    const answer = solve(learnerCopy(q, lang, ids), seed);
    return answer ? grade(q, answer, lang, { ids }).score : null;
  };
  for (const a of attempts) {
    const seed = a.oldSeed ?? a.seed;
    const ids = await publicIdsFor(SECRET, a.quizId, a.seed, a.questions);
    const old = oldSchemeIds(seed);
    const publicShuffle: PublicIds = (q, k) => (k === ORDER_KEY ? old(q, k) : ids(q, k));
    for (const q of a.questions) {
      const solved = score(q, ids, seed);
      if (solved === null) continue;
      t.solver += solved;
      // Chance: the mean of several random answers from the same copy.
      const copy = learnerCopy(q, lang, ids);
      for (let i = 0; i < 8; i++) t.chance += grade(q, guess(copy, random)!, lang, { ids }).score / 8;
      t.old += score(q, old, seed)!;
      t.publicShuffle += score(q, publicShuffle, seed)!;
      t.n++;
    }
  }
  return { solver: t.solver / t.n, chance: t.chance / t.n, old: t.old / t.n, publicShuffle: t.publicShuffle / t.n, n: t.n };
}

/**
 * No better than chance (within a margin of about four standard errors at these counts), while the same solver
 * broke the old ids, and undoing a public shuffle alone (right answer written first) would beat chance too.
 */
function expectChance(t: Tally, questions: number) {
  expect(t.n).toBeGreaterThanOrEqual(questions);
  expect(t.old, `the solver must be a real attack on the old scheme: ${JSON.stringify(t)}`).toBeGreaterThan(t.chance + 0.3);
  expect(t.publicShuffle, `a public shuffle must be a real leak: ${JSON.stringify(t)}`).toBeGreaterThan(t.chance + 0.3);
  expect(t.solver, JSON.stringify(t)).toBeLessThan(t.chance + 0.05);
}

describe('a solver that knows the old ids and the authoring conventions', () => {
  it('does no better than chance on the lessons', async () => {
    const attempts = Object.entries(content.questions).flatMap(([lesson, questions]) =>
      seeds(40, lesson).map((seed) => ({ quizId: lesson, seed, questions })),
    );
    expectChance(await run(attempts), 2000);
  });

  it('does no better than chance on the final test', async () => {
    const pool = Object.fromEntries(Object.entries(content.questions).map(([l, qs]) => [l, qs.filter((q) => q.type !== 'essay')]));
    const { questions: count, minPerLesson } = content.course.finalTest;
    const attempts = seeds(150, 'final').map((seed) => ({ quizId: 'final', seed, questions: drawFinal(pool, seed, count, minPerLesson) }));
    expectChance(await run(attempts, 'de'), 1000);
  });

  it('does no better than chance on a GIFT set written right answer first', async () => {
    const attempts = seeds(120, 'gift').map((seed) => ({ quizId: 's-gift', seed, questions: giftSet.questions }));
    expectChance(await run(attempts), 2000);
  });

  it('does no better than chance on review recognition cards, whose right choice is c0', async () => {
    expect(recognitionCards.length).toBeGreaterThan(40);
    const attempts = seeds(20, 'review').flatMap((seed) =>
      recognitionCards.map((q) => ({ quizId: `review:${q.id}`, seed, questions: [q], oldSeed: `${q.id}:0` })),
    );
    expectChance(await run(attempts), 800);
  });
});

describe('ids of one question', () => {
  it('differ between two attempts, and so does the order they are shown in', async () => {
    const questions = content.questions.china!;
    const [a, b] = await Promise.all(['seed1', 'seed2'].map((s) => publicIdsFor(SECRET, 'china', s, questions)));
    let compared = 0;
    let reordered = 0;
    for (const q of questions) {
      const [ca, cb] = [learnerCopy(q, 'de', a!), learnerCopy(q, 'de', b!)];
      const [ia, ib] = [shownIds(ca), shownIds(cb)];
      expect(ib, q.id).toHaveLength(ia.length);
      for (const id of ia) expect(ib, q.id).not.toContain(id);
      compared += ia.length;
      const texts = (c: typeof ca) => JSON.stringify(c).replace(/"id":"[^"]*"/g, '');
      if (texts(ca) !== texts(cb)) reordered++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(reordered).toBeGreaterThan(3);
  });
});
