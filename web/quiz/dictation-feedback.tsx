// A dictation's feedback: the text word by word, each word that is not simply right marked in words (never by
// colour alone), so a screen reader reads "misspelt: Technolgien, should be Technologien" in place.
import type { DictationWord, FeedbackItem } from '../../core/quiz/grade.ts';
import { Ui } from '../components/ui-text.tsx';
import { formatNumber } from '../format.ts';
import type { DictationLabels, QuizLabels } from './types.ts';

type Item = Extract<FeedbackItem, { kind: 'dictation' }>;

/** Where a page has not added the dictation's words: right or not right, in the quiz's own labels. */
const fallback = (l: QuizLabels): DictationLabels => ({
  play: '',
  playSlower: '',
  noVoice: '',
  show: l.solution,
  write: l.yourAnswer,
  words: l.scoreOf,
  right: l.markRight,
  misspelt: l.markWrong,
  ending: l.markWrong,
  missing: l.markWrong,
  extra: l.markWrong,
  shouldBe: l.solution,
  endingIs: l.markWrong,
  endingNone: l.markWrong,
});

/** The whole dictation as one line of the feedback list: how many words were right, then every word. */
export function DictationDetail({ item, labels }: { item: Item; labels: QuizLabels }) {
  const d = labels.dictation ?? fallback(labels);
  const ui = labels.lang;
  const total = item.words.filter((w) => w.status !== 'extra').length;
  const right = item.words.filter((w) => w.status === 'right').length;
  return (
    <li class={right === total && total === item.words.length ? 'ok' : 'bad'}>
      <Ui lang={ui}>{d.words.replace('{{n}}', formatNumber(ui, right)).replace('{{total}}', formatNumber(ui, total))}</Ui>
      <ol class="dictation-words" lang="de">
        {item.words.map((w, i) => (
          <Word key={i} w={w} d={d} ui={ui} />
        ))}
      </ol>
    </li>
  );
}

/** One word: a right word as written; any other with its class in words, what was written and what is right. */
function Word({ w, d, ui }: { w: DictationWord; d: DictationLabels; ui: string }) {
  if (w.status === 'right' && w.match === 'exact') return <li class="w-right">{w.expected}</li>;
  const tag = w.status === 'right' ? d.right : d[w.status];
  const ending = w.status === 'ending' ? (w.ending ? d.endingIs.replace('{{ending}}', w.ending) : d.endingNone) : null;
  return (
    <li class={`w-${w.status}`}>
      <Ui lang={ui} class="w-tag">
        {tag}
        {ending && `, ${ending}`}:{' '}
      </Ui>
      {w.status === 'missing' ? (
        <ins>{w.expected}</ins>
      ) : (
        <>
          <del>{w.given}</del>
          {w.expected !== undefined && w.expected !== w.given && (
            <>
              <Ui lang={ui} class="visually-hidden">
                {`, ${d.shouldBe} `}
              </Ui>
              <span aria-hidden="true"> → </span>
              <ins>{w.expected}</ins>
            </>
          )}
        </>
      )}
    </li>
  );
}
