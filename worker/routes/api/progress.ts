import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../http/errors.ts';
import { currentLearner, forgetLearner } from '../../auth/learner.ts';
import { eraseLearnerData, ledgerExport, loadSummary } from '../../services/progress.ts';
import { loadDeck } from '../../services/review.ts';
import { progressStore, reviewStore } from '../../stores/index.ts';
import { JsonApi } from './json-api.ts';
import { progressRoutes } from './schemas/progress.ts';
import { exportLearner } from '../../services/lti/grades.ts';

/** Another method on a path that has operations: a 405 naming the ones it has (not an operation of the document). */
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
export const progressApi = new JsonApi()
  .openapi(progressRoutes.get, async (c) => {
    const { learner, summary } = await loadSummary(c);
    c.header('Cache-Control', 'private, no-store');
    return c.json({ learner: learner !== null, summary }, 200);
  })
  .openapi(progressRoutes.erase, async (c) => c.json(await eraseLearner(c), 200))
  .openapi(progressRoutes.export, async (c) => {
    const learner = await currentLearner(c);
    const [attempts, events, { deck }] = learner
      ? await Promise.all([progressStore(c.env).exportAll(learner), reviewStore(c.env).exportAll(learner), loadDeck(c)])
      : [[], [], { deck: null }];
    const [ledger, courses] = learner
      ? await Promise.all([ledgerExport(c.env, learner, attempts), exportLearner(c.env, learner)])
      : [[], []];
    c.header('Content-Disposition', 'attachment; filename="rare-earths-progress.json"');
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        exportedAt: new Date().toISOString(),
        about:
          'Everything this course stores about you: an anonymous id (or, launched from an LMS, one per LMS account, with the name that LMS gave), your quiz attempts, what the instructors’ results ledgers keep of them (under a pseudonym per quiz) and your review (cards and every review). No name, e-mail or IP address is stored.',
        learnerId: learner,
        attempts,
        // Per quiz, the rows of the instructors' item analysis that are this learner's (scores, responses, typed answers).
        resultsLedger: ledger,
        // Launched from an LMS only: each course's gradebook (course, the name the LMS gave, attempts).
        courses,
        // The review log as stored, and the cards it makes (with their schedule), apart from the attempts by key.
        review: { cards: deck ? [...deck.cards.values()] : [], settings: deck?.settings ?? null, events },
      },
      200,
    );
  })
  // Last: `all()` gives back a plain Hono type, and the 405 only answers what the routes above did not.
  .all('/', methodNotAllowed('GET, DELETE'))
  .all('/export', methodNotAllowed('GET'));
