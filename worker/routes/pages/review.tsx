import { Hono, type Context } from 'hono';
import { DEFAULT_SETTINGS, SETTING_LIMITS, type ReviewSettings } from '../../../core/review/deck.ts';
import { responseFromForm } from '../../../web/quiz/form.ts';
import { ReviewPage, type ReviewPageProps } from '../../../web/pages/review.tsx';
import type { AppEnv } from '../../env.ts';
import { quizLabels } from '../../render/labels.ts';
import { sourcesOf } from '../../services/quizzes.ts';
import { renderPage } from '../../render/document.tsx';
import {
  addCards,
  answeredSince,
  answerCard,
  deckCard,
  dueIn,
  loadDeck,
  reviewHead,
  saveSettings,
  type LoadedDeck,
} from '../../services/review.ts';

const int = (v: unknown, min: number, max: number, fallback: number) => {
  const n = typeof v === 'string' && /^\d{1,4}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** Where to go back to after a form post: a path of this site only, never another origin. */
const back = (c: Context<AppEnv>, value: unknown) =>
  typeof value === 'string' && /^\/[a-z]{2}\/[^/\\]/.test(value) && !value.startsWith('//') ? value : `/${c.get('lang')}/review`;

/**
 * When this review session began (ms, carried in the page's links and forms): the counters count the cards
 * answered since then, so a reload does not move them on. A new session without one, or with one from
 * another day or the future.
 */
const sessionStart = (value: unknown, now: number) => {
  const s = typeof value === 'string' && /^\d{13}$/.test(value) ? Number(value) : NaN;
  return s <= now && s > now - 86_400_000 ? s : now;
};

/** "Card n of total" and the due/new counts of what is left, from the deck as it is now. */
async function counters(c: Context<AppEnv>, loaded: LoadedDeck, since: number, answered: boolean) {
  const left = await reviewHead(c, c.get('lang'), loaded);
  const done = answeredSince(loaded, since);
  const n = answered ? done : done + 1;
  return { left, view: { session: since, n, total: Math.max(n, done + left.left), due: left.due, fresh: left.new } };
}

function render(c: Context<AppEnv>, props: Omit<ReviewPageProps, 'labels'>) {
  const t = c.get('t');
  c.header('Cache-Control', 'private, no-store');
  return renderPage(c, c.get('lang'), <ReviewPage labels={quizLabels(t)} {...props} />, { title: t('review.title') });
}

/** `/{lang}/review` (one card at a time, plain forms), and the form posts that add cards and save settings. */
export const reviewPages = new Hono<AppEnv>()
  .get('/:lang/review', async (c) => {
    const lang = c.get('lang');
    const loaded = await loadDeck(c);
    const { left, view } = await counters(c, loaded, sessionStart(c.req.query('s'), loaded.now), false);
    return render(c, {
      ...view,
      card: left.first,
      nextIn: left.next ? dueIn(lang, Date.parse(left.next)) : null,
      deckEmpty: loaded.deck.cards.size === 0,
    });
  })
  .post('/:lang/review/add', async (c) => {
    const body = await c.req.parseBody();
    const source =
      typeof body.glossary === 'string' ? { glossary: body.glossary } : { lesson: typeof body.lesson === 'string' ? body.lesson : '' };
    const { added } = await addCards(c, source);
    const to = back(c, body.back);
    return c.redirect(`${to}${to.includes('?') ? '&' : '?'}added=${added}`, 303);
  })
  .post('/:lang/review/settings', async (c) => {
    const body = await c.req.parseBody();
    const settings: ReviewSettings = {
      newPerDay: int(body.newPerDay, SETTING_LIMITS.newPerDay.min, SETTING_LIMITS.newPerDay.max, DEFAULT_SETTINGS.newPerDay),
      autoAddMissed: body.autoAddMissed === 'on' || body.autoAddMissed === '1',
      dailyGoal: int(body.dailyGoal, SETTING_LIMITS.dailyGoal.min, SETTING_LIMITS.dailyGoal.max, DEFAULT_SETTINGS.dailyGoal),
    };
    await saveSettings(c, settings);
    return c.redirect(`${back(c, body.back ?? `/${c.get('lang')}/progress`)}#review-settings`, 303);
  })
  .post('/:lang/review/:cardId', async (c) => {
    const lang = c.get('lang');
    const cardId = c.req.param('cardId');
    const body = await c.req.parseBody({ all: true });
    const get = (name: string) => {
      const v = body[name];
      return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    };
    const loaded = await loadDeck(c);
    const since = sessionStart(get('s')[0], loaded.now);
    const { copy, earlierCopy } = await deckCard(c, cardId, lang, loaded);
    let response = responseFromForm(copy, get);
    // A tab opened before this card's latest review posts the ids of the showing before: read it as that one.
    if (typeof response === 'string' && earlierCopy) {
      const earlier = responseFromForm(await earlierCopy(), get);
      if (typeof earlier !== 'string') response = earlier;
    }
    // Nothing chosen or written: the card again with the message and the counters, a 200 as the quiz pages do.
    if (typeof response === 'string') {
      const { view } = await counters(c, loaded, since, false);
      return render(c, { ...view, card: copy, nextIn: null, deckEmpty: false, unanswered: true });
    }
    const a = await answerCard(c, cardId, { response, easy: get('easy')[0] === '1', lang }, loaded);
    const { view } = await counters(c, loaded, since, true);
    return render(c, {
      ...view,
      card: a.copy,
      answered: {
        given: response,
        result: { ...a.result, sources: sourcesOf(a.result.sources) },
        rating: a.rating,
        dueIn: dueIn(lang, a.due),
      },
      nextIn: null,
      deckEmpty: false,
    });
  });
