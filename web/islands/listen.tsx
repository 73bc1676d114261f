import { useEffect, useState } from 'preact/hooks';
import { speakGerman, watchGermanVoice } from '../speech.ts';

export interface ListenProps {
  /** The German text to speak. */
  text: string;
  /** The button's words, in the UI language. */
  label: string;
  /** The UI language, for `lang` on the button's words. */
  uiLang: string;
}

/**
 * Listen: speaks German text with the browser's speech synthesis (de-DE). Rendered on the server as nothing,
 * and shown only once the browser reports a German voice: never required, never a dead button.
 */
export function Listen({ text, label, uiLang }: ListenProps) {
  const [available, setAvailable] = useState(false);
  useEffect(() => watchGermanVoice(setAvailable), []);
  if (!available) return null;
  return (
    <button type="button" class="button listen" onClick={() => speakGerman(text)} lang={uiLang}>
      <span aria-hidden="true">🔊 </span>
      {label}
    </button>
  );
}
