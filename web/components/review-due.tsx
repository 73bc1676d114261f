import { href, usePage } from '../page-context.ts';

export interface ReviewDueProps {
  due: number;
  inDeck: number;
  goal: number;
  today: number;
  streak: number;
}

/** For the overview: "N cards due" with a link to the review, today's reviews against the goal, and the streak. */
export function ReviewDue(p: ReviewDueProps) {
  const { t, lang } = usePage();
  return (
    <section class="review-due" aria-labelledby="review-due-title">
      <h2 id="review-due-title">{t('review.title')}</h2>
      <p>
        <a href={href(lang, '/review')} class={p.due > 0 ? 'button primary' : 'button'}>
          {p.inDeck === 0 ? t('review.start') : t('review.due', { count: p.due })}
        </a>
      </p>
      <p>
        <label for="review-goal">{t('review.goal', { today: p.today, goal: p.goal })}</label>{' '}
        <progress id="review-goal" max={p.goal} value={Math.min(p.today, p.goal)} />
      </p>
      {p.streak > 0 && <p>{t('review.streak', { count: p.streak })}</p>}
    </section>
  );
}
