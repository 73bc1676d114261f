import { z } from 'zod';
import { LangCode, localized, type Lang } from './localized.ts';
import { questionSchemas } from '../quiz/schema.ts';

export const SentenceId = z.string().regex(/^p\d+s\d+$/, 'must look like "p1s2" (paragraph 1, sentence 2)');
export const Slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');

export const CourseSchema = z
  .object({
    id: Slug,
    languages: z.array(LangCode).min(1),
    sourceLanguage: LangCode,
    finalTest: z.object({ questions: z.number().int().min(1), minPerLesson: z.number().int().min(0) }).strict(),
  })
  .strict()
  .refine((c) => c.languages.includes(c.sourceLanguage), {
    message: 'sourceLanguage must be one of languages',
    path: ['sourceLanguage'],
  });
export type Course = z.infer<typeof CourseSchema>;

/** All content schemas for one list of languages; `schemasFor(course.languages)`. */
export function schemasFor(languages: readonly Lang[]) {
  const text = localized(languages);
  const Article = articleSchema(text);
  const Lesson = lessonSchema(text);
  const GlossaryEntry = glossaryEntrySchema();
  const Glossary = z.array(GlossaryEntry).min(1);
  const Lessons = z.array(Lesson).min(1);
  const { Question, QuestionFile } = questionSchemas(languages);

  return { text, Article, Lesson, Lessons, GlossaryEntry, Glossary, Question, QuestionFile };
}

type Text = ReturnType<typeof localized>;

/** The article: its sentences in every language, and the changes made to the source text. */
function articleSchema(text: Text) {
  /** One change to the source text: where, what it said, what the lesson text says, and why. */
  const Change = z.object({ sentenceId: SentenceId, original: z.string().min(1), corrected: z.string().min(1), why: text }).strict();

  return z
    .object({
      title: text,
      source: z.object({ file: z.string(), language: LangCode, words: z.number().int().positive() }).strict(),
      sentences: z.array(z.object({ id: SentenceId, paragraph: z.number().int().positive(), text }).strict()).min(1),
      corrections: z.array(Change),
      /** Typographic changes to the source (straight quotes → „…“), kept apart from the corrections of slips. */
      typography: z.array(Change).default([]),
    })
    .strict();
}

/** A lesson: one paragraph of the article, with its goals and key facts. */
function lessonSchema(text: Text) {
  return z
    .object({
      id: Slug,
      paragraph: z.number().int().positive(),
      title: text,
      summary: text,
      goals: z.array(text).min(2).max(3),
      /** Tags of the grammar goals the lesson promises (named in its goals); its questions carry the same tags. */
      grammar: z.array(Slug).min(1),
      keyFacts: z
        .array(z.object({ ...text.shape, sources: z.array(SentenceId).min(1) }).strict())
        .min(2)
        .max(4),
    })
    .strict();
}

/** A glossary entry: a German word with its grammar, glosses, and the forms and sentences it occurs in. */
function glossaryEntrySchema() {
  return z
    .object({
      id: Slug,
      lemma: z.string().min(1),
      pos: z.enum(['noun', 'verb', 'adjective', 'adverb', 'phrase', 'preposition', 'conjunction']),
      gender: z.enum(['m', 'f', 'n', 'pl']).optional(),
      /** The full plural form, e.g. "Ansprüche" (shown as "der Anspruch, die Ansprüche"). */
      plural: z
        .string()
        .regex(/^\p{Lu}[\p{L}-]*$/u, 'must be the full plural form, e.g. "Ansprüche"')
        .optional(),
      /** A noun with no plural (in the sense used here): "die Bereitschaft". */
      noPlural: z.literal(true).optional(),
      /** A weak (n-declension) masculine noun: "der Produzent, des Produzenten". */
      weak: z.literal(true).optional(),
      /** The preposition the word takes, with its case: "von + Dat." (die Abhängigkeit von). */
      preposition: z
        .string()
        .regex(/^\p{Ll}+ \+ (Akk|Dat|Gen)\.$/u, 'must look like "von + Dat."')
        .optional(),
      separable: z
        .string()
        .regex(/^[^|\s]+\|[^|\s]+$/, 'must mark the prefix with one "|", e.g. "ein|läuten"')
        .optional(),
      gloss: z.record(LangCode, z.string().min(1)).refine((g) => Object.keys(g).length > 0, 'needs at least one gloss'),
      forms: z.array(z.string().min(1)).min(1),
      sentences: z.array(SentenceId).min(1),
    })
    .strict()
    .superRefine((e, ctx) => {
      if (e.pos === 'noun' && !e.gender) ctx.addIssue({ code: 'custom', path: ['gender'], message: 'a noun needs its gender' });
      if (e.pos === 'noun' && e.gender !== 'pl' && !e.plural === !e.noPlural)
        ctx.addIssue({ code: 'custom', path: ['plural'], message: 'a noun needs either its plural or "noPlural": true' });
      if (e.gender === 'pl' && (e.plural || e.noPlural))
        ctx.addIssue({ code: 'custom', path: ['plural'], message: 'a plural-only noun has no other plural' });
      if (e.pos !== 'noun' && (e.gender || e.plural || e.noPlural || e.weak))
        ctx.addIssue({ code: 'custom', path: ['gender'], message: 'only nouns have gender, plural and declension' });
      if (e.weak && e.gender !== 'm') ctx.addIssue({ code: 'custom', path: ['weak'], message: 'only masculine nouns are weak' });
      if (e.separable && e.separable.replace('|', '') !== e.lemma)
        ctx.addIssue({ code: 'custom', path: ['separable'], message: `must be the lemma "${e.lemma}" with a "|"` });
    });
}

export type Schemas = ReturnType<typeof schemasFor>;
export type Article = z.infer<Schemas['Article']>;
export type Sentence = Article['sentences'][number];
export type Lesson = z.infer<Schemas['Lesson']>;
export type GlossaryEntry = z.infer<Schemas['GlossaryEntry']>;
