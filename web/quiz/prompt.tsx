import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { Ui } from '../components/ui-text.tsx';
import { RichText } from './rich-text.tsx';
import type { QuizLabels } from './types.ts';

/** Moodle's embedded answers keep the text with its blanks as the prompt ("… _____ …"). */
const BLANK = '_____';

/**
 * A question's prompt as the learner reads it: the instructor's safe markup rendered as nodes. A cloze whose
 * prompt only repeats its own text with blanks (an imported Moodle Cloze) is introduced by "Fill in the gaps"
 * in the UI language instead, so the text is not shown twice.
 */
export function Prompt({ q, labels }: { q: LearnerQuestion; labels: QuizLabels }) {
  if (q.type === 'cloze' && q.prompt.includes(BLANK)) return <Ui lang={labels.lang}>{labels.fillGaps}</Ui>;
  return <RichText text={q.prompt} />;
}
