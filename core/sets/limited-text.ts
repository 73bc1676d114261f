import { z } from 'zod';
import { localized, type Lang } from '../content/localized.ts';
import { richDepth } from '../formats/shared/rich-text.ts';
import { LIMITS, tooDeep, tooLong, tooMany } from './limits.ts';

/**
 * The schema's pieces for stored text with LIMITS: every text is at most `limit` characters long and its markup
 * nests at most LIMITS.markupDepth elements deep, so that nothing stored can overflow a renderer. Issues are
 * at the text's path (`questions[3].choices[1].text.de`).
 */

function check(text: string, limit: number, ctx: z.RefinementCtx, path: PropertyKey[] = []) {
  if (text.length > limit) ctx.addIssue({ code: 'custom', path, message: tooLong(text.length, limit) });
  // Most texts have no markup at all: no need to read them for it.
  const depth = text.includes('<') ? richDepth(text) : 0;
  if (depth > LIMITS.markupDepth) ctx.addIssue({ code: 'custom', path, message: tooDeep(depth) });
}

/** A string of at most `limit` characters and LIMITS.markupDepth levels of markup. */
export const limitedString = (limit: number = LIMITS.textChars) => z.string().superRefine((s, ctx) => check(s, limit, ctx));

/** A text in every given language (core/content/localized.ts), each version within `limit` and the depth limit. */
export const limitedText = (languages: readonly Lang[], limit: number = LIMITS.textChars) =>
  localized(languages).superRefine((text, ctx) => {
    for (const [lang, value] of Object.entries(text)) check(value, limit, ctx, [lang]);
  });

/** An array of at most `limit` items, with the limit in the message ("has 130 pairs; the limit is 100"). */
export const limitedArray = <T extends z.ZodType>(item: T, limit: number, what: string) =>
  z.array(item).superRefine((items, ctx) => {
    if (items.length > limit) ctx.addIssue({ code: 'custom', message: tooMany(items.length, limit, what) });
  });
