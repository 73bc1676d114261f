// Issue 17, item 1 through the real routes: every copy a learner is served names choices and items by ids
// that are MACs per attempt, checks and submits are graded with the ids of the seed they send back, and a
// solver that knows the old ids and the authoring conventions scores no better than chance.
import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { grade } from '../../core/quiz/grade.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { idKeys, ORDER_KEY } from '../../core/quiz/public-ids.ts';
import { drawFinal } from '../../core/quiz/quiz.ts';
import { rng } from '../../core/quiz/random.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';
import { guess, solve } from '../unit/id-solver.ts';
import { request } from './helpers.ts';
import { auth } from './instructor-helpers.ts';
import { idOfText, idsFor } from './public-ids-helpers.ts';
import { shownIds } from '../fixtures/learner-ids.ts';

const content = (bundle as any).content as {
  questions: Record<string, Question[]>;
  course: { finalTest: { questions: number; minPerLesson: number } };
};
const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(path, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });

interface Copy {
  id: string;
  seed: string;
  lang: string;
  questions: LearnerQuestion[];
}
const copyOf = async (path: string) => {
  const res = await request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Copy;
};

/** Right answers first, as GIFT authors write them; matching pairs in order. */
const GIFT = [
  ...Array.from({ length: 10 }, (_, i) => `::mc${i}::Frage ${i}?{=richtig ${i} ~falsch ${i} eins ~falsch ${i} zwei ~falsch ${i} drei}`),
  ...Array.from({ length: 3 }, (_, i) => `::m${i}::Ordnen ${i}.{=L${i}a -> R${i}a =L${i}b -> R${i}b =L${i}c -> R${i}c}`),
].join('\n\n');

async function publishedGiftSet(): Promise<{ id: string; questions: Question[] }> {
  const res = await request('/api/question-sets?format=gift&lang=de&title=Solver', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: GIFT,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  const full = (await (await request(`/api/question-sets/${id}`, { headers: auth })).json()) as any;
  return { id, questions: full.set?.questions ?? full.questions };
}

interface Score {
  solver: number;
  chance: number;
  n: number;
}

/**
 * Attempts of quiz `quizId` through the API: a fresh copy, the solver's answers to what it can read, one submit
 * with the copy's seed; the server's per-question scores count. Chance: random answers to the same copies,
 * graded by core with the ids the server made for that seed.
 */
async function attempts(quizId: string, lang: string, count: number, questionsOf: (seed: string) => readonly Question[]): Promise<Score> {
  const s: Score = { solver: 0, chance: 0, n: 0 };
  const random = rng(quizId);
  for (let i = 0; i < count; i++) {
    const copy = await copyOf(`/api/quizzes/${quizId}?lang=${lang}`);
    const answers = new Map(copy.questions.flatMap((q) => (solve(q, copy.seed) ? [[q.id, solve(q, copy.seed)!] as const] : [])));
    const res = await post(`/api/quizzes/${quizId}/attempts`, { responses: Object.fromEntries(answers), seed: copy.seed, lang });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { results: Array<{ questionId: string; score: number }> };
    for (const r of body.results) if (answers.has(r.questionId)) s.solver += r.score;
    const questions = questionsOf(copy.seed);
    const ids = await idsFor(quizId, copy.seed, questions);
    for (const c of copy.questions) {
      if (!answers.has(c.id)) continue;
      const q = questions.find((x) => x.id === c.id)!;
      for (let k = 0; k < 4; k++) s.chance += grade(q, guess(c, random)!, lang, { ids }).score / 4;
      s.n++;
    }
  }
  return s;
}

/** No better than chance: the margin is about four standard errors at these counts (the old ids scored ~1). */
const expectChance = (s: Score, min: number) => {
  expect(s.n).toBeGreaterThanOrEqual(min);
  expect(s.solver / s.n, JSON.stringify(s)).toBeLessThan(s.chance / s.n + 0.12);
};

describe('GET /api/quizzes/:quizId', () => {
  it('names choices and items by ids that are neither keys nor the old ids, new in every attempt', async () => {
    const [a, b] = [await copyOf('/api/quizzes/china?lang=de'), await copyOf('/api/quizzes/china?lang=de')];
    expect(a.seed).not.toBe(b.seed);
    const questions = content.questions.china!;
    let compared = 0;
    for (const q of questions) {
      const [ia, ib] = [shownIds(a.questions.find((x) => x.id === q.id)!), shownIds(b.questions.find((x) => x.id === q.id)!)];
      const keys = idKeys(q).filter((k) => k !== ORDER_KEY);
      for (const id of ia) {
        expect(ib, q.id).not.toContain(id);
        expect(keys).not.toContain(id);
        expect(keys.map((k) => legacyPublicId(q.id, k))).not.toContain(id);
      }
      compared += ia.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('gives the same ids again for the same seed, so a reload and the check and submit agree', async () => {
    const a = await copyOf('/api/quizzes/china?lang=de&seed=abcd1234');
    expect(await copyOf('/api/quizzes/china?lang=en&seed=abcd1234')).toMatchObject({
      questions: a.questions.map((q) => expect.objectContaining({ id: q.id })),
    });
    const again = await copyOf('/api/quizzes/china?lang=de&seed=abcd1234');
    expect(again.questions).toEqual(a.questions);
  });
});

describe('POST /api/quizzes/:quizId/check and /attempts', () => {
  const single = content.questions.china!.find((q) => q.type === 'single')!;
  const right = single.type === 'single' ? single.choices.find((c) => c.correct)!.text.de! : '';

  it('grade with the ids of the seed sent back; ids of another seed are unknown (422), never another choice', async () => {
    const copy = await copyOf('/api/quizzes/china?lang=de');
    const choice = idOfText(
      copy.questions.find((q) => q.id === single.id)!,
      right,
    );
    const ok = await post('/api/quizzes/china/check', { questionId: single.id, response: { choice }, seed: copy.seed, lang: 'de' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ score: 1, solution: { choice } });
    // Without the seed the request is graded as the `practice` attempt, whose ids these are not.
    const noSeed = await post('/api/quizzes/china/check', { questionId: single.id, response: { choice }, lang: 'de' });
    expect(noSeed.status).toBe(422);
    expect(((await noSeed.json()) as any).error.code).toBe('invalid_response');
    const other = await post('/api/quizzes/china/attempts', { responses: { [single.id]: { choice } }, seed: 'zzzz9999', lang: 'de' });
    expect(other.status).toBe(422);
  });

  it('keep a request without a seed consistent with the copy of the `practice` seed (old clients)', async () => {
    const copy = await copyOf('/api/quizzes/china?lang=de&seed=practice');
    const choice = idOfText(
      copy.questions.find((q) => q.id === single.id)!,
      right,
    );
    const res = await post('/api/quizzes/china/check', { questionId: single.id, response: { choice }, lang: 'de' });
    expect(await res.json()).toMatchObject({ score: 1 });
  });
});

describe('a solver that knows the old ids and the authoring conventions, through the API', () => {
  it('scores no better than chance on lessons', async () => {
    const s: Score = { solver: 0, chance: 0, n: 0 };
    for (const lesson of ['china', 'alliance']) {
      const one = await attempts(lesson, 'de', 12, () => content.questions[lesson]!);
      s.solver += one.solver;
      s.chance += one.chance;
      s.n += one.n;
    }
    expectChance(s, 150);
  });

  it('scores no better than chance on the final test', async () => {
    const pool = Object.fromEntries(Object.entries(content.questions).map(([l, qs]) => [l, qs.filter((q) => q.type !== 'essay')]));
    const { questions: count, minPerLesson } = content.course.finalTest;
    expectChance(await attempts('final', 'en', 20, (seed) => drawFinal(pool, seed, count, minPerLesson)), 150);
  });

  it('scores no better than chance on a GIFT set written right answer first', async () => {
    const set = await publishedGiftSet();
    expectChance(await attempts(set.id, 'de', 15, () => set.questions), 150);
  });
});
