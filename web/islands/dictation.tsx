import type { DictationLabels } from '../quiz/types.ts';

export interface DictationProps {
  /** The German text to dictate. */
  text: string;
  labels: DictationLabels;
  /** The UI language, for `lang` on the buttons and messages. */
  uiLang: string;
}

/** What the dictation's enhancer (dictation.client.ts) needs beyond the markup: its words in the UI language. */
export const dictationData = ({ labels, uiLang }: DictationProps) => ({
  labels: { play: labels.play, playSlower: labels.playSlower, noVoice: labels.noVoice },
  uiLang,
});

/**
 * The dictation player as the server renders it: the sentence behind a button (`<details>`), which is what a
 * page without JavaScript keeps. The enhancer (dictation.client.ts) adds Play and Play slower once the
 * browser has a German voice, and then takes the sentence away, so the learner writes what they hear; where
 * no German voice comes, it says so and the sentence stays behind its button.
 */
export function Dictation({ text, labels, uiLang }: DictationProps) {
  return (
    <div class="dictation-player">
      <SentenceBehindButton text={text} label={labels.show} uiLang={uiLang} />
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
