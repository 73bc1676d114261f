import type { Lesson } from '../../../core/content/schema.ts';
import { content, getLesson, glossaryOf, sentencesOf } from '../../services/content.ts';
import { notFound } from '../../http/errors.ts';
import { JsonApi } from './json-api.ts';
import { lessonsRoutes } from './schemas/lessons.ts';

type Texts = Record<string, string>;
/** `?lang=` limits every text to one content language; without it, all languages are returned. */
const only = (text: Texts, lang?: string): Texts => (lang ? { [lang]: text[lang]! } : text);

function summary(l: Lesson, lang?: string) {
  return {
    id: l.id,
    paragraph: l.paragraph,
    title: only(l.title, lang),
    summary: only(l.summary, lang),
    goals: l.goals.map((g) => only(g, lang)),
  };
}

/** `GET /api/lessons` and `GET /api/lessons/{lessonId}`. */
export const lessonsApi = new JsonApi()
  .openapi(lessonsRoutes.list, (c) => {
    const { lang } = c.req.valid('query');
    return c.json({ lessons: content.lessons.map((l) => summary(l, lang)) }, 200);
  })
  .openapi(lessonsRoutes.get, (c) => {
    const { lang } = c.req.valid('query');
    const { lessonId } = c.req.valid('param');
    const lesson = getLesson(lessonId);
    if (!lesson) throw notFound('lesson', lessonId);
    return c.json(
      {
        lesson: {
          ...summary(lesson, lang),
          keyFacts: lesson.keyFacts.map(({ sources, ...text }) => ({ text: only(text, lang), sources })),
          sentences: sentencesOf(lesson).map((s) => ({ id: s.id, text: only(s.text, lang) })),
          glossary: glossaryOf(lesson).map(({ forms: _forms, ...e }) => e),
        },
      },
      200,
    );
  });
