// The inputs of the kinds whose learner writes: a text field, a textarea, a number field.
import { fid, typedFieldAttrs, type FieldProps } from './field-parts.tsx';
import { fieldName } from './form.ts';

type Props<K extends 'short' | 'essay' | 'numerical'> = Omit<FieldProps<K>, 'items'>;

/** One text field, labelled for screen readers only (the prompt above says what to type). */
export function ShortField({ q, labels, given: g, locked }: Props<'short'>) {
  return (
    <p>
      <label class="visually-hidden" for={fid(q, 'text')} lang={labels.lang}>
        {labels.yourAnswer}
      </label>
      <input
        class="text"
        type="text"
        id={fid(q, 'text')}
        name={fieldName(q.id)}
        value={g ? g.text : undefined}
        readOnly={locked}
        {...typedFieldAttrs}
        maxLength={500}
      />
    </p>
  );
}

export function EssayField({ q, labels, given: g, locked }: Props<'essay'>) {
  return (
    <p>
      <label class="visually-hidden" for={fid(q, 'essay')} lang={labels.lang}>
        {labels.yourAnswer}
      </label>
      <textarea class="essay" id={fid(q, 'essay')} name={fieldName(q.id)} rows={6} readOnly={locked} {...typedFieldAttrs} maxLength={10000}>
        {g ? g.text : undefined}
      </textarea>
    </p>
  );
}

/** A text field for a number (a decimal keyboard on phones), with how to write it as its label. */
export function NumberField({ q, labels, given: g, locked }: Props<'numerical'>) {
  return (
    <p class="number-row">
      <label for={fid(q, 'number')} lang={labels.lang}>
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
        {...typedFieldAttrs}
        maxLength={20}
      />
    </p>
  );
}
