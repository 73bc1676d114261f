// Public ids in worker tests (issue 17): ids are MACs per attempt, so a test that wants a right (or a given)
// answer either asks the server's scheme with the test secret, or picks by text from the copy it was served,
// as a learner does.
import { env } from 'cloudflare:workers';
import { keyedResponse } from '../../core/quiz/grade.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { AUTHORING_IDS, type PublicIds } from '../../core/quiz/public-ids.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { publicIdsFor } from '../../worker/services/public-ids.ts';
import { request } from './helpers.ts';

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

/**
 * A right or wrong answer to a card of a learner's review, in the ids of the card's current showing (read
 * from `GET /api/review`, as a client does); the test knows the key from the server's question.
 */
export async function cardAnswer(cookie: string, question: Question, cardId: string, right: boolean, lang = 'en'): Promise<AnyResponse> {
  const res = await request(`/api/review?lang=${lang}`, { headers: { cookie: `learner=${cookie}` } });
  const copy = ((await res.json()) as { cards: Array<LearnerQuestion & { id: string }> }).cards.find((c) => c.id === cardId);
  if (question.type === 'single') {
    if (!copy) throw new Error(`card ${cardId} is not shown now`);
    const choice = question.choices.find((c) => !!c.correct === right)!;
    return { choice: idOfText(copy, choice.text[lang] ?? Object.values(choice.text)[0]!) };
  }
  if (right) return keyedResponse(question, lang, AUTHORING_IDS); // typed kinds: no ids in the answer
  return question.type === 'cloze' ? { gaps: { g1: 'xxxx' } } : { text: 'xxxx' };
}
