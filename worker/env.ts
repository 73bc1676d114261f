import type { TFunction } from 'i18next';

/** Hono's environment for this app: the worker bindings and per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The UI language of this request (pages only). */
    lang: string;
    t: TFunction;
    /** Instructor area only: the session nonce and its CSRF token. */
    session: string;
    csrf: string;
  };
}
