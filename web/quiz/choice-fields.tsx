// The inputs of the kinds whose learner picks: radio buttons (one answer, true/false) or checkboxes (several).
import type { FeedbackItem } from '../../core/quiz/grade.ts';
import { Ui } from '../components/ui-text.tsx';
import { fid, Mark, type FieldProps } from './field-parts.tsx';
import { fieldName } from './form.ts';
import { RichText } from './rich-text.tsx';

/** One radio button (single) or checkbox (multiple) per choice, each marked in place once checked. */
export function ChoiceFields({ q, labels, given: g, locked, items }: FieldProps<'single' | 'multiple'>) {
  const ui = labels.lang;
  const byId = new Map(items.filter((i): i is Extract<FeedbackItem, { kind: 'choice' }> => i.kind === 'choice').map((i) => [i.id, i]));
  return (
    <ul class="choices">
      {q.choices.map((c) => {
        const checked = q.type === 'single' ? g?.choice === c.id : (g?.choices as string[] | undefined)?.includes(c.id);
        const fb = byId.get(c.id);
        return (
          <li key={c.id} class={fb ? `marked ${fb.chosen ? 'chosen' : ''}` : undefined}>
            <label class="choice" for={fid(q, c.id)}>
              <input
                type={q.type === 'single' ? 'radio' : 'checkbox'}
                id={fid(q, c.id)}
                name={fieldName(q.id)}
                value={c.id}
                checked={g ? !!checked : undefined}
                disabled={locked}
              />
              <span class="choice-text">
                <RichText text={c.text} inline />
              </span>
              {fb && (fb.chosen || fb.right) && (
                <Mark
                  lang={ui}
                  ok={fb.right}
                  text={
                    fb.chosen
                      ? fb.right
                        ? labels.chosenRight
                        : labels.chosenWrong
                      : q.type === 'single'
                        ? labels.rightAnswer
                        : labels.missed
                  }
                />
              )}
            </label>
          </li>
        );
      })}
    </ul>
  );
}

/** Two radio buttons, True and False in the UI language. */
export function TrueFalseFields({ q, labels, given: g, locked, items }: FieldProps<'truefalse'>) {
  const ui = labels.lang;
  const fb = items.find((i) => i.kind === 'truefalse');
  return (
    <ul class="choices">
      {(['true', 'false'] as const).map((v) => {
        const value = v === 'true';
        const chosen = fb ? fb.given === value : false;
        const right = fb ? fb.expected === value : false;
        return (
          <li key={v} class={fb ? `marked ${chosen ? 'chosen' : ''}` : undefined}>
            <label class="choice" for={fid(q, v)}>
              <input
                type="radio"
                id={fid(q, v)}
                name={fieldName(q.id)}
                value={v}
                checked={g ? g.value === value : undefined}
                disabled={locked}
              />
              <Ui lang={ui} class="choice-text">
                {value ? labels.trueLabel : labels.falseLabel}
              </Ui>
              {fb && (chosen || right) && (
                <Mark lang={ui} ok={right} text={chosen ? (right ? labels.chosenRight : labels.chosenWrong) : labels.rightAnswer} />
              )}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
