import type { FeedbackItem } from '../../core/quiz/grade.ts';
import { fill, Ui } from '../components/ui-text.tsx';
import { formatNumber, formatPercent } from '../format.ts';
import type { CheckResult, QuizLabels } from './types.ts';
import { RichText } from './rich-text.tsx';

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

type Of<K extends FeedbackItem['kind']> = Extract<FeedbackItem, { kind: K }>;

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
    return [<Detail key={i} item={item} labels={labels} lang={lang} gap={gap} />];
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

/** Only the items out of place, each with where it belongs: a long order stays short. */
function Misplaced({ item, labels, lang }: { item: Of<'order'>; labels: QuizLabels; lang: string }) {
  const wrong = item.given.map((text, i) => ({ text, at: i, belongs: item.expected.indexOf(text) })).filter((x) => x.belongs !== x.at);
  if (!wrong.length) return null;
  return (
    <>
      <p class="label">
        <Ui lang={labels.lang}>{labels.misplaced}</Ui>
      </p>
      <ul class="details">
        {wrong.map((w) => (
          <li key={w.at} class="bad">
            <span lang={lang}>{w.text}</span>
            <Ui lang={labels.lang}> — {labels.belongsAt.replace('{{n}}', String(w.belongs + 1))}</Ui>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Typed answers that earn credit when grading does not say so itself. */
const okMatch = (m: string) => m === 'exact' || m === 'typo' || m === 'spelling';

/** What to say about a typed answer: the spelling it is written with, the ending, the other word, the key. */
function textHint(match: string, ending: string | undefined, labels: QuizLabels): string | null {
  switch (match) {
    case 'spelling':
      return labels.writtenAs;
    case 'typo':
      return labels.spelledAs;
    case 'case':
      return labels.caseHint;
    case 'ending':
      return ending ? labels.endingHint : labels.endingNone;
    case 'otherWord':
      return labels.otherWord;
    case 'none':
      return labels.expected;
    default:
      return null;
  }
}

function Detail({ item, labels, lang, gap }: { item: FeedbackItem; labels: QuizLabels; lang: string; gap: number }) {
  const ui = labels.lang;
  switch (item.kind) {
    case 'choice':
      if (!item.chosen && !item.right) return null;
      return (
        <li class={item.right === item.chosen ? 'ok' : 'bad'}>
          <Ui lang={ui}>{item.chosen ? (item.right ? labels.chosenRight : labels.chosenWrong) : labels.missed}: </Ui>
          <span lang={lang}>{item.text}</span>
        </li>
      );
    case 'truefalse':
      return (
        <li class={item.given === item.expected ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {labels.yourAnswer}: {item.given ? labels.trueLabel : labels.falseLabel}
          </Ui>
        </li>
      );
    case 'text':
    case 'gap': {
      const v = item as typeof item & { accepted?: boolean; ending?: string; word?: string };
      const match = v.match as string;
      const values = {
        expected: <span lang={lang}>{v.expected}</span>,
        word: <span lang={lang}>{v.word ?? v.given}</span>,
        ending: <span lang={lang}>{v.ending ?? ''}</span>,
      };
      const hint = textHint(match, v.ending, labels);
      return (
        <li class={(v.accepted ?? okMatch(match)) ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {item.kind === 'gap' ? `${labels.gap.replace('{{n}}', String(gap))}: ` : ''}
            {labels.yourAnswer}:{' '}
          </Ui>
          {v.given ? <q lang={lang}>{v.given}</q> : <Ui lang={ui}>{labels.noAnswer}</Ui>}
          {hint && (
            <>
              <Ui lang={ui}> — </Ui>
              {fill(ui, hint, values)}
            </>
          )}
          {'note' in item && item.note && (
            <>
              {' — '}
              <span lang={lang}>{item.note}</span>
            </>
          )}
        </li>
      );
    }
    case 'pair':
      return null; // listed together below: only the wrong pairs, and all of them behind "show all"
    case 'order':
      return (
        <li class={item.longestInOrder === item.total ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {item.longestInOrder === item.total
              ? labels.allInPlace
              : labels.inOrder.replace('{{n}}', formatNumber(ui, item.longestInOrder)).replace('{{total}}', formatNumber(ui, item.total))}
          </Ui>
        </li>
      );
    case 'essay':
      return (
        <li class="ungraded">
          <Ui lang={ui}>{labels.yourAnswer}: </Ui>
          {item.given ? (
            <span class="essay-text" lang={lang}>
              {item.given}
            </span>
          ) : (
            <Ui lang={ui}>{labels.noAnswer}</Ui>
          )}
        </li>
      );
    case 'number':
      return (
        <li class={item.right ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {labels.yourAnswer}: {formatNumber(ui, item.given)}
          </Ui>
          {!item.right && (
            <>
              <Ui lang={ui}> — </Ui>
              {fill(ui, labels.expected, { expected: <span>{item.expected}</span> })}
            </>
          )}
        </li>
      );
  }
}
