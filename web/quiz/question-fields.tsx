import type { FeedbackItem } from '../../core/quiz/grade.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { Ui } from '../components/ui-text.tsx';
import { fieldName } from './form.ts';
import type { CheckResult, QuizLabels } from './types.ts';
import { ClozeFields } from './cloze-fields.tsx';
import { RichText } from './rich-text.tsx';

interface Props {
  q: LearnerQuestion;
  labels: QuizLabels;
  /** What the learner answered, to show it again after checking. */
  given?: AnyResponse | undefined;
  locked?: boolean;
  /** The graded answer: marks each choice, pair or item right or wrong in place. */
  result?: CheckResult | null | undefined;
  /** Field names that clash (two items at one position, one answer for two items), flagged before checking. */
  invalid?: readonly string[] | undefined;
  /** Id of the message that explains the problem, for aria-describedby. */
  problemId?: string | undefined;
}

const fid = (q: LearnerQuestion, part: string) => `f-${q.id}-${part}`;

/** A right/wrong mark in the UI language: icon and words, never colour alone. */
function Mark({ ok, text, lang }: { ok: boolean; text: string; lang: string }) {
  return (
    <Ui lang={lang} class={`mark ${ok ? 'ok' : 'bad'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {text}
    </Ui>
  );
}

/**
 * The inputs of one question as native form controls: radio buttons, checkboxes, text fields and selects.
 * They work with keyboard, touch and screen readers, and without JavaScript; matching and ordering use
 * selects, so nothing depends on dragging. The fieldset around them carries the content language; every UI
 * word in here is wrapped in the UI language (Ui, or `lang` on an option).
 */
export function QuestionFields({ q, labels, given, locked, result, invalid, problemId }: Props) {
  // Values are set only from a given answer: left undefined, a re-render (a flagged clash, a problem message)
  // does not reset what the learner is typing or has ticked.
  const g = given as Record<string, any> | undefined;
  const ui = labels.lang;
  const items = result?.items ?? [];
  const flagged = (name: string) => (invalid?.includes(name) ? { 'aria-invalid': 'true' as const, 'aria-describedby': problemId } : {});
  switch (q.type) {
    case 'single':
    case 'multiple': {
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
    case 'truefalse': {
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
    case 'short':
      return (
        <p>
          <label class="visually-hidden" for={fid(q, 'text')} lang={ui}>
            {labels.yourAnswer}
          </label>
          <input
            class="text"
            type="text"
            id={fid(q, 'text')}
            name={fieldName(q.id)}
            value={g ? g.text : undefined}
            readOnly={locked}
            autocomplete="off"
            spellcheck={false}
            maxLength={500}
          />
        </p>
      );
    case 'essay':
      return (
        <p>
          <label class="visually-hidden" for={fid(q, 'essay')} lang={ui}>
            {labels.yourAnswer}
          </label>
          <textarea class="essay" id={fid(q, 'essay')} name={fieldName(q.id)} rows={6} readOnly={locked} maxLength={10000}>
            {g ? g.text : undefined}
          </textarea>
        </p>
      );
    case 'numerical':
      return (
        <p class="number-row">
          <label for={fid(q, 'number')} lang={ui}>
            {labels.numberHint}
          </label>{' '}
          <input
            class="number"
            type="text"
            inputMode="decimal"
            id={fid(q, 'number')}
            name={fieldName(q.id)}
            value={g ? String(g.number) : undefined}
            readOnly={locked}
            autocomplete="off"
            maxLength={20}
          />
        </p>
      );
    case 'cloze':
      return <ClozeFields q={q} labels={labels} given={g?.gaps} locked={locked} />;
    case 'match': {
      const pairs = items.filter((i) => i.kind === 'pair');
      return (
        <ul class="pairs">
          {q.left.map((l, i) => {
            const fb = pairs[i];
            return (
              <li key={l.id}>
                <label for={fid(q, l.id)}>
                  <RichText text={l.text} inline />
                </label>
                <select id={fid(q, l.id)} name={fieldName(q.id, l.id)} disabled={locked} {...flagged(fieldName(q.id, l.id))}>
                  <option value="" lang={ui}>
                    {labels.choose}
                  </option>
                  {q.right.map((r) => (
                    <option key={r.id} value={r.id} selected={g?.pairs?.[l.id] === r.id}>
                      {r.text}
                    </option>
                  ))}
                </select>
                {fb && <Mark lang={ui} ok={fb.right} text={fb.right ? labels.markRight : labels.markWrong} />}
              </li>
            );
          })}
        </ul>
      );
    }
    case 'order': {
      // Positions start empty ("—"): an order left as shown is unanswered, not a guess.
      const placed: string[] = g?.order ?? [];
      const fb = items.find((i) => i.kind === 'order');
      return (
        <ol class="order">
          {q.items.map((it) => {
            const pos = placed.indexOf(it.id) + 1;
            const belongs = fb ? fb.expected.indexOf(it.text) + 1 : 0;
            return (
              <li key={it.id}>
                <label for={fid(q, it.id)}>{it.text}</label>
                <select id={fid(q, it.id)} name={fieldName(q.id, it.id)} disabled={locked} {...flagged(fieldName(q.id, it.id))}>
                  <option value="" lang={ui}>
                    {labels.positionNone}
                  </option>
                  {q.items.map((_, k) => (
                    <option key={k} value={String(k + 1)} selected={pos === k + 1} lang={ui}>
                      {labels.position.replace('{{n}}', String(k + 1))}
                    </option>
                  ))}
                </select>
                {fb && belongs > 0 && (
                  <Mark
                    lang={ui}
                    ok={pos === belongs}
                    text={pos === belongs ? labels.inPlace : labels.belongsAt.replace('{{n}}', String(belongs))}
                  />
                )}
              </li>
            );
          })}
        </ol>
      );
    }
  }
}
