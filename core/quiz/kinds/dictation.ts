import { pick } from '../../content/localized.ts';
import { alignDictation } from '../dictation-align.ts';
import type { Kind } from './kind.ts';

/**
 * A dictation: the learner hears a German text and writes it; graded word by word (dictation-align.ts). The
 * learner's copy carries the text, since the browser must speak it and the page shows it behind a button
 * where no German voice exists; docs/decisions/0013-dictation.md says why that is acceptable for practice.
 */
export const dictation = {
  graded: true,
  validate: () => [],
  isUnanswered: (_q, r) => !r.text.trim(),
  score(q, r, { lexicon, grading }) {
    const { words, score } = alignDictation(q.text, r.text, {
      grading,
      lexicon,
      typoTolerance: q.typoTolerance && q.tests !== 'form',
      form: q.tests === 'form',
    });
    return { score, items: [{ kind: 'dictation', given: r.text, expected: q.text, words }], notes: [] };
  },
  keyed: (q) => ({ text: q.text }),
  solutionText: (q) => q.text,
  learner: (q, lang) => ({ id: q.id, prompt: pick(q.prompt, lang), type: 'dictation', dictate: q.text }),
  // Nothing to name: the response is a text.
  idKeys: () => [],
  inKeys: (_q, r) => r,
} satisfies Kind<'dictation'>;
