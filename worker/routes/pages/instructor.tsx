import { Hono, type Context } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import { AUTHORING_IDS } from '../../../core/quiz/public-ids.ts';
import { learnerQuiz } from '../../../core/quiz/quiz.ts';
import { setGrading, setMode, type QuestionSet, type SetGrading, type SetMode } from '../../../core/sets/schema.ts';
import { withDictation } from '../../../web/quiz/dictation-labels.ts';
import { DashboardPage, DeletePage, EditorPage, PreviewPage, type EditorProps } from '../../../web/pages/instructor/index.ts';
import { content, contentLanguages } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../http/errors.ts';
import { requireCsrf, requireSession, signInPage } from '../../auth/instructor-area.tsx';
import { csrfToken, currentSession, endSession, signedSession, signIn } from '../../auth/instructor-session.ts';
import { quizLabels } from '../../render/labels.ts';
import { renderPage } from '../../render/document.tsx';
import { detectFormat } from '../../../core/formats/shared/detect.ts';
import type { ImportCheck } from '../../../web/pages/instructor/check.tsx';
import { ensureMedia, storeMedia } from '../../services/media.ts';
import { exportResponse, readMoodleXmlSet, readSet, setQuiz, sourceOf, type SetInput, type XmlReadResult } from '../../services/sets.ts';
import { resultsStore, setStore } from '../../stores/index.ts';

type C = Context<AppEnv>;

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

type Form = Omit<EditorProps, 'csrf' | 'problems' | 'lessons' | 'languages'>;
const FORMATS = ['auto', 'gift', 'cloze', 'json', 'moodlexml'] as const;

async function inputFromForm(c: C): Promise<{ input: SetInput; form: Form; check: boolean }> {
  const body = await c.req.parseBody({ all: true });
  const file = body.file;
  const uploaded = file instanceof File && file.size > 0 ? await file.text() : '';
  const text = uploaded || field(body, 'text');
  const asked = FORMATS.find((f) => f === field(body, 'format')) ?? 'auto';
  // An upload (or a paste) is read in the format its content has unless the instructor names one.
  const format = asked === 'auto' ? detectFormat(text) : asked;
  const lang = contentLanguages.includes(field(body, 'lang')) ? field(body, 'lang') : contentLanguages[0]!;
  const title = field(body, 'title').trim();
  const lesson = field(body, 'lesson');
  const mode = field(body, 'mode') === 'test' ? 'test' : 'practice';
  const grading = field(body, 'grading') === 'german' ? 'german' : 'moodle';
  return {
    input: { format, text, lang, title: title || undefined, lesson: lesson || undefined },
    form: { format: asked, lang, title, lesson, text, mode, grading },
    check: field(body, 'check') === '1',
  };
}

/** Reads the editor's set in its format; a Moodle XML file also brings its files and what became of each question. */
async function readForm(input: SetInput): Promise<XmlReadResult> {
  if (input.format === 'moodlexml') return readMoodleXmlSet(input);
  const result = readSet(input);
  return result.ok ? { ...result, media: [], report: [] } : result;
}

/** What "check before saving" shows: each question (or passage) and its type, the notes, the media. */
function importCheck(result: XmlReadResult & { ok: true }): ImportCheck {
  const questions = result.report.length
    ? result.report
    : [
        ...result.set.questions.map((q) => ({ name: q.title ?? q.id, type: q.type })),
        ...result.set.passages.map((_, i) => ({ name: `${i + 1}`, type: 'passage' })),
      ];
  return { questions, notes: result.warnings, media: result.set.media ?? [] };
}

/**
 * The editor's one save flow, for a new set and a new version: problems are a 422 page with the form; "check
 * before saving" shows what the import will be (a Moodle XML file's media are stored so they can be shown);
 * a save stores the media, then the set, then checks the media once more (docs/decisions/0015).
 */
async function saveOrCheck(c: C, setId?: string) {
  const t = c.get('t');
  const { input, form, check } = await inputFromForm(c);
  const result = await readForm(input);
  const title = setId ? t('instructor.editSet', { id: setId }) : t('instructor.newSet');
  if (!result.ok)
    return renderPage(c, c.get('lang'), <EditorPage {...editorProps(c, form, result.problems, setId)} />, { title, status: 422 });
  await storeMedia(c.env, result.media);
  if (check)
    return renderPage(c, c.get('lang'), <EditorPage {...editorProps(c, form, [], setId)} check={importCheck(result)} />, { title });
  const set = withFormMode(input, result.set, form);
  const store = setStore(c.env);
  const v = setId ? await store.replace(setId, set, sourceOf(input, set)) : await store.create(set, sourceOf(input, set));
  if (!v) throw notFound('set', setId ?? '');
  await ensureMedia(c.env, result.media);
  return home(c, t('instructor.saved', { title: pick(v.set.title, c.get('lang')), version: v.version }));
}

/**
 * GIFT and Cloze have no place for a set's mode or grading: the editor's choice applies; our JSON says them in
 * the file (a JSON set that does not say how it is graded is German-aware).
 */
function withFormMode(input: SetInput, set: QuestionSet, form: { mode: SetMode; grading: SetGrading }): QuestionSet {
  return input.format === 'json' ? set : { ...set, mode: form.mode, grading: form.grading };
}

function editorProps(
  c: C,
  form: Omit<EditorProps, 'csrf' | 'problems' | 'lessons' | 'languages'>,
  problems: EditorProps['problems'],
  setId?: string,
): EditorProps {
  const lang = c.get('lang');
  const t = c.get('t');
  return {
    ...form,
    ...(setId ? { setId } : {}),
    csrf: c.get('csrf'),
    problems,
    lessons: content.lessons.map((l) => ({ id: l.id, title: pick(l.title, lang) })),
    languages: contentLanguages.map((code) => ({ code, label: t(`languages.${code}` as 'languages.de') })),
  };
}

const home = (c: C, notice?: string) =>
  c.redirect(`/${c.get('lang')}/instructor${notice ? `?notice=${encodeURIComponent(notice)}` : ''}`, 303);

/** `/{lang}/instructor`: sign in and out, list, create, edit, preview, publish, unpublish, delete, export. */
export const instructorPages = new Hono<AppEnv>()
  .post('/:lang/instructor/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const outcome = await signIn(c, typeof body.token === 'string' ? body.token : '');
    const t = c.get('t');
    if (outcome === 'limited') return signInPage(c, 429, t('instructor.tooMany'));
    if (outcome === 'wrong') return signInPage(c, 401, t('instructor.wrongToken'));
    return home(c);
  })
  // Before the session guard below: a signed cookie and its CSRF token are enough to sign out, so signing
  // out is one guard call (the revocation), not two.
  .post(
    '/:lang/instructor/sign-out',
    async (c, next) => {
      const session = await signedSession(c);
      if (!session) return signInPage(c, 401, c.get('t')('instructor.sessionEnded'));
      c.set('session', session);
      await next();
    },
    requireCsrf,
    async (c) => {
      await endSession(c, c.get('session'));
      return c.redirect(`/${c.get('lang')}/instructor`, 303);
    },
  )
  .get('/:lang/instructor', async (c) => {
    const session = await currentSession(c);
    if (!session) return signInPage(c, 200);
    c.header('Cache-Control', 'private, no-store');
    const sets = await setStore(c.env).list();
    const attempts = await resultsStore(c.env).counts(sets.map((s) => s.id));
    return renderPage(
      c,
      c.get('lang'),
      <DashboardPage
        csrf={await csrfToken(c, session)}
        sets={sets.map((s) => ({ ...s, attempts: attempts.get(s.id) ?? 0 }))}
        quizzes={[
          ...content.lessons.map((l) => ({ id: l.id, title: pick(l.title, c.get('lang')) })),
          { id: 'final', title: c.get('t')('instructor.finalTest') },
        ]}
        notice={c.req.query('notice')}
      />,
      { title: c.get('t')('instructor.sets') },
    );
  })
  .use('/:lang/instructor/*', requireSession)
  .get('/:lang/instructor/sets/new', (c) =>
    renderPage(
      c,
      c.get('lang'),
      <EditorPage
        {...editorProps(
          c,
          { format: 'auto', lang: contentLanguages[0]!, title: '', lesson: '', text: '', mode: 'practice', grading: 'moodle' },
          [],
        )}
      />,
      {
        title: c.get('t')('instructor.newSet'),
      },
    ),
  )
  .post('/:lang/instructor/sets', requireCsrf, (c) => saveOrCheck(c))
  .get('/:lang/instructor/sets/:setId/edit', async (c) => {
    const v = await setStore(c.env).latest(c.req.param('setId'));
    if (!v) throw notFound('set', c.req.param('setId'));
    const form = {
      format: v.source.format,
      lang: v.source.lang ?? v.set.languages[0]!,
      title: pick(v.set.title, c.get('lang')),
      lesson: v.set.lesson ?? '',
      text: v.source.text,
      mode: setMode(v.set),
      grading: setGrading(v.set),
    };
    return renderPage(c, c.get('lang'), <EditorPage {...editorProps(c, form, [], v.id)} />, {
      title: c.get('t')('instructor.editSet', { id: v.id }),
    });
  })
  .post('/:lang/instructor/sets/:setId', requireCsrf, (c) => saveOrCheck(c, c.req.param('setId')))
  .get('/:lang/instructor/sets/:setId/preview', async (c) => {
    const v = await setStore(c.env).latest(c.req.param('setId'));
    if (!v) throw notFound('set', c.req.param('setId'));
    const t = c.get('t');
    const asked = c.req.query('ql') ?? '';
    const ql = v.set.languages.includes(asked) ? asked : v.set.languages[0]!;
    // The instructor's own view: the authoring keys serve as ids (nothing is graded from this copy).
    const quiz = learnerQuiz(setQuiz(v), ql, 'preview', AUTHORING_IDS);
    return renderPage(
      c,
      c.get('lang'),
      <PreviewPage
        csrf={c.get('csrf')}
        setId={v.id}
        title={pick(v.set.title, ql)}
        version={v.version}
        grading={setGrading(v.set)}
        ql={ql}
        languages={v.set.languages.map((code) => ({ code, label: t(`languages.${code}` as 'languages.de') }))}
        questions={quiz.questions}
        passages={v.set.passages.map((p) => ({ before: p.before, text: pick(p.text, ql) }))}
        labels={withDictation(quizLabels(t), t)}
      />,
      { title: t('instructor.preview', { title: pick(v.set.title, ql) }) },
    );
  })
  .post('/:lang/instructor/sets/:setId/publish', requireCsrf, async (c) => {
    if (!(await setStore(c.env).publish(c.req.param('setId')))) throw notFound('set', c.req.param('setId'));
    return home(c, c.get('t')('instructor.publishedNotice'));
  })
  .post('/:lang/instructor/sets/:setId/unpublish', requireCsrf, async (c) => {
    if (!(await setStore(c.env).unpublish(c.req.param('setId')))) throw notFound('set', c.req.param('setId'));
    return home(c, c.get('t')('instructor.unpublishedNotice'));
  })
  .get('/:lang/instructor/sets/:setId/delete', async (c) => {
    const v = await setStore(c.env).latest(c.req.param('setId'));
    if (!v) throw notFound('set', c.req.param('setId'));
    const title = pick(v.set.title, c.get('lang'));
    return renderPage(c, c.get('lang'), <DeletePage csrf={c.get('csrf')} setId={v.id} title={title} />, {
      title: c.get('t')('instructor.deleteTitle', { title }),
    });
  })
  .post('/:lang/instructor/sets/:setId/delete', requireCsrf, async (c) => {
    if (!(await setStore(c.env).remove(c.req.param('setId')))) throw notFound('set', c.req.param('setId'));
    return home(c, c.get('t')('instructor.deletedNotice'));
  })
  .get('/:lang/instructor/sets/:setId/export', async (c) => {
    const v = await setStore(c.env).latest(c.req.param('setId'));
    if (!v) throw notFound('set', c.req.param('setId'));
    const asked = c.req.query('format');
    return exportResponse(c, v, asked === 'gift' || asked === 'cloze' || asked === 'moodlexml' ? asked : 'json');
  });
