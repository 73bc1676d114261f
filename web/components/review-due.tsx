import { href, usePage } from '../page-context.ts';

export interface ReviewDueProps {
  /** Cards the review page would show now (due, new for today, and wrong ones back within minutes). */
  due: number;
  /** "in 3 days" for the next card when none is due now; null otherwise. */
  nextIn: string | null;
  inDeck: number;
  goal: number;
  today: number;
  streak: number;
}

/**
 * For the overview: "N cards due" as a link to the review while there is something to do; otherwise what to do
 * instead (an empty deck) or when the next card falls due, never a link to an empty page. Then today's reviews
 * against the goal, and the streak.
 */
export function ReviewDue(p: ReviewDueProps) {
  const { t, lang } = usePage();
  return (
    <section class="review-due" aria-labelledby="review-due-title">
      <h2 id="review-due-title">{t('review.title')}</h2>
      {p.due > 0 ? (
        <p>
          <a href={href(lang, '/review')} class="button primary">
            {t('review.due', { count: p.due })}
          </a>
        </p>
      ) : p.inDeck === 0 ? (
        <p>{t('review.emptyDeckHow')}</p>
      ) : (
        <p>
          {t('review.nothingDue')}
          {p.nextIn && ` ${t('review.nextDue', { when: p.nextIn })}`}
        </p>
      )}
      <p>
        <label for="review-goal">{t('review.goal', { today: p.today, goal: p.goal })}</label>{' '}
        <progress id="review-goal" max={p.goal} value={Math.min(p.today, p.goal)} />
      </p>
      {p.streak > 0 && <p>{t('review.streak', { count: p.streak })}</p>}
    </section>
  );
}
