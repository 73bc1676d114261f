// A dictation: the learner hears a German sentence and writes it (docs/decisions/0013-dictation.md).
import { z } from 'zod';
import { limitedString } from '../../sets/limited-text.ts';
import type { SchemaParts } from './parts.ts';

/** At most this many characters to dictate: the longest sentence of the article has 330; a dictation is one or two. */
export const DICTATION_CHARS = 600;

/**
 * The German text to dictate, whatever the quiz language (the course teaches German). A built-in dictation is
 * one article sentence, named in `sources` and checked against the article by the content tests; an
 * instructor's set has no article, so the text itself is always carried. The prompt says what to do in each
 * content language; the explanation is optional for instructors, as for every kind.
 */
export function dictationSchema({ base }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('dictation'),
      text: limitedString(DICTATION_CHARS).trim().min(1),
      /** Whether a one-letter slip on a long word still earns the word (noted as misspelt either way). */
      typoTolerance: z.boolean().default(true),
    })
    .strict();
}
