// Public ids in worker tests (issue 17): ids are MACs per attempt, so a test that wants a right (or a given)
// answer either asks the server's scheme with the test secret, or picks by text from the copy it was served,
// as a learner does.
import { env } from 'cloudflare:workers';
import { keyedResponse } from '../../core/quiz/grade.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { PublicIds } from '../../core/quiz/public-ids.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { publicIdsFor } from '../../worker/services/public-ids.ts';

/** The ids the worker gives quiz `quizId`'s `questions` in the attempt `seed` (`practice` when a request sends none). */
export const idsFor = (quizId: string, seed: string, questions: readonly Question[]): Promise<PublicIds> =>
  publicIdsFor(env.LEARNER_SECRET, quizId, seed, questions);

/** The response that scores 1 in the attempt `seed` of quiz `quizId`. */
export async function keyedFor(quizId: string, seed: string, q: Question, lang: string): Promise<AnyResponse> {
  return keyedResponse(q, lang, await idsFor(quizId, seed, [q]));
}

/** The id a served copy gives the choice (or right-hand item, order item, gap choice) with text `text`. */
export function idOfText(copy: LearnerQuestion, text: string, gap?: string): string {
  const items =
    copy.type === 'single' || copy.type === 'multiple'
      ? copy.choices
      : copy.type === 'match'
        ? copy.right
        : copy.type === 'order'
          ? copy.items
          : copy.type === 'cloze'
            ? copy.parts.flatMap((p) => ('choices' in p && p.gap === gap ? p.choices : []))
            : [];
  const found = items.find((i) => i.text === text);
  if (!found) throw new Error(`no item "${text}" in the copy of ${copy.id}`);
  return found.id;
}
