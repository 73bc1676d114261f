// What the feedback says about a typed answer (a short answer or a gap): what was typed, and how it compares.
import type { FeedbackItem } from '../../core/quiz/grade.ts';
import { assertNever } from '../../core/quiz/kinds/assert-never.ts';
import type { MatchKind } from '../../core/quiz/text-match.ts';
import { fill, Ui } from '../components/ui-text.tsx';
import type { QuizLabels } from './types.ts';

/** Typed answers that earn credit when grading does not say so itself. */
const okMatch = (m: string) => m === 'exact' || m === 'typo' || m === 'spelling';

/** What to say about a typed answer: the spelling it is written with, the ending, the other word, the key. */
function textHint(match: MatchKind, ending: string | undefined, labels: QuizLabels): string | null {
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
    case 'exact':
      return null;
    default:
      return assertNever(match, 'text match');
  }
}

/** "Gap 2: Your answer: “…” — written as …", the hint filled with the expected word, the typed word, the ending. */
export function TextDetail({
  item,
  labels,
  lang,
  gap,
}: {
  item: Extract<FeedbackItem, { kind: 'text' | 'gap' }>;
  labels: QuizLabels;
  lang: string;
  gap: number;
}) {
  const ui = labels.lang;
  const v = item as typeof item & { accepted?: boolean; ending?: string; word?: string };
  const values = {
    expected: <span lang={lang}>{v.expected}</span>,
    word: <span lang={lang}>{v.word ?? v.given}</span>,
    ending: <span lang={lang}>{v.ending ?? ''}</span>,
  };
  const hint = textHint(v.match, v.ending, labels);
  return (
    <li class={(v.accepted ?? okMatch(v.match)) ? 'ok' : 'bad'}>
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
