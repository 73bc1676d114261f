// The parts of a feedback that explain one item: a typed answer's note, a misplaced order item, a detail row.
import type { FeedbackItem } from '../../core/quiz/grade.ts';
import { assertNever } from '../../core/quiz/kinds/assert-never.ts';
import { fill, Ui } from '../components/ui-text.tsx';
import { formatNumber } from '../format.ts';
import { DictationDetail } from './dictation-feedback.tsx';
import { TextDetail } from './feedback-text.tsx';
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

/**
 * One line of the feedback for one item of the answer, by the item's kind (a switch that ends in assertNever: a
 * new kind of item is a compile error here until the feedback says something about it).
 */
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
      return <ChoiceDetail item={item} labels={labels} lang={lang} single={single} />;
    case 'truefalse':
      return (
        <li class={item.given === item.expected ? 'ok' : 'bad'}>
          <Ui lang={ui}>
            {labels.yourAnswer}: {item.given ? labels.trueLabel : labels.falseLabel}
          </Ui>
        </li>
      );
    case 'text':
    case 'gap':
      return <TextDetail item={item} labels={labels} lang={lang} gap={gap} />;
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
      return <EssayDetail item={item} labels={labels} lang={lang} />;
    case 'number':
      return <NumberDetail item={item} labels={labels} />;
    case 'dictation':
      return <DictationDetail item={item} labels={labels} />;
    default:
      return assertNever(item, 'feedback item');
  }
}

/** A choice picked or missed; one not picked and not right says nothing. */
function ChoiceDetail({ item, labels, lang, single }: { item: Of<'choice'>; labels: QuizLabels; lang: string; single: boolean }) {
  if (!item.chosen && !item.right) return null;
  return (
    <li class={item.right === item.chosen ? 'ok' : 'bad'}>
      <Ui lang={labels.lang}>
        {/* One right answer: the one not chosen is "the right answer", not "also right". */}
        {item.chosen ? (item.right ? labels.chosenRight : labels.chosenWrong) : single ? capitalize(labels.rightAnswer) : labels.missed}
        :{' '}
      </Ui>
      <span lang={lang}>{item.text}</span>
    </li>
  );
}

/** The essay as written, ungraded. */
function EssayDetail({ item, labels, lang }: { item: Of<'essay'>; labels: QuizLabels; lang: string }) {
  const ui = labels.lang;
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
}

/** The number given in the UI's notation, and the expected one when it is wrong. */
function NumberDetail({ item, labels }: { item: Of<'number'>; labels: QuizLabels }) {
  const ui = labels.lang;
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

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
