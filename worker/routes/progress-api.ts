import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { currentLearner, forgetLearner } from '../learner.ts';
import { loadSummary, progressStore } from '../progress.ts';
import { query } from '../validate.ts';
import { loadDeck, reviewStore } from '../services/review.ts';

const NoQuery = z.object({}).strict();

const methodNotAllowed = (allow: string) => (c: Context<AppEnv>) => {
  c.header('Allow', allow);
  throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allow}.`);
};

/** Erases everything stored about the learner of this request and the cookie; harmless without one. */
export async function eraseLearner(c: Context<AppEnv>): Promise<number> {
  const learner = await currentLearner(c);
  const deleted = learner ? await progressStore(c.env).erase(learner) : 0;
  forgetLearner(c);
  return deleted;
}

/** `GET /api/progress`, `GET /api/progress/export`, `DELETE /api/progress`. */
export const progressApi = new Hono<AppEnv>()
  .get('/', query(NoQuery), async (c) => {
    const { learner, summary } = await loadSummary(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ learner: learner !== null, summary });
  })
  .delete('/', query(NoQuery), async (c) => c.json({ deleted: await eraseLearner(c) }))
  .all('/', methodNotAllowed('GET, DELETE'))
  .get('/export', query(NoQuery), async (c) => {
    const learner = await currentLearner(c);
    const [attempts, events, { deck }] = learner
      ? await Promise.all([progressStore(c.env).exportAll(learner), reviewStore(c.env).exportAll(learner), loadDeck(c)])
      : [[], [], { deck: null }];
    c.header('Content-Disposition', 'attachment; filename="rare-earths-progress.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      exportedAt: new Date().toISOString(),
      about:
        'Everything this course stores about you: an anonymous id, your quiz attempts and your review (cards and every review). No name, e-mail or IP address is stored.',
      learnerId: learner,
      attempts,
      // The review log as stored, and the cards it makes (with their schedule), apart from the attempts by key.
      review: { cards: deck ? [...deck.cards.values()] : [], settings: deck?.settings ?? null, events },
    });
  })
  .all('/export', methodNotAllowed('GET'));
