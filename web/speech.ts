// The browser's German voice, shared by every control that speaks German (Listen in the reader and review,
// the dictation player): one choice of voice, one way to speak.

/** A German voice of the browser's speech synthesis, if it has one. */
export function germanVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('de'));
}

/**
 * Calls `onChange` with whether a German voice exists now and whenever the browser's voices change (Chrome
 * loads them after the page: they arrive with `voiceschanged`). Returns the function that stops listening.
 */
export function watchGermanVoice(onChange: (available: boolean) => void): () => void {
  if (typeof speechSynthesis === 'undefined') {
    onChange(false);
    return () => {};
  }
  const check = () => onChange(!!germanVoice());
  check();
  speechSynthesis.addEventListener?.('voiceschanged', check);
  return () => speechSynthesis.removeEventListener?.('voiceschanged', check);
}

/** Speaks German text (de-DE), stopping whatever was being spoken; `rate` below 1 is slower. */
export function speakGerman(text: string, rate = 1): void {
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'de-DE';
  u.rate = rate;
  const voice = germanVoice();
  if (voice) u.voice = voice;
  speechSynthesis.cancel();
  speechSynthesis.speak(u);
}
