// The dictation player in the browser: Play and Play slower with the browser's German voice, added to the
// server's markup (the sentence behind a button, dictation.tsx), which stays as it is where no voice comes.
import { el } from '../dom.ts';
import { speakGerman, watchGermanVoice } from '../speech.ts';
import type { dictationData } from './dictation.tsx';

/** How long to wait for the browser's voices before saying there is no German one (Chrome loads them late). */
const VOICE_WAIT_MS = 1500;
/** "Play slower": slow enough to hear every ending, still a natural sentence. */
const SLOW_RATE = 0.6;

type Data = ReturnType<typeof dictationData>;

/** A player button: an icon hidden from screen readers, and its words in the UI language. */
const button = (cls: string, icon: string, label: string, lang: string, play: () => void) =>
  el('button', { type: 'button', class: `button ${cls}`, lang, onclick: play }, el('span', { 'aria-hidden': 'true' }, icon), label);

/** Adds the player once a German voice exists, or says after a wait that there is none. */
export function enhance(root: HTMLElement, { labels: d, uiLang }: Data): void {
  const player = root.querySelector<HTMLElement>('.dictation-player');
  const text = root.querySelector('.dictation-text p')?.textContent;
  if (!player || !text) return;
  let found = false;
  const timer = setTimeout(() => {
    if (!found) player.insertBefore(el('p', { class: 'dictation-no-voice', role: 'status', lang: uiLang }, d.noVoice), player.firstChild);
  }, VOICE_WAIT_MS);
  let stop: (() => void) | null = null;
  stop = watchGermanVoice((available) => {
    if (!available || found) return;
    found = true;
    clearTimeout(timer);
    stop?.();
    player.replaceChildren(
      el(
        'p',
        { class: 'dictation-buttons' },
        button('play', '▶ ', d.play, uiLang, () => speakGerman(text)),
        ' ',
        button('play-slower', '🐢 ', d.playSlower, uiLang, () => speakGerman(text, SLOW_RATE)),
      ),
    );
  });
  if (found) stop(); // the voice was there at once, before watchGermanVoice returned its stop
}
