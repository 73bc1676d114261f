import { Ui } from '../components/ui-text.tsx';
import { formatPercent } from '../format.ts';
import type { CheckResult, QuizLabels } from './types.ts';
import { RichText } from './rich-text.tsx';
import { Detail, Misplaced, type Of } from './feedback-items.tsx';
import { AllPairs, Explanation, OrderShown, Solution, Sources, WrongPairs } from './feedback-parts.tsx';

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
        <Verdict result={result} tone={tone} labels={labels} />
      </H>
      {lines.length > 0 && <ul class="details">{lines}</ul>}
      {!marked && pairs.some((p) => !p.right) && <WrongPairs pairs={pairs} labels={labels} lang={lang} />}
      {pairs.length > 0 && <AllPairs pairs={pairs} labels={labels} lang={lang} />}
      {order && !marked && <Misplaced item={order} labels={labels} lang={lang} />}
      {order && <OrderShown order={order} labels={labels} lang={lang} />}
      {result.notes.map((n, i) => (
        <div key={i} class="note" lang={lang}>
          <RichText text={n} />
        </div>
      ))}
      {result.outcomeFeedback && (
        <div class="note outcome-feedback" lang={lang}>
          <RichText text={result.outcomeFeedback} />
        </div>
      )}
      {showSolution && <Solution result={result} labels={labels} lang={lang} />}
      {result.explanation && <Explanation text={result.explanation} labels={labels} lang={lang} />}
      {result.sources.length > 0 && <Sources sources={result.sources} labels={labels} uiLang={uiLang} />}
    </Box>
  );
}

/** "✓ Correct (100 %)", "Not answered", or "Not graded", in the UI language. */
function Verdict({ result, tone, labels }: { result: CheckResult; tone: string; labels: QuizLabels }) {
  return (
    <Ui lang={labels.lang}>
      {result.graded && (result as { answered?: boolean }).answered === false ? (
        <>
          <span aria-hidden="true">✗ </span>
          {labels.notAnsweredVerdict}
        </>
      ) : result.graded ? (
        <>
          <span aria-hidden="true">{tone === 'ok' ? '✓ ' : tone === 'bad' ? '✗ ' : '◐ '}</span>
          {verdict(result.score, labels)} <span class="score">({formatPercent(labels.lang, result.score)})</span>
        </>
      ) : (
        labels.ungraded
      )}
    </Ui>
  );
}
