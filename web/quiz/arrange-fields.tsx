// The inputs of the kinds whose learner arranges: a select per left item (match) or per item's position (order).
import { fid, Mark, type FieldProps } from './field-parts.tsx';
import { fieldName } from './form.ts';
import { RichText } from './rich-text.tsx';

/** A select of the right-hand items for each left item. */
export function MatchFields({ q, labels, given: g, locked, items }: FieldProps<'match'>) {
  const ui = labels.lang;
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
            <select id={fid(q, l.id)} name={fieldName(q.id, l.id)} disabled={locked}>
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

/** A position select for each item; positions start empty ("—"): an order left as shown is unanswered, not a guess. */
export function OrderFields({ q, labels, given: g, locked, items }: FieldProps<'order'>) {
  const ui = labels.lang;
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
            <select id={fid(q, it.id)} name={fieldName(q.id, it.id)} disabled={locked}>
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
