import type en from '../../locales/en.json';

// UI keys are typed from the reference locale: a missing or misspelt key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
