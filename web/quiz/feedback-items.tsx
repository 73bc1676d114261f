// The parts of a feedback that explain one item: a typed answer's note, a misplaced order item, a detail row.
import type { FeedbackItem } from '../../core/quiz/grade.ts';
import { fill, Ui } from '../components/ui-text.tsx';
import { formatNumber } from '../format.ts';
import type { QuizLabels } from './types.ts';

export type Of<K extends FeedbackItem['kind']> = Extract<FeedbackItem, { kind: K }>;

/** Only the items out of place, each with where it belongs: a long order stays short. */
export function Misplaced({ item, labels, lang }: { item: Of<'order'>; labels: QuizLabels; lang: string }) {
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

export function Detail({
  item,
  labels,
  lang,
  gap,
  single = false,
}: {
  item: FeedbackItem;
  labels: QuizLabels;
  lang: string;
  gap: number;
  single?: boolean;
}) {
  const ui = labels.lang;
  switch (item.kind) {
    case 'choice':
      if (!item.chosen && !item.right) return null;
      return (
        <li class={item.right === item.chosen ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {/* One right answer: the one not chosen is "the right answer", not "also right". */}
            {item.chosen ? (item.right ? labels.chosenRight : labels.chosenWrong) : single ? capitalize(labels.rightAnswer) : labels.missed}
            :{' '}
          </Ui>
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

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
