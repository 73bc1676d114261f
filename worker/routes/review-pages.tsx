import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { DEFAULT_SETTINGS, SETTING_LIMITS, type ReviewSettings } from '../../core/review/deck.ts';
import { responseFromForm } from '../../web/quiz/form.ts';
import { ReviewPage, type ReviewPageProps } from '../../web/pages/review.tsx';
import type { AppEnv } from '../env.ts';
import { quizLabels } from '../quiz-labels.ts';
import { sourcesOf } from '../quizzes.ts';
import { renderPage } from '../render.tsx';
import { addCards, answerCard, deckCard, loadDeck, reviewNow, saveSettings } from '../services/review.ts';

/** "in 10 minutes", "in 3 days": how far away a time is, in the UI language. */
export function dueIn(lang: string, due: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  const f = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });
  if (minutes < 60) return f.format(minutes, 'minute');
  if (minutes < 48 * 60) return f.format(Math.round(minutes / 60), 'hour');
  return f.format(Math.round(minutes / 1440), 'day');
}

const int = (v: unknown, min: number, max: number, fallback: number) => {
  const n = typeof v === 'string' && /^\d{1,4}$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** Where to go back to after a form post: a path of this site only, never another origin. */
const back = (c: Context<AppEnv>, value: unknown) =>
  typeof value === 'string' && /^\/[a-z]{2}\/[^/\\]/.test(value) && !value.startsWith('//') ? value : `/${c.get('lang')}/review`;

function render(c: Context<AppEnv>, props: Omit<ReviewPageProps, 'labels'>, status: 200 | 422 = 200) {
  const t = c.get('t');
  c.header('Cache-Control', 'private, no-store');
  return renderPage(c, c.get('lang'), <ReviewPage labels={quizLabels(t)} {...props} />, { title: t('review.title'), islands: true, status });
}

/** `/{lang}/review` (one card at a time, plain forms), and the form posts that add cards and save settings. */
export const reviewPages = new Hono<AppEnv>()
  .get('/:lang/review', async (c) => {
    const lang = c.get('lang');
    const loaded = await loadDeck(c);
    const now = await reviewNow(c, lang, loaded);
    const n = int(c.req.query('n'), 1, 999, 1);
    return render(c, {
      card: now.cards[0] ?? null,
      n,
      total: n - 1 + now.cards.length,
      due: now.due,
      fresh: now.new,
      nextIn: now.next ? dueIn(lang, Date.parse(now.next)) : null,
      deckEmpty: loaded.deck.cards.size === 0,
    });
  })
  .post('/:lang/review/add', csrf(), async (c) => {
    const body = await c.req.parseBody();
    const source = typeof body.glossary === 'string' ? { glossary: body.glossary } : { lesson: String(body.lesson ?? '') };
    const { added } = await addCards(c, source);
    const to = back(c, body.back);
    return c.redirect(`${to}${to.includes('?') ? '&' : '?'}added=${added}`, 303);
  })
  .post('/:lang/review/settings', csrf(), async (c) => {
    const body = await c.req.parseBody();
    const settings: ReviewSettings = {
      newPerDay: int(body.newPerDay, SETTING_LIMITS.newPerDay.min, SETTING_LIMITS.newPerDay.max, DEFAULT_SETTINGS.newPerDay),
      autoAddMissed: body.autoAddMissed === 'on' || body.autoAddMissed === '1',
      dailyGoal: int(body.dailyGoal, SETTING_LIMITS.dailyGoal.min, SETTING_LIMITS.dailyGoal.max, DEFAULT_SETTINGS.dailyGoal),
    };
    await saveSettings(c, settings);
    return c.redirect(`${back(c, body.back ?? `/${c.get('lang')}/progress`)}#review-settings`, 303);
  })
  .post('/:lang/review/:cardId', csrf(), async (c) => {
    const lang = c.get('lang');
    const cardId = c.req.param('cardId');
    const body = await c.req.parseBody({ all: true });
    const get = (name: string) => {
      const v = body[name];
      return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    };
    const n = int(get('n')[0], 1, 999, 1);
    const total = int(get('total')[0], n, 999, n);
    const { copy } = await deckCard(c, cardId, lang);
    const response = responseFromForm(copy, get);
    if (typeof response === 'string') return render(c, { card: copy, n, total, due: 0, fresh: 0, nextIn: null, deckEmpty: false, unanswered: true }, 422);
    const a = await answerCard(c, cardId, { response, easy: get('easy')[0] === '1', lang });
    return render(c, {
      card: a.copy,
      answered: { given: response, result: { ...a.result, sources: sourcesOf(a.result.sources) }, rating: a.rating, dueIn: dueIn(lang, a.due) },
      n,
      total,
      due: 0,
      fresh: 0,
      nextIn: null,
      deckEmpty: false,
    });
  });
