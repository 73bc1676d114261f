// Pieces every resource's contract uses: content languages, seeds, texts by language, path ids, source
// sentences, and the small helpers that turn a schema into a `responses` entry.
import { z } from 'zod';
import { localized } from '../../../../core/content/localized.ts';
import { SentenceId } from '../../../../core/content/schema.ts';
import { SEED_PATTERN } from '../../../../core/quiz/random.ts';
import { contentLanguages } from '../../../services/content.ts';
import type { sourcesOf } from '../../../services/quizzes.ts';
import { withQuickPath } from '../../../http/validate.ts';
import { okLang } from './quick.ts';
import type { Same } from './same-type.ts';

/**
 * A content language of the course. A refinement, not an enum, so that a wrong one is refused with the same
 * message as today ("must be one of: de, en"); the document still lists the choices.
 */
export const Lang = z
  .string()
  .refine((l) => contentLanguages.includes(l), { message: `must be one of: ${contentLanguages.join(', ')}` })
  .meta({ enum: [...contentLanguages], description: 'A content language of the course.' });

/** The seed of one attempt: it fixes the order of choices and the final test's draw. */
export const Seed = z
  .string()
  .regex(SEED_PATTERN, 'must be 4–32 lowercase letters or digits')
  .meta({ description: 'The seed of the learner copy (4–32 lowercase letters or digits).', example: 'k3v9x2ab' });

/** `?lang=`: one content language only; without it, every text in every language. */
export const LangQuery = withQuickPath(z.object({ lang: Lang.optional() }), (q) => {
  const { lang } = q as Record<string, unknown>;
  if (!okLang(lang)) return undefined;
  return lang === undefined ? {} : { lang: lang as string };
});

/** A query string that must be empty: any parameter is a 400. */
export const NoQuery = z.object({}).strict();

/** Every non-empty combination of the course languages, in course order: the languages a set may have. */
export const languageSubsets: readonly (readonly string[])[] = contentLanguages
  .reduce<string[][]>((subsets, lang) => [...subsets, ...subsets.map((s) => [...s, lang]), [lang]], [])
  .sort((a, b) => a.length - b.length || contentLanguages.indexOf(a[0]!) - contentLanguages.indexOf(b[0]!));

/** The combinations a `?lang=`-limited answer may have: all the course languages, or one of them. */
export const allOrOneLanguage: readonly (readonly string[])[] = [contentLanguages, ...contentLanguages.map((l) => [l])];

/**
 * One schema per language combination, as a union: a set in German only has `{"de": …}` texts, one in both
 * `{"de": …, "en": …}`, and the strict per-language schemas of core/ say exactly that for each. `name` gives
 * each member its own id (`QuestionSet_de_en`), so the document names them instead of repeating them.
 *
 * Built on first use (`z.lazy`): these describe answers, which the worker never parses, and building every
 * question schema for each combination would cost each cold start tens of milliseconds for a document that
 * scripts/build.ts writes anyway.
 */
export function perLanguages<T extends z.ZodType>(
  combinations: readonly (readonly string[])[],
  build: (languages: readonly string[]) => T,
  name?: string,
) {
  return z.lazy(() => {
    const members = combinations.map((langs) => {
      const schema = build(langs);
      return name ? (schema.meta({ id: `${name}_${langs.join('_')}` }) as T) : schema;
    });
    return z.union(members as unknown as [T, T, ...T[]]);
  });
}

/** A function of a language combination, computed once per combination (the combinations are the lists above). */
export function perCombination<T>(make: (languages: readonly string[]) => T): (languages: readonly string[]) => T {
  const made = new Map<readonly string[], T>();
  return (languages) => {
    let value = made.get(languages);
    if (value === undefined) made.set(languages, (value = make(languages)));
    return value;
  };
}

/** A sentence of the article a question or card is drawn from, with the lesson to read it in. */
export const SourceSentence = z
  .object({ id: SentenceId, lesson: z.string(), text: localized(contentLanguages) })
  .strict()
  .meta({ id: 'SourceSentence' });
true satisfies Same<z.infer<typeof SourceSentence>, ReturnType<typeof sourcesOf>[number]>;

/** An ISO 8601 time. */
export const IsoTime = z.string().meta({ format: 'date-time', example: '2026-05-01T09:30:00.000Z' });

/**
 * Path parameters. Plain strings on purpose: an id the app does not know is a 404 from the handler, as
 * today, never a 400 from a pattern.
 */
export const pathId = <const K extends string>(name: K, description: string, example: string) =>
  withQuickPath(z.object({ [name]: z.string().meta({ description, example }) } as { [P in K]: z.ZodString }), (params) => {
    const id = (params as Record<string, unknown>)[name];
    return typeof id === 'string' ? ({ [name]: id } as never) : undefined;
  });

/** A JSON `responses` entry. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A plain-text `responses` entry (GIFT, Cloze, CSV). */
export const text = <const M extends string>(mediaType: M, description: string, example?: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().meta(example ? { example } : {}) } } as { [K in M]: { schema: z.ZodString } },
});
