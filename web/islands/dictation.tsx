import { useEffect, useState } from 'preact/hooks';
import { speakGerman, watchGermanVoice } from '../speech.ts';
import type { DictationLabels } from '../quiz/types.ts';

export interface DictationProps {
  /** The German text to dictate. */
  text: string;
  labels: DictationLabels;
  /** The UI language, for `lang` on the buttons and messages. */
  uiLang: string;
}

/** How long to wait for the browser's voices before saying there is no German one (Chrome loads them late). */
const VOICE_WAIT_MS = 1500;
/** "Play slower": slow enough to hear every ending, still a natural sentence. */
const SLOW_RATE = 0.6;

/**
 * The dictation player: Play and Play slower, with the browser's German voice. On the server, and where no
 * German voice exists, it is the sentence behind a button (`<details>`), with a message saying why; once a
 * voice is there the text is no longer shown, so the learner writes what they hear.
 */
export function Dictation({ text, labels, uiLang }: DictationProps) {
  const [voice, setVoice] = useState<'unknown' | 'yes' | 'no'>('unknown');
  useEffect(() => {
    let found = false;
    const timer = setTimeout(() => !found && setVoice('no'), VOICE_WAIT_MS);
    const stop = watchGermanVoice((available) => {
      found ||= available;
      if (available) setVoice('yes');
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
  return (
    <div class="dictation-player">
      {voice === 'yes' && (
        <p class="dictation-buttons">
          <button type="button" class="button play" onClick={() => speakGerman(text)} lang={uiLang}>
            <span aria-hidden="true">▶ </span>
            {labels.play}
          </button>{' '}
          <button type="button" class="button play-slower" onClick={() => speakGerman(text, SLOW_RATE)} lang={uiLang}>
            <span aria-hidden="true">🐢 </span>
            {labels.playSlower}
          </button>
        </p>
      )}
      {voice === 'no' && (
        <p class="dictation-no-voice" role="status" lang={uiLang}>
          {labels.noVoice}
        </p>
      )}
      {voice !== 'yes' && <SentenceBehindButton text={text} label={labels.show} uiLang={uiLang} />}
    </div>
  );
}

/** The sentence behind a button: works without JavaScript, and for browsers without a German voice. */
export function SentenceBehindButton({ text, label, uiLang }: { text: string; label: string; uiLang: string }) {
  return (
    <details class="dictation-text">
      <summary lang={uiLang}>{label}</summary>
      <p lang="de">{text}</p>
    </details>
  );
}
