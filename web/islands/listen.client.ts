// Listen in the browser: shows the server's hidden Listen buttons (listen.tsx) once the browser reports a
// German voice, and speaks their text with it. The reader's enhancer uses it for the buttons in its sentences.
import { speakGerman, watchGermanVoice } from '../speech.ts';

const buttons = new Set<HTMLButtonElement>();
let available = false;
let watching = false;

/** The text a Listen button speaks: its own (`data-text`), else the sentence it sits in, without the controls. */
function spokenText(button: HTMLElement): string {
  if (button.dataset.text) return button.dataset.text;
  const sentence = button.parentElement?.closest('.sentence, p');
  if (!sentence) return '';
  const copy = sentence.cloneNode(true) as Element;
  for (const control of copy.querySelectorAll('button, .popover')) control.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Shows or hides every Listen button still on the page, and forgets those a swap took away. */
function update(): void {
  for (const b of buttons)
    if (b.isConnected) b.hidden = !available;
    else buttons.delete(b);
}

/** Enhances the Listen buttons inside `root`: shown while a German voice exists, speaking on a press. */
export function enhance(root: HTMLElement): void {
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-listen]')) {
    if (buttons.has(b)) continue;
    buttons.add(b);
    b.addEventListener('click', () => speakGerman(spokenText(b)));
  }
  if (!watching) {
    watching = true;
    // One watcher for the page: the browser's voices arrive once, for every button.
    watchGermanVoice((now) => {
      available = now;
      update();
    });
  } else update();
}
