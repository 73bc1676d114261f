// `GET /api/lessons` and `GET /api/lessons/{lessonId}` (worker/routes/api/lessons.ts): what they take and
// answer, built from the content schemas of core/content/schema.ts.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { localized } from '../../../../core/content/localized.ts';
import { schemasFor, SentenceId } from '../../../../core/content/schema.ts';
import { allOrOneLanguage, json, LangQuery, pathId, perCombination, perLanguages } from './common.ts';
import { errors } from './errors.ts';

// One content schema per language combination, built once, on first use: each build makes every question schema too.
const contentSchemas = perCombination(schemasFor);

/** A lesson's summary in the languages asked for: the fields of the content schema, as the list shows them. */
function summaryIn(languages: readonly string[]) {
  const { id, paragraph, title, summary, goals } = contentSchemas(languages).Lesson.shape;
  return { id, paragraph, title, summary, goals };
}

export const LessonSummary = perLanguages(allOrOneLanguage, (langs) => z.object(summaryIn(langs)).strict()).meta({
  id: 'LessonSummary',
});

/**
 * A glossary entry as the content defines it, without its inflected forms (they only serve the term finder).
 * Not per language: an entry has its glosses in every language whatever `?lang=` asks.
 */
const glossaryEntry = perCombination((all) => {
  const { forms: _forms, ...entryShape } = contentSchemas(all).GlossaryEntry.shape;
  return z.object(entryShape).strict().meta({ id: 'GlossaryEntry' });
});

export const Lesson = perLanguages(
  allOrOneLanguage,
  (langs) =>
    z
      .object({
        ...summaryIn(langs),
        keyFacts: z.array(z.object({ text: localized(langs), sources: z.array(SentenceId) }).strict()),
        sentences: z.array(z.object({ id: SentenceId, text: localized(langs) }).strict()),
        glossary: z.array(glossaryEntry(allOrOneLanguage[0]!)),
      })
      .strict(),
  'Lesson',
).meta({ id: 'Lesson' });

const tags = ['Lessons'];

export const lessonsRoutes = {
  list: createRoute({
    method: 'get',
    path: '/',
    operationId: 'listLessons',
    tags,
    summary: 'Lesson summaries',
    request: { query: LangQuery },
    responses: {
      200: json(z.object({ lessons: z.array(LessonSummary) }).strict(), 'Every lesson, in course order.'),
      ...errors(400),
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/{lessonId}',
    operationId: 'getLesson',
    tags,
    summary: 'One lesson with its sentences and glossary',
    request: { params: pathId('lessonId', 'A lesson id.', 'china'), query: LangQuery },
    responses: {
      200: json(z.object({ lesson: Lesson }).strict(), 'The lesson, in every language or the one asked for.'),
      ...errors(400, 404),
    },
  }),
};
