// The sections of a feedback below its verdict: pairs, the order, the solution, the explanation, the sources.
import { fill, Ui } from '../components/ui-text.tsx';
import type { Of } from './feedback-items.tsx';
import { RichText } from './rich-text.tsx';
import type { CheckResult, QuizLabels } from './types.ts';

interface Common {
  labels: QuizLabels;
  /** Language of the quiz content. */
  lang: string;
}

/** Only the wrong pairs, each with the right-hand item it needed. */
export function WrongPairs({ pairs, labels, lang }: Common & { pairs: Of<'pair'>[] }) {
  const ui = labels.lang;
  return (
    <ul class="details">
      {pairs
        .filter((p) => !p.right)
        .map((p, i) => (
          <li key={i} class="bad">
            <span lang={lang}>{p.left} → </span>
            {p.given !== null ? <span lang={lang}>{p.given}</span> : <Ui lang={ui}>{labels.noAnswer}</Ui>}
            <Ui lang={ui}> — </Ui>
            {fill(ui, labels.expected, { expected: <span lang={lang}>{p.expected}</span> })}
          </li>
        ))}
    </ul>
  );
}

/** Every pair as it belongs, behind "show all". */
export function AllPairs({ pairs, labels, lang }: Common & { pairs: Of<'pair'>[] }) {
  return (
    <details class="show-all">
      <summary>
        <Ui lang={labels.lang}>{labels.showPairs}</Ui>
      </summary>
      <ul class="details">
        {pairs.map((p, i) => (
          <li key={i} class={p.right ? 'ok' : 'bad'}>
            <span lang={lang}>
              {p.left} → {p.expected}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The order given and the right order, behind "show all". */
export function OrderShown({ order, labels, lang }: Common & { order: Of<'order'> }) {
  const ui = labels.lang;
  return (
    <details class="show-all">
      <summary>
        <Ui lang={ui}>{labels.showOrder}</Ui>
      </summary>
      <p class="label">
        <Ui lang={ui}>{labels.yourAnswer}</Ui>
      </p>
      <ol lang={lang}>
        {order.given.map((g, i) => (
          <li key={i}>{g}</li>
        ))}
      </ol>
      <p class="label">
        <Ui lang={ui}>{labels.rightOrder}</Ui>
      </p>
      <ol lang={lang}>
        {order.expected.map((g, i) => (
          <li key={i}>{g}</li>
        ))}
      </ol>
    </details>
  );
}

/** "Solution: …": true/false in the UI language, anything else in the quiz language. */
export function Solution({ result, labels, lang }: Common & { result: CheckResult }) {
  const ui = labels.lang;
  return (
    <p class="solution">
      <Ui lang={ui} class="label">
        {labels.solution}:
      </Ui>{' '}
      {result.type === 'truefalse' ? (
        <Ui lang={ui}>{result.solutionText === 'true' ? labels.trueLabel : labels.falseLabel}</Ui>
      ) : (
        <span lang={lang}>{result.solutionText}</span>
      )}
    </p>
  );
}

export function Explanation({ text, labels, lang }: Common & { text: string }) {
  return (
    <p class="explanation">
      <Ui lang={labels.lang} class="label">
        {labels.explanation}:
      </Ui>{' '}
      <span lang={lang}>
        <RichText text={text} inline />
      </span>
    </p>
  );
}

/** The source sentences in every language, each with a link to it in its lesson (in the UI language `uiLang`). */
export function Sources({ sources, labels, uiLang }: { sources: CheckResult['sources']; labels: QuizLabels; uiLang: string }) {
  const ui = labels.lang;
  return (
    <div class="sources">
      <p class="label">
        <Ui lang={ui}>{labels.source}</Ui>
      </p>
      {sources.map((s) => (
        <blockquote key={s.id}>
          {Object.entries(s.text).map(([l, text]) => (
            <p key={l} lang={l}>
              {text}
            </p>
          ))}
          <a href={`/${uiLang}/lessons/${s.lesson}#s-${s.id}`}>
            <Ui lang={ui}>{labels.readInLesson}</Ui>
          </a>
        </blockquote>
      ))}
    </div>
  );
}
