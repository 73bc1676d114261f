import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { fieldName } from './form.ts';
import type { QuizLabels } from './types.ts';

interface Props {
  q: LearnerQuestion;
  labels: QuizLabels;
  /** What the learner answered, to show it again after checking. */
  given?: AnyResponse | undefined;
  locked?: boolean;
}

const fid = (q: LearnerQuestion, part: string) => `f-${q.id}-${part}`;

/**
 * The inputs of one question as native form controls: radio buttons, checkboxes, text fields and selects.
 * They work with keyboard, touch and screen readers, and without JavaScript; matching and ordering use
 * selects, so nothing depends on dragging.
 */
export function QuestionFields({ q, labels, given, locked }: Props) {
  const g = given as Record<string, any> | undefined;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <ul class="choices">
          {q.choices.map((c) => {
            const checked = q.type === 'single' ? g?.choice === c.id : (g?.choices as string[] | undefined)?.includes(c.id);
            return (
              <li key={c.id}>
                <input
                  type={q.type === 'single' ? 'radio' : 'checkbox'}
                  id={fid(q, c.id)}
                  name={fieldName(q.id)}
                  value={c.id}
                  checked={!!checked}
                  disabled={locked}
                />
                <label for={fid(q, c.id)}>{c.text}</label>
              </li>
            );
          })}
        </ul>
      );
    case 'truefalse':
      return (
        <ul class="choices">
          {(['true', 'false'] as const).map((v) => (
            <li key={v}>
              <input type="radio" id={fid(q, v)} name={fieldName(q.id)} value={v} checked={g?.value === (v === 'true')} disabled={locked} />
              <label for={fid(q, v)}>{v === 'true' ? labels.trueLabel : labels.falseLabel}</label>
            </li>
          ))}
        </ul>
      );
    case 'short':
      return (
        <p>
          <label class="visually-hidden" for={fid(q, 'text')}>
            {labels.yourAnswer}
          </label>
          <input
            class="text"
            type="text"
            id={fid(q, 'text')}
            name={fieldName(q.id)}
            value={g?.text ?? ''}
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
          <label class="visually-hidden" for={fid(q, 'essay')}>
            {labels.yourAnswer}
          </label>
          <textarea class="essay" id={fid(q, 'essay')} name={fieldName(q.id)} rows={6} readOnly={locked} maxLength={10000}>
            {g?.text ?? ''}
          </textarea>
        </p>
      );
    case 'numerical':
      return (
        <p>
          <label for={fid(q, 'number')}>{labels.numberHint}</label>{' '}
          <input
            class="number"
            type="text"
            inputMode="decimal"
            id={fid(q, 'number')}
            name={fieldName(q.id)}
            value={g?.number ?? ''}
            readOnly={locked}
            autocomplete="off"
            maxLength={20}
          />
        </p>
      );
    case 'cloze': {
      let n = 0;
      return (
        <p class="cloze">
          {q.parts.map((p, i) => {
            if (!('gap' in p)) return <span key={i}>{p.text}</span>;
            n++;
            const label = labels.gap.replace('{{n}}', String(n));
            const value = g?.gaps?.[p.gap] ?? '';
            return p.options ? (
              <select key={i} name={fieldName(q.id, p.gap)} aria-label={label} disabled={locked}>
                <option value="">{labels.choose}</option>
                {p.options.map((o) => (
                  <option key={o} value={o} selected={value === o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                key={i}
                class="gap"
                type="text"
                name={fieldName(q.id, p.gap)}
                aria-label={label}
                value={value}
                readOnly={locked}
                autocomplete="off"
                spellcheck={false}
                maxLength={100}
              />
            );
          })}
        </p>
      );
    }
    case 'match':
      return (
        <ul class="pairs">
          {q.left.map((l) => (
            <li key={l.id}>
              <label for={fid(q, l.id)}>{l.text}</label>
              <select id={fid(q, l.id)} name={fieldName(q.id, l.id)} disabled={locked}>
                <option value="">{labels.choose}</option>
                {q.right.map((r) => (
                  <option key={r.id} value={r.id} selected={g?.pairs?.[l.id] === r.id}>
                    {r.text}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      );
    case 'order': {
      const placed: string[] = g?.order ?? q.items.map((it) => it.id);
      return (
        <ol class="order">
          {q.items.map((it, i) => {
            const pos = placed.indexOf(it.id) + 1 || i + 1;
            return (
              <li key={it.id}>
                <span id={fid(q, `t-${it.id}`)}>{it.text}</span>
                <label class="visually-hidden" for={fid(q, it.id)}>
                  {labels.positionOf.replace('{{item}}', it.text)}
                </label>
                <select id={fid(q, it.id)} name={fieldName(q.id, it.id)} disabled={locked}>
                  {q.items.map((_, k) => (
                    <option key={k} value={String(k + 1)} selected={pos === k + 1}>
                      {labels.position.replace('{{n}}', String(k + 1))}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ol>
      );
    }
  }
}
