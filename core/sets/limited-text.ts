import { z } from 'zod';
import { localized, type Lang } from '../content/localized.ts';
import { richDepth } from '../formats/shared/rich-text.ts';
import { LIMITS, tooDeep, tooLong, tooMany } from './limits.ts';

/**
 * The schema's pieces for stored text with LIMITS: every text is at most `limit` characters long and its markup
 * nests at most LIMITS.markupDepth elements deep, so that nothing stored can overflow a renderer. Issues are
 * at the text's path (`questions[3].choices[1].text.de`). The lengths and counts are zod's own `max` (so a JSON
 * Schema made from the schema states them as maxLength and maxItems), with messages that quote the limit.
 */

/** Adds the length limit and the nesting limit to a string schema. */
const limit = (s: z.ZodString, chars: number) =>
  s.max(chars, { error: (issue) => tooLong((issue.input as string).length, chars) }).superRefine((text, ctx) => {
    // Most texts have no markup at all: no need to read them for it.
    const depth = text.includes('<') ? richDepth(text) : 0;
    if (depth > LIMITS.markupDepth) ctx.addIssue({ code: 'custom', message: tooDeep(depth) });
  });

/** A string of at most `chars` characters and LIMITS.markupDepth levels of markup. */
export const limitedString = (chars: number = LIMITS.textChars) => limit(z.string(), chars);

/** A text in every given language (core/content/localized.ts), each version within `chars` and the depth limit. */
export const limitedText = (languages: readonly Lang[], chars: number = LIMITS.textChars) =>
  z.object(Object.fromEntries(Object.entries(localized(languages).shape).map(([lang, s]) => [lang, limit(s, chars)]))).strict();

/** An array of at most `count` items, with the limit in the message ("has 130 pairs; the limit is 100"). */
export const limitedArray = <T extends z.ZodType>(item: T, count: number, what: string) =>
  z.array(item).max(count, { error: (issue) => tooMany((issue.input as unknown[]).length, count, what) });
