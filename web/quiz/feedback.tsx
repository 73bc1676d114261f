import { fill, Ui } from '../components/ui-text.tsx';
import { formatPercent } from '../format.ts';
import type { CheckResult, QuizLabels } from './types.ts';
import { RichText } from './rich-text.tsx';
import { Detail, Misplaced, type Of } from './feedback-items.tsx';

interface Props {
  result: CheckResult;
  labels: QuizLabels;
  /** Language of the quiz content. */
  lang: string;
  /** UI language, for links into the reader. */
  uiLang: string;
  /** Id of the verdict heading: the region's name, and where focus goes after checking. */
  headingId: string;
  /** Heading level of the verdict, below the heading of the question. */
  level?: 3 | 4;
  /** The question's own list already marks each choice, pair and item (practice): say only the rest here. */
  marked?: boolean;
  /** A landmark region (one feedback on the page); a results page of many feedbacks leaves it out. */
  region?: boolean;
}

/** "Correct" / "Partly right" / "Not quite": verdict words distinct from the True/False labels. */
export function verdict(score: number, labels: QuizLabels) {
  return score === 1 ? labels.correct : score > 0 ? labels.partly : labels.wrong;
}

/**
 * What was right and what was wrong, the solution, the explanation and the source sentence in both languages:
 * one flat region named by its verdict heading. UI words carry the UI language, content the quiz language.
 */
export function Feedback({ result, labels, lang, uiLang, headingId, level = 3, marked = false, region = true }: Props) {
  const tone = !result.graded ? 'ungraded' : result.score === 1 ? 'ok' : result.score > 0 ? 'partly' : 'bad';
  const H = level === 3 ? 'h3' : 'h4';
  const Box = region ? 'section' : 'div';
  const ui = labels.lang;
  let gap = 0;
  const lines = result.items.flatMap((item, i) => {
    if (item.kind === 'gap') gap++;
    if (marked && (item.kind === 'choice' || item.kind === 'truefalse')) return [];
    return [<Detail key={i} item={item} labels={labels} lang={lang} gap={gap} single={result.type === 'single'} />];
  });
  const pairs = result.items.filter((i): i is Of<'pair'> => i.kind === 'pair');
  const order = result.items.find((i): i is Of<'order'> => i.kind === 'order');
  const showSolution = result.graded && result.score < 1 && result.type !== 'match' && result.type !== 'order';
  return (
    <Box class={`feedback ${tone}`} aria-labelledby={region ? headingId : undefined}>
      <H class="verdict" id={headingId} tabIndex={-1}>
        <Ui lang={ui}>
          {result.graded && (result as { answered?: boolean }).answered === false ? (
            <>
              <span aria-hidden="true">✗ </span>
              {labels.notAnsweredVerdict}
            </>
          ) : result.graded ? (
            <>
              <span aria-hidden="true">{tone === 'ok' ? '✓ ' : tone === 'bad' ? '✗ ' : '◐ '}</span>
              {verdict(result.score, labels)} <span class="score">({formatPercent(ui, result.score)})</span>
            </>
          ) : (
            labels.ungraded
          )}
        </Ui>
      </H>
      {lines.length > 0 && <ul class="details">{lines}</ul>}
      {!marked && pairs.some((p) => !p.right) && (
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
      )}
      {pairs.length > 0 && (
        <details class="show-all">
          <summary>
            <Ui lang={ui}>{labels.showPairs}</Ui>
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
      )}
      {order && !marked && <Misplaced item={order} labels={labels} lang={lang} />}
      {order && (
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
      )}
      {result.notes.map((n, i) => (
        <div key={i} class="note" lang={lang}>
          <RichText text={n} />
        </div>
      ))}
      {showSolution && (
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
      )}
      {result.explanation && (
        <p class="explanation">
          <Ui lang={ui} class="label">
            {labels.explanation}:
          </Ui>{' '}
          <span lang={lang}>
            <RichText text={result.explanation} inline />
          </span>
        </p>
      )}
      {result.sources.length > 0 && (
        <div class="sources">
          <p class="label">
            <Ui lang={ui}>{labels.source}</Ui>
          </p>
          {result.sources.map((s) => (
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
      )}
    </Box>
  );
}
