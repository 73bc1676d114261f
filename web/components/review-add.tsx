import { href, usePage } from '../page-context.ts';

/**
 * "Add to my review" for one glossary entry (`glossary`) or "Add all words of this lesson" (`lesson`): a plain
 * form post that comes back to `back` (the page it sits on) with `?added=n`. Works without JavaScript; the
 * reader's glossary dialog posts a copy of an entry's form with fetch (web/islands/add-word.ts).
 */
export function ReviewAdd({ glossary, lesson, back }: { glossary?: string; lesson?: string; back: string }) {
  const { t, lang } = usePage();
  return (
    <form method="post" action={href(lang, '/review/add')} class="review-add">
      {glossary && <input type="hidden" name="glossary" value={glossary} />}
      {!glossary && lesson && <input type="hidden" name="lesson" value={lesson} />}
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="button">
        {glossary ? t('review.add') : t('review.addLesson')}
      </button>
    </form>
  );
}

/** The note after adding, from `?added=n` on the page the form came back to. */
export function ReviewAdded({ added }: { added: number | null }) {
  const { t } = usePage();
  if (added === null) return null;
  return (
    <p class="notice" role="status">
      {added > 0 ? t('review.added', { count: added }) : t('review.addedNone')}
    </p>
  );
}
