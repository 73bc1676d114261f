import { assertNever } from '../../core/quiz/kinds/assert-never.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { MatchFields, OrderFields } from './arrange-fields.tsx';
import { ChoiceFields, TrueFalseFields } from './choice-fields.tsx';
import { ClozeFields } from './cloze-fields.tsx';
import { DictationField } from './dictation-field.tsx';
import type { Given } from './field-parts.tsx';
import { EssayField, NumberField, ShortField } from './text-fields.tsx';
import type { CheckResult, QuizLabels } from './types.ts';

interface Props {
  q: LearnerQuestion;
  labels: QuizLabels;
  /** What the learner answered, to show it again after checking. */
  given?: AnyResponse | undefined;
  locked?: boolean;
  /** The graded answer: marks each choice, pair or item right or wrong in place. */
  result?: CheckResult | null | undefined;
}

/**
 * The inputs of one question as native form controls: radio buttons, checkboxes, text fields and selects.
 * They work with keyboard, touch and screen readers, and without JavaScript; matching and ordering use
 * selects, so nothing depends on dragging. The fieldset around them carries the content language; every UI
 * word in here is wrapped in the UI language (Ui, or `lang` on an option). One component per kind, chosen by a
 * switch that ends in assertNever: a new kind is a compile error here until it has inputs.
 */
export function QuestionFields({ q, labels, given, locked, result }: Props) {
  // Values are set only from a given answer (shown again after checking); a fresh question starts empty.
  const g = given as Given;
  const items = result?.items ?? [];
  switch (q.type) {
    case 'single':
    case 'multiple':
      return <ChoiceFields q={q} labels={labels} given={g} locked={locked} items={items} />;
    case 'truefalse':
      return <TrueFalseFields q={q} labels={labels} given={g} locked={locked} items={items} />;
    case 'short':
      return <ShortField q={q} labels={labels} given={g} locked={locked} />;
    case 'essay':
      return <EssayField q={q} labels={labels} given={g} locked={locked} />;
    case 'numerical':
      return <NumberField q={q} labels={labels} given={g} locked={locked} />;
    case 'cloze':
      return <ClozeFields q={q} labels={labels} given={g?.gaps} locked={locked} />;
    case 'match':
      return <MatchFields q={q} labels={labels} given={g} locked={locked} items={items} />;
    case 'order':
      return <OrderFields q={q} labels={labels} given={g} locked={locked} items={items} />;
    case 'dictation':
      return <DictationField q={q} labels={labels} given={g} locked={locked} />;
    default:
      return assertNever(q);
  }
}
