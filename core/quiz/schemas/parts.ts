import { z } from 'zod';
import type { Lang } from '../../content/localized.ts';
import { limitedArray, limitedString, limitedText } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';

export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, "-" or "_"');
const GrammarTag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase tag such as "relative-clause"');
const SentenceRef = z.string().regex(/^p\d+s\d+$/, 'must be a sentence id such as "p1s2"');

/**
 * The pieces every kind's schema is made of, for one list of content languages: texts that must exist in each
 * of them, per-language answer lists, and the fields every question has. Every text and list has its limit
 * (core/sets/limits.ts), so that JSON imports, GIFT and Cloze imports and content files meet the same ones.
 */
export function schemaParts(languages: readonly Lang[]) {
  const text = limitedText(languages);
  /** A text that may hold a reading passage (prompts, cloze texts, model answers). */
  const longText = limitedText(languages, LIMITS.longTextChars);
  const perLang = <T extends z.ZodType>(item: T) => {
    const shape: Record<string, z.ZodArray<T>> = {};
    for (const lang of languages)
      shape[lang] = limitedArray(item, LIMITS.answers, 'answers').min(1, `needs at least one answer in "${lang}"`);
    return z.object(shape).strict();
  };

  const base = {
    id: Id,
    /** A short name (GIFT's ::title::), for instructors' lists. */
    title: limitedString(LIMITS.titleChars).optional(),
    prompt: longText,
    /** Why the answer is right (GIFT's general feedback). Built-in content must have one (checked by the loader). */
    explanation: text.optional(),
    sources: limitedArray(SentenceRef, LIMITS.sources, 'sources').default([]),
    /**
     * What the question tests: its meaning (default) or its form. A form question gets no typo tolerance,
     * counts case, and gives no credit for a wrong ending (core/quiz/text-match.ts).
     */
    tests: z.enum(['meaning', 'form']).optional(),
    /**
     * Moodle's combined feedback (`correctfeedback`, `partiallycorrectfeedback`, `incorrectfeedback`): shown after
     * answering, by whether the answer was right, partly right or wrong.
     */
    outcomeFeedback: z.object({ correct: text.optional(), partial: text.optional(), incorrect: text.optional() }).strict().optional(),
    /** Tags of the grammar goals the question tests, e.g. "relative-clause", "passive", "zu-infinitive". */
    grammar: z.array(GrammarTag).max(10).optional(),
  };

  return { languages, text, longText, perLang, base };
}

export type SchemaParts = ReturnType<typeof schemaParts>;

/** Adds an issue for every item whose id an earlier item already has. */
export function uniqueIds(items: readonly { id: string }[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

/** Weights as an author reads them in a message: at most three decimals. */
export const round = (n: number) => Math.round(n * 1000) / 1000;
