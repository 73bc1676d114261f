import { usePage } from '../../page-context.ts';
import type { ProblemRow } from './shared.tsx';

/** What the check before saving shows: each question and what it becomes, what was changed or left out, the media. */
export interface ImportCheck {
  questions: Array<{ name: string; moodleType?: string | undefined; type?: string | undefined; skipped?: string | undefined }>;
  notes: ProblemRow[];
  media: Array<{ hash: string; name: string; type: string; alt?: string | undefined }>;
}

const KINDS = ['single', 'multiple', 'truefalse', 'short', 'numerical', 'match', 'order', 'cloze', 'essay', 'passage'] as const;
type Kind = (typeof KINDS)[number];

/** The check's result, before anything is saved (issue 21, item 4): per question its type or why it was skipped. */
export function ImportCheckView({ check }: { check: ImportCheck }) {
  const { t } = usePage();
  const kind = (type: string | undefined) => (KINDS.includes(type as Kind) ? t(`moodlexml.kinds.${type as Kind}`) : (type ?? ''));
  const hasMoodleType = check.questions.some((q) => q.moodleType);
  return (
    <section class="import-check" aria-labelledby="check-h">
      <h2 id="check-h" tabIndex={-1}>
        {t('moodlexml.checkTitle')}
      </h2>
      <p>{t('moodlexml.checkIntro')}</p>
      <h3>{t('moodlexml.questions', { count: check.questions.length })}</h3>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('moodlexml.name')}</th>
              {hasMoodleType && <th scope="col">{t('moodlexml.moodleType')}</th>}
              <th scope="col">{t('moodlexml.importedAs')}</th>
            </tr>
          </thead>
          <tbody>
            {check.questions.map((q, i) => (
              <tr key={i} class={q.skipped ? 'bad' : undefined}>
                <th scope="row">{q.name}</th>
                {hasMoodleType && (
                  <td>
                    <code>{q.moodleType}</code>
                  </td>
                )}
                <td>{q.skipped ? `${t('moodlexml.skipped')}: ${q.skipped}` : kind(q.type)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('moodlexml.notes', { count: check.notes.length })}</h3>
      {check.notes.length ? (
        <ul>
          {check.notes.map((n, i) => (
            <li key={i}>{n.line ? `${t('instructor.lineColumn', { line: n.line, column: n.column ?? 1 })}: ${n.message}` : n.message}</li>
          ))}
        </ul>
      ) : (
        <p>{t('moodlexml.noNotes')}</p>
      )}
      {check.media.length > 0 && <MediaPreviews media={check.media} />}
    </section>
  );
}

/**
 * The pictures and sounds the set will show, as learners get them (a picture with the alt text the file gives
 * it, docs/decisions/0015), and a warning under a picture that has none: screen readers would read its name.
 */
function MediaPreviews({ media }: { media: ImportCheck['media'] }) {
  const { t } = usePage();
  return (
    <>
      <h3>{t('moodlexml.media', { count: media.length })}</h3>
      <ul class="media-previews">
        {media.map((m) => (
          <li key={m.hash}>
            <figure>
              {m.type.startsWith('image/') ? (
                <img src={`/media/${m.hash}`} alt={m.alt ?? m.name} loading="lazy" />
              ) : (
                <audio controls preload="none" src={`/media/${m.hash}`} aria-label={m.name} />
              )}
              <figcaption>
                <code>{m.name}</code> ({m.type})
                {m.type.startsWith('image/') && !m.alt && (
                  <>
                    <br />
                    {t('moodlexml.noAlt')}
                  </>
                )}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </>
  );
}
