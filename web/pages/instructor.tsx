import type { ComponentChildren } from 'preact';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { pick } from '../../core/content/localized.ts';
import { QuestionFields } from '../quiz/question-fields.tsx';
import type { QuizLabels } from '../quiz/types.ts';
import { href, usePage } from '../page-context.ts';
import { ContentLanguageNav } from '../components/content-language-nav.tsx';
import { RichText } from '../quiz/rich-text.tsx';
import { Prompt } from '../quiz/prompt.tsx';

/** The import formats, by the names instructors know them from Moodle. */
const FORMAT_NAMES = { gift: 'GIFT (Moodle)', cloze: 'Cloze (Moodle, embedded answers)', json: 'JSON' } as const;

export interface SetRow {
  id: string;
  title: Record<string, string>;
  languages: string[];
  lesson?: string | undefined;
  latestVersion: number;
  publishedVersion: number | null;
  questionCount: number;
  attempts: number;
  updatedAt: string;
}

export interface ProblemRow {
  line?: number | undefined;
  column?: number | undefined;
  path?: string | undefined;
  message: string;
}

const base = (lang: string) => href(lang, '/instructor');

/** Hidden CSRF field for every instructor form. */
const Csrf = ({ token }: { token: string }) => <input type="hidden" name="csrf" value={token} />;

function PostButton({ action, csrf, label, cls }: { action: string; csrf: string; label: string; cls?: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <Csrf token={csrf} />
      <button type="submit" class={cls ?? 'button'}>
        {label}
      </button>
    </form>
  );
}

export function SignInPage({ error }: { error?: string | undefined }) {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('instructor.title')}</h1>
      <p class="lead">{t('instructor.signInIntro')}</p>
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`${base(lang)}/sign-in`} class="sign-in">
        <p>
          <label for="token">{t('instructor.token')}</label>
          <br />
          <input class="text" type="password" id="token" name="token" autocomplete="current-password" required />
        </p>
        <button type="submit" class="primary">
          {t('instructor.signIn')}
        </button>
      </form>
    </>
  );
}

/** The instructor area's frame: a bar with the area's home and sign-out. */
export function Shell({ csrf, children }: { csrf: string; children: ComponentChildren }) {
  const { t, lang } = usePage();
  return (
    <>
      <div class="instructor-bar">
        <a href={base(lang)}>{t('instructor.title')}</a>
        <PostButton action={`${base(lang)}/sign-out`} csrf={csrf} label={t('instructor.signOut')} />
      </div>
      {children}
    </>
  );
}

/** A built-in quiz on the dashboard, linked to its item analysis. */
export interface QuizLink {
  id: string;
  title: string;
}

export function DashboardPage({
  sets,
  csrf,
  notice,
  quizzes = [],
}: {
  sets: SetRow[];
  csrf: string;
  notice?: string | undefined;
  quizzes?: QuizLink[];
}) {
  const { t, lang } = usePage();
  return (
    <Shell csrf={csrf}>
      <h1>{t('instructor.sets')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <a class="button primary" href={`${base(lang)}/sets/new`}>
          {t('instructor.newSet')}
        </a>
      </p>
      {sets.length === 0 ? (
        <p class="empty">{t('instructor.noSets')}</p>
      ) : (
        <div class="table-wrap">
          <table class="progress-table sets-table">
            <thead>
              <tr>
                <th scope="col">{t('instructor.setTitle')}</th>
                <th scope="col">{t('instructor.state')}</th>
                <th scope="col">{t('instructor.version')}</th>
                <th scope="col">{t('instructor.questions')}</th>
                <th scope="col">{t('instructor.attempts')}</th>
                <th scope="col">{t('instructor.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <span lang={s.languages[0]}>{pick(s.title, lang)}</span>
                    <br />
                    <span class="muted">
                      {s.id} · {s.languages.join(', ')}
                      {s.lesson ? ` · ${s.lesson}` : ''}
                    </span>
                  </th>
                  <td>{s.publishedVersion ? t('instructor.published', { version: s.publishedVersion }) : t('instructor.draft')}</td>
                  <td>{s.latestVersion}</td>
                  <td>{s.questionCount}</td>
                  <td>{s.attempts}</td>
                  <td class="actions-cell">
                    <a href={`${base(lang)}/sets/${s.id}/edit`}>{t('instructor.edit')}</a>
                    <a href={`${base(lang)}/results/${s.id}`}>{t('instructor.results')}</a>
                    {s.languages.map((l) => (
                      <a key={l} href={`${base(lang)}/sets/${s.id}/preview?ql=${l}`}>
                        {t('instructor.previewIn', { language: t(`languages.${l}` as 'languages.de') })}
                      </a>
                    ))}
                    <a href={`${base(lang)}/sets/${s.id}/export?format=gift`}>{t('instructor.exportGift')}</a>
                    <a href={`${base(lang)}/sets/${s.id}/export?format=cloze`}>{t('instructor.exportCloze')}</a>
                    <a href={`${base(lang)}/sets/${s.id}/export?format=json`}>{t('instructor.exportJson')}</a>
                    {s.publishedVersion === s.latestVersion ? (
                      <PostButton action={`${base(lang)}/sets/${s.id}/unpublish`} csrf={csrf} label={t('instructor.unpublish')} />
                    ) : (
                      <PostButton
                        action={`${base(lang)}/sets/${s.id}/publish`}
                        csrf={csrf}
                        label={s.publishedVersion ? t('instructor.publishLatest') : t('instructor.publish')}
                        cls="primary"
                      />
                    )}
                    <a href={`${base(lang)}/sets/${s.id}/delete`}>{t('instructor.delete')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {quizzes.length > 0 && (
        <section aria-labelledby="built-in-results">
          <h2 id="built-in-results">{t('instructor.builtInResults')}</h2>
          <ul class="quiz-links">
            {quizzes.map((q) => (
              <li key={q.id}>
                <a href={`${base(lang)}/results/${q.id}`}>{q.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Shell>
  );
}

export interface EditorProps {
  csrf: string;
  setId?: string | undefined;
  format: 'gift' | 'json' | 'cloze';
  lang: string;
  title: string;
  lesson: string;
  text: string;
  lessons: Array<{ id: string; title: string }>;
  languages: Array<{ code: string; label: string }>;
  problems: ProblemRow[];
}

/** Paste or upload GIFT or JSON; problems are listed with their lines and marked in a numbered copy of the text. */
export function EditorPage(p: EditorProps) {
  const { t, lang } = usePage();
  const lines = p.text.split('\n');
  const bad = new Map<number, string[]>();
  for (const pr of p.problems) if (pr.line) bad.set(pr.line, [...(bad.get(pr.line) ?? []), pr.message]);
  return (
    <Shell csrf={p.csrf}>
      <h1>{p.setId ? t('instructor.editSet', { id: p.setId }) : t('instructor.newSet')}</h1>
      {p.problems.length > 0 && (
        <section class="problems" aria-labelledby="problems-h">
          <h2 id="problems-h" tabIndex={-1}>
            {t('instructor.problems', { count: p.problems.length })}
          </h2>
          <ul>
            {p.problems.map((pr, i) => (
              <li key={i}>
                {pr.line ? (
                  <a href={`#line-${pr.line}`}>{t('instructor.lineColumn', { line: pr.line, column: pr.column ?? 1 })}</a>
                ) : pr.path ? (
                  <code>{pr.path}</code>
                ) : null}
                {pr.line || pr.path ? ': ' : ''}
                {pr.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        method="post"
        action={p.setId ? `${base(lang)}/sets/${p.setId}` : `${base(lang)}/sets`}
        enctype="multipart/form-data"
        class="editor"
      >
        <Csrf token={p.csrf} />
        <fieldset>
          <legend>{t('instructor.format')}</legend>
          {(['gift', 'cloze', 'json'] as const).map((f) => (
            <span key={f} class="radio">
              <input type="radio" id={`format-${f}`} name="format" value={f} checked={p.format === f} />
              <label for={`format-${f}`}>{FORMAT_NAMES[f]}</label>
            </span>
          ))}
        </fieldset>
        <div class="editor-grid">
          <p>
            <label for="set-title">{t('instructor.setTitle')}</label>
            <br />
            <input class="text" id="set-title" name="title" value={p.title} maxLength={200} />
          </p>
          <p>
            <label for="set-lang">{t('instructor.plainLanguage')}</label>
            <br />
            <select id="set-lang" name="lang">
              {p.languages.map((l) => (
                <option key={l.code} value={l.code} selected={l.code === p.lang}>
                  {l.label}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="set-lesson">{t('instructor.lesson')}</label>
            <br />
            <select id="set-lesson" name="lesson">
              <option value="">{t('instructor.noLesson')}</option>
              {p.lessons.map((l) => (
                <option key={l.id} value={l.id} selected={l.id === p.lesson}>
                  {l.title}
                </option>
              ))}
            </select>
          </p>
        </div>
        <p>
          <label for="set-text">{t('instructor.text')}</label>
          <br />
          <textarea id="set-text" name="text" rows={18} spellcheck={false} aria-describedby="text-help">
            {p.text}
          </textarea>
          <br />
          <span id="text-help" class="muted">
            {t('instructor.textHelp')}
          </span>
        </p>
        <p>
          <label for="set-file">{t('instructor.upload')}</label>
          <br />
          <input type="file" id="set-file" name="file" accept=".gift,.txt,.json,text/plain,application/json" />
        </p>
        <button type="submit" class="primary">
          {t('instructor.save')}
        </button>
      </form>
      {p.problems.length > 0 && (
        <section aria-labelledby="source-h">
          <h2 id="source-h">{t('instructor.sourceWithProblems')}</h2>
          <ol class="source">
            {lines.map((line, i) => (
              <li key={i} id={`line-${i + 1}`} class={bad.has(i + 1) ? 'bad' : undefined}>
                <code>{line || ' '}</code>
                {bad.get(i + 1)?.map((m, k) => (
                  <span key={k} class="line-problem">
                    {m}
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Shell>
  );
}

export function PreviewPage(p: {
  csrf: string;
  setId: string;
  title: string;
  version: number;
  ql: string;
  languages: Array<{ code: string; label: string }>;
  questions: LearnerQuestion[];
  passages: Array<{ before: string | null; text: string }>;
  labels: QuizLabels;
}) {
  const { t, lang } = usePage();
  const passageBefore = (id: string | null) => p.passages.filter((x) => x.before === id);
  return (
    <Shell csrf={p.csrf}>
      <h1>{t('instructor.preview', { title: p.title })}</h1>
      <p class="lead">{t('instructor.previewIntro', { version: p.version })}</p>
      <ContentLanguageNav
        links={p.languages.map((l) => ({ ...l, href: `${base(lang)}/sets/${p.setId}/preview?ql=${l.code}`, current: l.code === p.ql }))}
      />
      <ol class="test-questions" lang={p.ql}>
        {p.questions.map((q) => (
          <li key={q.id} class="question-card">
            {passageBefore(q.id).map((x, i) => (
              <div key={i} class="passage">
                <RichText text={x.text} />
              </div>
            ))}
            <fieldset>
              <legend>
                <Prompt q={q} labels={p.labels} />
              </legend>
              <QuestionFields q={q} labels={p.labels} locked />
            </fieldset>
          </li>
        ))}
      </ol>
      {passageBefore(null).map((x, i) => (
        <div key={i} class="passage" lang={p.ql}>
          <RichText text={x.text} />
        </div>
      ))}
    </Shell>
  );
}

export function DeletePage({ csrf, setId, title }: { csrf: string; setId: string; title: string }) {
  const { t, lang } = usePage();
  return (
    <Shell csrf={csrf}>
      <h1>{t('instructor.deleteTitle', { title })}</h1>
      <p>{t('instructor.deleteText')}</p>
      <form method="post" action={`${base(lang)}/sets/${setId}/delete`} class="danger-zone">
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          {t('instructor.deleteConfirm')}
        </button>{' '}
        <a href={base(lang)}>{t('instructor.cancel')}</a>
      </form>
    </Shell>
  );
}
