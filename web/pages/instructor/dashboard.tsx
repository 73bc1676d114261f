import { pick } from '../../../core/content/localized.ts';
import { DataTable } from '../../components/data-table.tsx';
import { usePage } from '../../page-context.ts';
import { base, PostButton, Shell, type SetRow } from './shared.tsx';

/** A set row; `learnerCopyPending` comes with the registry's list (SetSummary) as the route passes it on. */
type DashboardRow = SetRow & { learnerCopyPending?: boolean | undefined };

export interface QuizLink {
  id: string;
  title: string;
}

/** The instructor's start page: every set with its state and actions, and the results of the built-in quizzes. */
export function DashboardPage({
  sets,
  csrf,
  notice,
  quizzes = [],
}: {
  sets: DashboardRow[];
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
      {sets.some((s) => s.learnerCopyPending) && (
        <p class="notice" role="status">
          {t('setRegistry.pendingNotice')}
        </p>
      )}
      <p>
        <a class="button primary" href={`${base(lang)}/sets/new`}>
          {t('instructor.newSet')}
        </a>{' '}
        <a class="button" href={`${base(lang)}/lti`}>
          {t('lti.platforms.dashboardLink')}
        </a>
      </p>
      {sets.length === 0 ? <p class="empty">{t('instructor.noSets')}</p> : <SetTable sets={sets} csrf={csrf} />}
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

/** One row per set: its state and counts, and every action on it (edit, results, previews, exports, publish, delete). */
function SetTable({ sets, csrf }: { sets: DashboardRow[]; csrf: string }) {
  const { t, lang } = usePage();
  return (
    <DataTable
      class="progress-table sets-table"
      columns={[
        t('instructor.setTitle'),
        t('instructor.state'),
        t('instructor.version'),
        t('instructor.questions'),
        t('instructor.attempts'),
        t('instructor.actions'),
      ]}
    >
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
          <td>
            {s.publishedVersion ? t('instructor.published', { version: s.publishedVersion }) : t('instructor.draft')}
            {s.learnerCopyPending && (
              <>
                <br />
                <strong class="sync-pending">{t('setRegistry.pending')}</strong>
              </>
            )}
          </td>
          <td>{s.latestVersion}</td>
          <td>{s.questionCount}</td>
          <td>{s.attempts}</td>
          <td class="actions-cell">
            <SetActions set={s} csrf={csrf} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The links and buttons of one set's row. */
function SetActions({ set: s, csrf }: { set: DashboardRow; csrf: string }) {
  const { t, lang } = usePage();
  return (
    <>
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
      <a href={`${base(lang)}/sets/${s.id}/export?format=moodlexml`}>{t('moodlexml.export')}</a>
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
    </>
  );
}
