import { usePage } from '../../page-context.ts';
import { ImportCheckView, type ImportCheck } from './check.tsx';
import { base, Csrf, FORMAT_NAMES, Shell, type ProblemRow } from './shared.tsx';

export interface EditorProps {
  csrf: string;
  setId?: string | undefined;
  /** `auto`: recognised from the content (core/formats/shared/detect.ts). */
  format: 'auto' | 'gift' | 'json' | 'cloze' | 'moodlexml';
  lang: string;
  title: string;
  lesson: string;
  text: string;
  /** Practice (check each answer) or test (feedback after handing in); GIFT and Cloze take it from here. */
  mode: 'practice' | 'test';
  /** How typed answers are graded: as Moodle does, or German-aware; GIFT and Cloze take it from here. */
  grading: 'moodle' | 'german';
  lessons: Array<{ id: string; title: string }>;
  languages: Array<{ code: string; label: string }>;
  problems: ProblemRow[];
  /** After "check before saving": what the import will be (nothing saved yet). */
  check?: ImportCheck | undefined;
}

/** Paste or upload GIFT or JSON; problems are listed with their lines and marked in a numbered copy of the text. */
export function EditorPage(p: EditorProps) {
  const { t } = usePage();
  return (
    <Shell csrf={p.csrf}>
      <h1>{p.setId ? t('instructor.editSet', { id: p.setId }) : t('instructor.newSet')}</h1>
      {p.problems.length > 0 && <ProblemList problems={p.problems} />}
      {p.check && <ImportCheckView check={p.check} />}
      <EditorForm {...p} />
      {p.problems.length > 0 && <SourceWithProblems text={p.text} problems={p.problems} />}
    </Shell>
  );
}

/** The problems, each with a link to its line (or the path it names), focused after a refused save. */
function ProblemList({ problems }: { problems: ProblemRow[] }) {
  const { t } = usePage();
  return (
    <section class="problems" aria-labelledby="problems-h">
      <h2 id="problems-h" tabIndex={-1}>
        {t('instructor.problems', { count: problems.length })}
      </h2>
      <ul>
        {problems.map((pr, i) => (
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
  );
}

/** The form: format, title, language, mode and lesson, then the text (pasted or uploaded). */
function EditorForm(p: EditorProps) {
  const { t, lang } = usePage();
  return (
    <form
      method="post"
      action={p.setId ? `${base(lang)}/sets/${p.setId}` : `${base(lang)}/sets`}
      enctype="multipart/form-data"
      class="editor"
    >
      <Csrf token={p.csrf} />
      <fieldset>
        <legend>{t('instructor.format')}</legend>
        {(['auto', 'gift', 'cloze', 'json', 'moodlexml'] as const).map((f) => (
          <span key={f} class="radio">
            <input type="radio" id={`format-${f}`} name="format" value={f} checked={p.format === f} />
            <label for={`format-${f}`}>
              {f === 'auto' ? t('moodlexml.formatAuto') : f === 'moodlexml' ? t('moodlexml.formatMoodleXml') : FORMAT_NAMES[f]}
            </label>
          </span>
        ))}
      </fieldset>
      <SetFields {...p} />
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
        <input type="file" id="set-file" name="file" accept=".gift,.txt,.json,.xml,text/plain,application/json,application/xml,text/xml" />
      </p>
      <button type="submit" class="primary">
        {t('instructor.save')}
      </button>{' '}
      <button type="submit" name="check" value="1" aria-describedby="check-help">
        {t('moodlexml.check')}
      </button>{' '}
      <span id="check-help" class="muted">
        {t('moodlexml.checkHelp')}
      </span>
    </form>
  );
}

/**
 * What GIFT and Cloze cannot say about a set: its title, the language of plain text, its mode, how its typed
 * answers are graded and its lesson.
 */
function SetFields(p: EditorProps) {
  const { t } = usePage();
  return (
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
      <SettingSelect
        name="mode"
        label={t('instructor.mode')}
        help={t('instructor.modeHelp')}
        value={p.mode}
        options={[
          ['practice', t('instructor.modePractice')],
          ['test', t('instructor.modeTest')],
        ]}
      />
      <SettingSelect
        name="grading"
        label={t('instructor.grading')}
        help={t('instructor.gradingHelp')}
        value={p.grading}
        options={[
          ['moodle', t('instructor.gradingMoodle')],
          ['german', t('instructor.gradingGerman')],
        ]}
      />
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
  );
}

/** The text with numbered lines, each line with a problem marked and its messages beside it. */
function SourceWithProblems({ text, problems }: { text: string; problems: ProblemRow[] }) {
  const { t } = usePage();
  const lines = text.split('\n');
  const bad = new Map<number, string[]>();
  for (const pr of problems) if (pr.line) bad.set(pr.line, [...(bad.get(pr.line) ?? []), pr.message]);
  return (
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
  );
}

/** One of a set's settings as a labelled select with its explanation (the mode, the grading rule). */
function SettingSelect(p: { name: string; label: string; help: string; value: string; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <p>
      <label for={`set-${p.name}`}>{p.label}</label>
      <br />
      <select id={`set-${p.name}`} name={p.name} aria-describedby={`${p.name}-help`}>
        {p.options.map(([value, text]) => (
          <option key={value} value={value} selected={p.value === value}>
            {text}
          </option>
        ))}
      </select>
      <br />
      <span id={`${p.name}-help`} class="muted">
        {p.help}
      </span>
    </p>
  );
}
