// The inputs of a dictation: the player (or the sentence behind a button), and the text field to write in.
import { Island } from '../island.tsx';
import { Dictation, dictationData, SentenceBehindButton } from '../islands/dictation.tsx';
import { fid, typedFieldAttrs, type FieldProps } from './field-parts.tsx';
import { fieldName } from './form.ts';

type Props = Omit<FieldProps<'dictation'>, 'items'>;

/**
 * Play / Play slower and a textarea in German. The player is an island of its own on every page (practice,
 * test, review), enhanced in the browser. Without dictation labels (a page that has not added them) the
 * sentence is shown behind the Solution button only.
 */
export function DictationField({ q, labels, given: g, locked }: Props) {
  const d = labels.dictation;
  const player = d ? { text: q.dictate, labels: d, uiLang: labels.lang } : undefined;
  return (
    <div class="dictation">
      {/* Kept after checking, so the learner can listen again while reading the feedback. */}
      {player ? (
        <Island name="Dictation" component={Dictation} props={player} data={dictationData(player)} />
      ) : (
        <SentenceBehindButton text={q.dictate} label={labels.solution} uiLang={labels.lang} />
      )}
      <p>
        <label for={fid(q, 'dictation')} lang={labels.lang}>
          {d?.write ?? labels.yourAnswer}
        </label>
        <textarea
          class="dictation-input"
          id={fid(q, 'dictation')}
          name={fieldName(q.id)}
          rows={3}
          lang="de"
          readOnly={locked}
          {...typedFieldAttrs}
          maxLength={1000}
        >
          {g ? g.text : undefined}
        </textarea>
      </p>
    </div>
  );
}
