import { Hono } from 'hono';
import { z } from 'zod';
import type { Lesson } from '../../../core/content/schema.ts';
import { content, contentLanguages, getLesson, glossaryOf, sentencesOf } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../http/errors.ts';
import { query } from '../../http/validate.ts';

/** `?lang=` limits every text to one content language; without it, all languages are returned. */
const LangQuery = z.object({
  lang: z
    .string()
    .refine((l) => contentLanguages.includes(l), { message: `must be one of: ${contentLanguages.join(', ')}` })
    .optional(),
});

type Texts = Record<string, string>;
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

/** `GET /api/lessons` and `GET /api/lessons/:lessonId`. */
export const lessonsApi = new Hono<AppEnv>()
  .get('/', query(LangQuery), (c) => {
    const { lang } = c.req.valid('query');
    return c.json({ lessons: content.lessons.map((l) => summary(l, lang)) });
  })
  .get('/:lessonId', query(LangQuery), (c) => {
    const { lang } = c.req.valid('query');
    const id = c.req.param('lessonId');
    const lesson = getLesson(id);
    if (!lesson) throw notFound('lesson', id);
    return c.json({
      lesson: {
        ...summary(lesson, lang),
        keyFacts: lesson.keyFacts.map(({ sources, ...text }) => ({ text: only(text, lang), sources })),
        sentences: sentencesOf(lesson).map((s) => ({ id: s.id, text: only(s.text, lang) })),
        glossary: glossaryOf(lesson).map(({ forms: _forms, ...e }) => e),
      },
    });
  });
