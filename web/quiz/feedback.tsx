import type { FeedbackItem } from '../../core/quiz/grade.ts';
import type { CheckResult, QuizLabels } from './types.ts';

interface Props {
  result: CheckResult;
  labels: QuizLabels;
  /** Language of the quiz content. */
  lang: string;
  /** UI language, for links into the reader. */
  uiLang: string;
  headingId?: string;
}

export function verdict(score: number, labels: QuizLabels) {
  return score === 1 ? labels.correct : score > 0 ? labels.partly : labels.wrong;
}

const pct = (n: number) => `${Math.round(n * 100)} %`;

/** What was right and what was wrong, the solution, the explanation and the source sentence in both languages. */
export function Feedback({ result, labels, lang, uiLang, headingId }: Props) {
  const tone = !result.graded ? 'ungraded' : result.score === 1 ? 'ok' : result.score > 0 ? 'partly' : 'bad';
  return (
    <div class={`feedback ${tone}`}>
      <p class="verdict" id={headingId} tabIndex={-1}>
        {result.graded ? (
          <>
            <strong>{verdict(result.score, labels)}</strong> <span class="score">({pct(result.score)})</span>
          </>
        ) : (
          <strong>{labels.ungraded}</strong>
        )}
      </p>
      <ul class="details" lang={lang}>
        {result.items.map((item, i) => (
          <Detail key={i} item={item} labels={labels} n={result.items.slice(0, i + 1).filter((x) => x.kind === 'gap').length} />
        ))}
      </ul>
      {result.notes.map((n, i) => (
        <p key={i} class="note" lang={lang}>
          {n}
        </p>
      ))}
      {result.graded && result.score < 1 && (
        <p class="solution">
          <span class="label">{labels.solution}:</span> <span lang={lang}>{solutionLabel(result, labels)}</span>
        </p>
      )}
      {result.explanation && (
        <p class="explanation">
          <span class="label">{labels.explanation}:</span> <span lang={lang}>{result.explanation}</span>
        </p>
      )}
      {result.sources.length > 0 && (
        <div class="sources">
          <p class="label">{labels.source}</p>
          {result.sources.map((s) => (
            <blockquote key={s.id}>
              {Object.entries(s.text).map(([l, text]) => (
                <p key={l} lang={l}>
                  {text}
                </p>
              ))}
              <a href={`/${uiLang}/lessons/${s.lesson}#s-${s.id}`}>{labels.readInLesson}</a>
            </blockquote>
          ))}
        </div>
      )}
    </div>
  );
}

function solutionLabel(result: CheckResult, labels: QuizLabels) {
  if (result.type === 'truefalse') return result.solutionText === 'true' ? labels.trueLabel : labels.falseLabel;
  return result.solutionText;
}

function Detail({ item, labels, n }: { item: FeedbackItem; labels: QuizLabels; n: number }) {
  switch (item.kind) {
    case 'choice':
      if (!item.chosen && !item.right) return null;
      return (
        <li class={item.right === item.chosen ? 'ok' : 'bad'}>
          {item.chosen ? (item.right ? labels.chosenRight : labels.chosenWrong) : labels.missed}: {item.text}
        </li>
      );
    case 'truefalse':
      return (
        <li class={item.given === item.expected ? 'ok' : 'bad'}>
          {labels.yourAnswer}: {item.given ? labels.trueLabel : labels.falseLabel}
        </li>
      );
    case 'text':
    case 'gap':
      return (
        <li class={item.match === 'exact' || item.match === 'typo' ? 'ok' : 'bad'}>
          {item.kind === 'gap' ? `${labels.gap.replace('{{n}}', String(n))}: ` : ''}
          {labels.yourAnswer}: {item.given ? <q>{item.given}</q> : labels.noAnswer}
          {item.match === 'typo' && <> — {labels.spelledAs.replace('{{expected}}', item.expected)}</>}
          {item.match === 'case' && <> — {labels.caseHint.replace('{{expected}}', item.expected)}</>}
          {item.match === 'none' && <> — {labels.expected.replace('{{expected}}', item.expected)}</>}
          {'note' in item && item.note && <> — {item.note}</>}
        </li>
      );
    case 'pair':
      return (
        <li class={item.right ? 'ok' : 'bad'}>
          {item.left} → {item.given ?? labels.noAnswer}
          {!item.right && <> — {labels.expected.replace('{{expected}}', item.expected)}</>}
        </li>
      );
    case 'order':
      return (
        <li class={item.longestInOrder === item.total ? 'ok' : 'bad'}>
          {labels.inOrder.replace('{{n}}', String(item.longestInOrder)).replace('{{total}}', String(item.total))}
          <br />
          {labels.yourAnswer}: {item.given.join(' → ')}
        </li>
      );
    case 'essay':
      return (
        <li class="ungraded">
          {labels.ungraded}: <span class="essay-text">{item.given || labels.noAnswer}</span>
        </li>
      );
    case 'number':
      return (
        <li class={item.right ? 'ok' : 'bad'}>
          {labels.yourAnswer}: {String(item.given)}
          {!item.right && <> — {labels.expected.replace('{{expected}}', item.expected)}</>}
        </li>
      );
  }
}
