// A prototype of issue 22's "API as a contract", mounted nowhere: three real routes defined with
// `@hono/zod-openapi` from the contract in ./schemas/, answering exactly as today's routes do, and the
// OpenAPI 3.1 document they make. test/worker/openapi-prototype.test.ts compares it with the real app.
import { OpenAPIHono } from '@hono/zod-openapi';
import { zValidator } from '@hono/zod-validator';
import type { Env, Schema } from 'hono';
import type { z } from 'zod';
import { formatPath } from '../../../core/content/load.ts';
import { content, getLesson, glossaryOf, sentencesOf } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { handleError } from '../../http/error-handler.tsx';
import { security } from '../../http/security-headers.ts';
import { checkAnswer } from '../../services/attempts.ts';
import { openQuiz } from '../../services/quiz-session.ts';
import { documentConfig, instructorToken, repairPatterns } from './schemas/document.ts';
import { lessonsRoutes } from './schemas/lessons.ts';
import { metaRoutes } from './schemas/meta.ts';
import { quizzesRoutes } from './schemas/quizzes.ts';

/**
 * Today's validation errors (worker/http/validate.ts), as the hook every route's validators call: a query string
 * or URL that does not fit is a 400, a JSON body that parses but does not fit a 422, naming every problem.
 * (Wiring: validate.ts exports this one function and both use it.)
 */
export function invalidRequest(target: string, issues: readonly z.core.$ZodIssue[]): ApiError {
  const details = issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const where = target === 'json' ? 'request body' : target === 'query' ? 'query string' : 'URL';
  return new ApiError(
    target === 'json' ? 422 : 400,
    'invalid_request',
    `The ${where} is not valid: ${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}`,
    details,
  );
}

/** The hook of every validator: our error for a request that does not fit, nothing otherwise. */
function defaultHook(result: { target: string } & ({ success: true } | { success: false; error: z.core.$ZodError })): void {
  if (!result.success) throw invalidRequest(result.target, result.error.issues);
}

/**
 * An OpenAPIHono whose routes document their bodies but never let `@hono/zod-openapi` gate them: its
 * media-type check answers a form-encoded body to a JSON route with 415, where today's routes answer 422
 * (the JSON validator sees no JSON). So a documented body is left out of the route it runs, and a JSON-only
 * body is validated by `@hono/zod-validator` with our hook, as today; a body with several media types (a
 * set: JSON or GIFT text) is read by the handler. The document still has every body.
 */
export class JsonApi<E extends Env = AppEnv, S extends Schema = {}, B extends string = '/'> extends OpenAPIHono<E, S, B> {
  constructor() {
    super({ defaultHook });
    const register = this.openapi;
    this.openapi = ((route, handler, hook) => {
      const body = route.request?.body;
      if (!body) return register(route, handler, hook);
      const { middleware, hide, ...documented } = route;
      if (!hide) this.openAPIRegistry.registerPath(documented);
      const types = Object.keys(body.content);
      const media = types.length === 1 ? body.content['application/json'] : undefined;
      const json = media && 'schema' in media ? media.schema : undefined;
      const own = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
      const { body: _documented, ...request } = route.request!;
      return register(
        { ...route, hide: true, request, middleware: json ? [...own, zValidator('json', json as z.ZodType, defaultHook)] : own },
        handler,
        hook,
      );
    }) as typeof this.openapi;
  }
}

type Texts = Record<string, string>;
const only = (text: Texts, lang?: string): Texts => (lang ? { [lang]: text[lang]! } : text);
const summary = (l: (typeof content.lessons)[number], lang?: string) => ({
  id: l.id,
  paragraph: l.paragraph,
  title: only(l.title, lang),
  summary: only(l.summary, lang),
  goals: l.goals.map((g) => only(g, lang)),
});

/** `GET /api/lessons/{lessonId}`: today's handler, unchanged but for where its parameters come from. */
const lessons = new JsonApi().openapi(lessonsRoutes.get, (c) => {
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

/** `POST /api/quizzes/{quizId}/check`: a JSON body, validated as today (422 for anything that is not the body). */
const quizzes = new JsonApi().openapi(quizzesRoutes.check, async (c) => {
  const body = c.req.valid('json');
  const session = await openQuiz(c.env, c.req.valid('param').quizId, { lang: body.lang, seed: body.seed, strict: true });
  const result = checkAnswer(session, body.questionId, body.response);
  return c.json({ quizId: session.quiz.id, version: session.quiz.version, ...result }, 200);
});

/** The JSON API of the prototype: what `worker/routes/api/index.ts` becomes, sub-app by sub-app. */
export const prototypeApi = new JsonApi()
  .openapi(metaRoutes.health, (c) => c.json({ status: 'ok' as const }, 200))
  .route('/lessons', lessons)
  .route('/quizzes', quizzes);

prototypeApi.openAPIRegistry.registerComponent('securitySchemes', 'instructorToken', instructorToken);

/** The prototype as the worker would mount it: security headers, `/api`, the document, the one error handler. */
export const prototypeApp = new OpenAPIHono<AppEnv>();
prototypeApp.use(security());
prototypeApp.route('/api', prototypeApi);

let document: ReturnType<typeof prototypeApp.getOpenAPI31Document> | undefined;
/** The document (paths from where the sub-apps are mounted), built once per isolate: it only changes with a deploy. */
export const prototypeDocument = () => (document ??= repairPatterns(prototypeApp.getOpenAPI31Document(documentConfig)));

prototypeApp.get('/api/openapi.json', (c) => c.json(prototypeDocument())).onError(handleError);
