import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { contentLanguages } from '../services/content.ts';
import type { AppEnv } from '../env.ts';
import { rememberPreference } from '../http/preference-cookie.ts';

/** The language the learner is learning, chosen on the overview ("I am learning German / English"). */
export const LEARNING_COOKIE = 'learning';

/** The remembered choice, if it is a course language; else null. */
export function chosenLearning(c: Context<AppEnv>): string | null {
  const v = getCookie(c, LEARNING_COOKIE);
  return v && contentLanguages.includes(v) ? v : null;
}

/** The language the learner is learning: the remembered choice, else the content language the UI is not in. */
export function learningLanguage(c: Context<AppEnv>): string {
  return chosenLearning(c) ?? contentLanguages.find((l) => l !== c.get('lang')) ?? contentLanguages[0]!;
}

/** Remembers the choice for a year (a plain link sets it, so it works without JavaScript). */
export function rememberLearning(c: Context<AppEnv>, lang: string) {
  rememberPreference(c, LEARNING_COOKIE, lang);
}

/** Question languages in order of preference: the one being learned first, then the others not in the UI's language. */
export const preferredLanguages = (c: Context<AppEnv>) => [learningLanguage(c), ...contentLanguages.filter((l) => l !== c.get('lang'))];
