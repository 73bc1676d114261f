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

/** The translation function of one UI language. */
export function tFor(lang: string): TFunction {
  let t = fixed.get(lang);
  if (!t) {
    t = instance.getFixedT(lang);
    fixed.set(lang, t);
  }
  return t;
}

export const isUiLanguage = (lang: string | undefined): lang is string => !!lang && uiLanguages.includes(lang);
