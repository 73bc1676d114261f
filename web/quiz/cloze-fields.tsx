import type { ClozePart, LearnerQuestion } from '../../core/quiz/learner.ts';
import { fid, typedFieldAttrs } from './field-parts.tsx';
import { fieldName } from './form.ts';
import { RichText } from './rich-text.tsx';
import type { QuizLabels } from './types.ts';

type Cloze = Extract<LearnerQuestion, { type: 'cloze' }>;
type GapPart = Exclude<ClozePart, { text: string }>;

interface Props {
  q: Cloze;
  labels: QuizLabels;
  /** The gaps as answered before (typed text, a choice id, or the ids of a multi-response gap). */
  given?: Readonly<Record<string, string | readonly string[]>> | undefined;
  locked?: boolean | undefined;
}

/**
 * A cloze text with its gaps as native controls, as Moodle shows embedded answers: typed and numerical gaps as
 * inputs, choice gaps as a select, or radio buttons (one answer) / checkboxes (several) in a column or a row.
 * Every control posts as `r.{question}.{gap}` (checkboxes once per ticked choice), so no JavaScript is needed;
 * each gap is labelled "Gap n" in the UI language, and every choice is a label of at least 44 px.
 */
export function ClozeFields({ q, labels, given, locked }: Props) {
  const ui = labels.lang;
  let n = 0;
  return (
    <p class="cloze">
      {q.parts.map((p, i) => {
        if (!('gap' in p)) return <RichText key={i} text={p.text} inline />;
        n++;
        return <Gap key={i} q={q} part={p} n={n} ui={ui} labels={labels} value={given?.[p.gap]} locked={locked} />;
      })}
    </p>
  );
}

interface GapProps {
  q: Cloze;
  part: GapPart;
  n: number;
  ui: string;
  labels: QuizLabels;
  value: string | readonly string[] | undefined;
  locked?: boolean | undefined;
}

/** One gap: a group of choices shown as buttons, or a select, or a text field. */
function Gap(p: GapProps) {
  const { part } = p;
  return 'choices' in part && part.display !== 'select' ? <ChoiceGroup {...p} part={part} /> : <SelectOrInput {...p} />;
}

/** Radio buttons (one answer) or checkboxes (several) in a column or a row, named "Gap n" as a group. */
function ChoiceGroup({ q, part, n, ui, labels, value, locked }: GapProps & { part: Extract<GapPart, { choices: unknown }> }) {
  const id = fid(q, part.gap);
  const one = typeof value === 'string' ? value : undefined;
  const picked = Array.isArray(value) ? value : one ? [one] : [];
  return (
    <span class={`gap-group ${part.display}`} role={part.multiple ? 'group' : 'radiogroup'} aria-labelledby={`${id}-label`}>
      <span class="visually-hidden" id={`${id}-label`} lang={ui}>
        {labels.gap.replace('{{n}}', String(n))}
      </span>
      {part.choices.map((c) => (
        <label key={c.id} class="choice" for={`${id}-${c.id}`}>
          <input
            type={part.multiple ? 'checkbox' : 'radio'}
            id={`${id}-${c.id}`}
            name={fieldName(q.id, part.gap)}
            value={c.id}
            checked={picked.includes(c.id) || undefined}
            disabled={locked}
          />
          <span class="choice-text">{c.text}</span>
        </label>
      ))}
    </span>
  );
}

/** A select of choices or options, else a text field (a number field for a numerical gap), labelled "Gap n". */
function SelectOrInput({ q, part, n, ui, labels, value, locked }: GapProps) {
  const id = fid(q, part.gap);
  const name = fieldName(q.id, part.gap);
  const one = typeof value === 'string' ? value : undefined;
  const options =
    'choices' in part
      ? part.choices.map((c) => ({ value: c.id, text: c.text }))
      : 'options' in part && part.options
        ? part.options.map((o) => ({ value: o, text: o }))
        : undefined;
  return (
    <span class="gap-wrap">
      <label class="visually-hidden" for={id} lang={ui}>
        {labels.gap.replace('{{n}}', String(n))}
      </label>
      {options ? (
        <select id={id} name={name} disabled={locked}>
          <option value="" lang={ui}>
            {labels.choose}
          </option>
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={one === o.value}>
              {o.text}
            </option>
          ))}
        </select>
      ) : (
        <input
          class={'input' in part ? 'gap number' : 'gap'}
          type="text"
          inputMode={'input' in part ? 'decimal' : undefined}
          id={id}
          name={name}
          value={one}
          readOnly={locked}
          {...typedFieldAttrs}
          maxLength={100}
        />
      )}
    </span>
  );
}
