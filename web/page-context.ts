import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';

/** What every server-rendered page knows about its request. Server only: islands get plain props. */
export interface PageContext {
  t: TFunction;
  /** UI language. */
  lang: string;
  /** UI languages, each with its own name for the language switch. */
  languages: ReadonlyArray<{ code: string; name: string }>;
  /** The path below the language prefix, e.g. `/lessons/alliance` (with its query string). */
  path: string;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() outside a page');
  return ctx;
}

/** `/{lang}{path}`: a link in the current UI language. */
export const href = (lang: string, path: string) => `/${lang}${path === '/' ? '/' : path}`;

/** "p2s3" → { paragraph: "2", sentence: "3" }, for labels such as "paragraph 2, sentence 3". */
export function sentenceParts(id: string): { paragraph: string; sentence: string } {
  const m = /^p(\d+)s(\d+)$/.exec(id);
  return { paragraph: m?.[1] ?? '?', sentence: m?.[2] ?? '?' };
}
