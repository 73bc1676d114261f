import { useEffect, useState } from 'preact/hooks';

export interface ListenProps {
  /** The German text to speak. */
  text: string;
  /** The button's words, in the UI language. */
  label: string;
  /** The UI language, for `lang` on the button's words. */
  uiLang: string;
}

/** A German voice of the browser's speech synthesis, if it has one. */
function germanVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('de'));
}

/**
 * Listen: speaks German text with the browser's speech synthesis (de-DE). Rendered on the server as nothing,
 * and shown only once the browser reports a German voice: never required, never a dead button.
 */
export function Listen({ text, label, uiLang }: ListenProps) {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const check = () => setAvailable(!!germanVoice());
    check();
    // Chrome loads its voices after the page: they arrive with `voiceschanged`.
    speechSynthesis.addEventListener?.('voiceschanged', check);
    return () => speechSynthesis.removeEventListener?.('voiceschanged', check);
  }, []);
  if (!available) return null;
  const speak = () => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'de-DE';
    const voice = germanVoice();
    if (voice) u.voice = voice;
    speechSynthesis.cancel();
    speechSynthesis.speak(u);
  };
  return (
    <button type="button" class="button listen" onClick={speak} lang={uiLang}>
      <span aria-hidden="true">🔊 </span>
      {label}
    </button>
  );
}
