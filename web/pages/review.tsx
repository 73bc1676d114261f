import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { Island } from '../island.tsx';
import { Listen } from '../islands/listen.tsx';
import { href, usePage } from '../page-context.ts';
import { Feedback } from '../quiz/feedback.tsx';
import { QuestionFields } from '../quiz/question-fields.tsx';
import type { CheckResult, QuizLabels } from '../quiz/types.ts';
import { Prompt } from '../quiz/prompt.tsx';
import { withDictation } from '../quiz/dictation-labels.ts';

/** A card as the page shows it (the learner copy the API returns). */
export type ReviewCard = LearnerQuestion & {
  kind: 'recognition' | 'production' | 'gap' | 'question';
  lang: string;
  context?: { sentenceId: string; lang: string; text: string; focus: string };
};

export interface ReviewPageProps {
  labels: QuizLabels;
  /** The card to answer, or the one just answered (with `answered`). */
  card: ReviewCard | null;
  answered?: { given: AnyResponse; result: CheckResult; rating: string; dueIn: string } | undefined;
  /** When this session began (ms): carried in the form and the next link, so the counters survive a reload. */
  session: number;
  /** Position in this session: card n of total (the total grows when a card answered wrong comes back). */
  n: number;
  total: number;
  /** Due and new cards left to do (the one shown counts until it is answered). */
  due: number;
  fresh: number;
  /** "in 3 days" for the next card due after this session, when nothing is left. */
  nextIn: string | null;
  deckEmpty: boolean;
  /** The form did not name an answer: say so next to the card. */
  unanswered?: boolean;
}

function Context({ card }: { card: ReviewCard }) {
  const { t, lang } = usePage();
  if (!card.context) return null;
  return (
    <figure class="review-context">
      <figcaption>{t('review.sentence')}</figcaption>
      <blockquote lang={card.context.lang}>{card.context.text}</blockquote>
      <Island name="Listen" component={Listen} props={{ text: card.context.text, label: t('review.listen'), uiLang: lang }} data={{}} />
    </figure>
  );
}

/** `/{lang}/review`: one card at a time, a plain form that works without JavaScript, then its feedback. */
export function ReviewPage(props: ReviewPageProps) {
  const { t } = usePage();
  const p = props.card?.type === 'dictation' ? { ...props, labels: withDictation(props.labels, t) } : props;
  const card = p.card;
  return (
    <div class="review">
      <h1>{t('review.title')}</h1>
      {!card && <NothingToDo deckEmpty={p.deckEmpty} nextIn={p.nextIn} />}
      {card && (
        <>
          <div class="progress">
            <label for="review-progress">{t('review.progress', { n: p.n, total: p.total })}</label>
            <progress id="review-progress" max={p.total} value={p.answered ? p.n : p.n - 1} />
            <span>{t('review.counts', { due: p.due, fresh: p.fresh })}</span>
          </div>
          <CardForm {...p} card={card} />
          {p.answered && <Answered answered={p.answered} card={card} labels={p.labels} session={p.session} />}
        </>
      )}
    </div>
  );
}

/** No card to show: the deck is empty (how to fill it), or nothing is due (when the next card is). */
function NothingToDo({ deckEmpty, nextIn }: Pick<ReviewPageProps, 'deckEmpty' | 'nextIn'>) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="review-empty">
      {/* A short heading; what it means and what to do next in the paragraphs below it. */}
      <h2 id="review-empty">{deckEmpty ? t('review.emptyDeck') : t('review.nothingDueTitle')}</h2>
      {deckEmpty ? (
        <>
          <p>{t('review.emptyDeckHow')}</p>
          <p>{t('review.intro')}</p>
        </>
      ) : (
        <p>{nextIn ? t('review.nextDue', { when: nextIn }) : t('review.nothingDue')}</p>
      )}
      <p>
        <a class="button" href={href(lang, '/')}>
          {t('review.toLessons')}
        </a>
      </p>
    </section>
  );
}

/** The card as a form: its prompt and context, its inputs, and (until answered) Check and Too easy. */
function CardForm(p: ReviewPageProps & { card: ReviewCard }) {
  const { t, lang } = usePage();
  const { card } = p;
  return (
    <form method="post" action={href(lang, `/review/${card.id}`)} class="question-card" aria-labelledby="card-prompt">
      <input type="hidden" name="s" value={String(p.session)} />
      <p class="q-number">{t(`review.kind.${card.kind}`)}</p>
      <h2 id="card-prompt" lang={card.lang}>
        <Prompt q={card} labels={p.labels} />
      </h2>
      <Context card={card} />
      <fieldset lang={card.lang} aria-labelledby="card-prompt">
        <QuestionFields q={card} labels={p.labels} given={p.answered?.given} locked={!!p.answered} result={p.answered?.result} />
      </fieldset>
      {p.unanswered && (
        <p class="problem" role="alert">
          {t('review.unanswered')}
        </p>
      )}
      {!p.answered && (
        <p class="actions">
          <button type="submit" class="primary" name="easy" value="0">
            {t('review.check')}
          </button>{' '}
          <button type="submit" class="button" name="easy" value="1" aria-describedby="easy-hint">
            {t('review.tooEasy')}
          </button>
        </p>
      )}
      {!p.answered && (
        <p id="easy-hint" class="hint">
          {t('review.tooEasyHint')}
        </p>
      )}
    </form>
  );
}

/** The feedback on the card just answered, how it was rated and when it comes again, and the way on. */
function Answered({
  answered,
  card,
  labels,
  session,
}: {
  answered: NonNullable<ReviewPageProps['answered']>;
  card: ReviewCard;
  labels: QuizLabels;
  session: number;
}) {
  const { t, lang } = usePage();
  return (
    <>
      <Feedback result={answered.result} labels={labels} lang={card.lang} uiLang={lang} headingId="review-verdict" />
      <p class="review-next">
        {t('review.rated', { rating: t(`review.rating.${answered.rating as 'good'}`) })} {t('review.dueAgain', { when: answered.dueIn })}
      </p>
      <p>
        <a class="button primary" href={href(lang, `/review?s=${session}`)} id="review-next">
          {t('review.next')}
        </a>
      </p>
    </>
  );
}
