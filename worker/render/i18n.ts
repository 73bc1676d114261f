import i18next, { type TFunction } from 'i18next';
import { locales, uiLanguages } from '../services/content.ts';

// One i18next instance per isolate, initialised synchronously from the bundled locales and never switched:
// each request gets a fixed `t` for its language, so concurrent requests cannot change each other's language.
const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(locales).map(([lang, strings]) => [lang, { translation: strings }])),
  lng: 'en',
  fallbackLng: false,
  supportedLngs: [...uiLanguages],
  initAsync: false,
  interpolation: { escapeValue: false }, // Preact escapes everything it renders
  returnNull: false,
});

const fixed = new Map<string, TFunction>();

/** Answers remembered per language; a full map starts over rather than grow with interpolated values. */
export const MAX_REMEMBERED = 5_000;

/**
 * A `t` that remembers its answers: a page asks for the same few hundred strings on every render, and
 * i18next's lookup and interpolation was the largest part of the overview's CPU (docs/performance.md). The
 * answer depends only on the language, the key and the options, which make the cache key.
 */
function remembering(t: TFunction): TFunction {
  const known = new Map<string, unknown>();
  const call = t as unknown as (key: string | string[], options?: unknown) => unknown;
  const lookup = (key: string | string[], options?: unknown) => {
    const name = typeof key === 'string' ? key : JSON.stringify(key);
    const slot = options === undefined ? name : `${name}\u0000${JSON.stringify(options)}`;
    let hit = known.get(slot);
    if (hit === undefined) {
      hit = call(key, options);
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.set(slot, hit);
    }
    return hit;
  };
  // Keep what i18next's fixed t carries besides calls: `lng` names the UI language (quizLabels reads it for
  // `lang` on UI words inside content), `ns` and `keyPrefix` for completeness.
  const { lng, ns, keyPrefix } = t as unknown as { lng?: string; ns?: unknown; keyPrefix?: unknown };
  return Object.assign(lookup, { lng, ns, keyPrefix }) as unknown as TFunction;
}

/** The translation function of one UI language; it remembers its answers (one memo for every caller). */
export function tFor(lang: string): TFunction {
  let t = fixed.get(lang);
  if (!t) {
    t = remembering(instance.getFixedT(lang));
    fixed.set(lang, t);
  }
  return t;
}

export const isUiLanguage = (lang: string | undefined): lang is string => !!lang && uiLanguages.includes(lang);
