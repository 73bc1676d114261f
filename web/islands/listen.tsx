export interface ListenProps {
  /** The button's words, in the UI language. */
  label: string;
  /** The UI language, for `lang` on the button's words. */
  uiLang: string;
  /**
   * The German text to speak. Left out where the button sits inside the sentence it reads (the reader): the
   * enhancer then speaks the text of the sentence around it, which the page holds already.
   */
  text?: string;
}

/**
 * Listen: a button that speaks German text with the browser's speech synthesis (de-DE). Rendered hidden, and
 * shown by its enhancer (web/islands/listen.client.ts) only once the browser reports a German voice: never
 * required, never a dead button, and nothing at all without JavaScript.
 */
export function Listen({ text, label, uiLang }: ListenProps) {
  return (
    <button type="button" class="button listen" data-listen="" data-text={text} lang={uiLang} hidden>
      <span aria-hidden="true">🔊 </span>
      {label}
    </button>
  );
}
