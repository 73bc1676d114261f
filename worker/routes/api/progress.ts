import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../http/errors.ts';
import { currentLearner, forgetLearner } from '../../auth/learner.ts';
import { eraseLearnerData, ledgerExport, loadSummary } from '../../services/progress.ts';
import { query } from '../../http/validate.ts';
import { loadDeck } from '../../services/review.ts';
import { progressStore, reviewStore } from '../../stores/index.ts';

const NoQuery = z.object({}).strict();

const methodNotAllowed = (allow: string) => (c: Context<AppEnv>) => {
  c.header('Allow', allow);
  throw new ApiError(405, 'method_not_allowed', `${c.req.method} is not allowed here; use ${allow}.`);
};

/**
 * Erases everything stored about the learner of this request, in KV and in every results ledger, then the
 * cookie (only once all of it is gone, so a failed erase can be retried); harmless without a cookie.
 */
export async function eraseLearner(c: Context<AppEnv>): Promise<{ deleted: number; ledgerRows: number }> {
  const learner = await currentLearner(c);
  const erased = learner ? await eraseLearnerData(c.env, learner) : { deleted: 0, ledgerRows: 0 };
  forgetLearner(c);
  return erased;
}

/** `GET /api/progress`, `GET /api/progress/export`, `DELETE /api/progress`. */
export const progressApi = new Hono<AppEnv>()
  .get('/', query(NoQuery), async (c) => {
    const { learner, summary } = await loadSummary(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ learner: learner !== null, summary });
  })
  .delete('/', query(NoQuery), async (c) => c.json(await eraseLearner(c)))
  .all('/', methodNotAllowed('GET, DELETE'))
  .get('/export', query(NoQuery), async (c) => {
    const learner = await currentLearner(c);
    const [attempts, events, { deck }] = learner
      ? await Promise.all([progressStore(c.env).exportAll(learner), reviewStore(c.env).exportAll(learner), loadDeck(c)])
      : [[], [], { deck: null }];
    const ledger = learner ? await ledgerExport(c.env, learner, attempts) : [];
    c.header('Content-Disposition', 'attachment; filename="rare-earths-progress.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.json({
      exportedAt: new Date().toISOString(),
      about:
        'Everything this course stores about you: an anonymous id, your quiz attempts, what the instructors’ results ledgers keep of them (under a pseudonym per quiz) and your review (cards and every review). No name, e-mail or IP address is stored.',
      learnerId: learner,
      attempts,
      // Per quiz, the rows of the instructors' item analysis that are this learner's (scores, responses, typed answers).
      resultsLedger: ledger,
      // The review log as stored, and the cards it makes (with their schedule), apart from the attempts by key.
      review: { cards: deck ? [...deck.cards.values()] : [], settings: deck?.settings ?? null, events },
    });
  })
  .all('/export', methodNotAllowed('GET'));
