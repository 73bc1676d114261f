import type { ComponentChildren, VNode } from 'preact';

/**
 * UI words placed inside content of another language ("True", "Gap 1", "Your answer" inside a German
 * question on an English page): wrapped in the UI's `lang`, so a screen reader speaks them in the UI voice.
 * Every question kind and the feedback use it for their labels; content inside UI text uses it the other way
 * round, with the content's language.
 * @example <Ui lang={labels.lang}>{labels.trueLabel}</Ui>
 */
export function Ui({ lang, children, class: cls }: { lang: string; children: ComponentChildren; class?: string }) {
  return (
    <span lang={lang} class={cls}>
      {children}
    </span>
  );
}

/**
 * Fills `{{name}}` placeholders of a UI template with nodes (for example content in another language), the
 * template's own words wrapped in `lang`. "expected: “{{expected}}”" → [Ui("expected: “"), node, Ui("”")].
 */
export function fill(lang: string, template: string, values: Record<string, ComponentChildren>): VNode[] {
  const out: VNode[] = [];
  template.split(/(\{\{\w+\}\})/).forEach((piece, i) => {
    const name = /^\{\{(\w+)\}\}$/.exec(piece)?.[1];
    if (name !== undefined && name in values) out.push(<span key={i}>{values[name]}</span>);
    else if (piece)
      out.push(
        <Ui key={i} lang={lang}>
          {piece}
        </Ui>,
      );
  });
  return out;
}
