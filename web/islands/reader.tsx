import type { ComponentChildren } from 'preact';
import type { Segment } from '../../core/content/terms.ts';
import { Listen } from './listen.tsx';

export interface ReaderProps {
  /** The languages that can be shown, source language first. */
  languages: { code: string; label: string }[];
  /** `both` or a language code. */
  view: string;
  /** The translation shown beside the source in the `both` view. */
  pairWith: string;
  sentences: { id: string; segments: Segment[]; text: Record<string, string> }[];
  labels: { view: string; both: string; listen: string };
  /** The UI language, for `lang` on the words of buttons inside German or English text. */
  uiLang: string;
}

/** What the reader's enhancer needs that the markup does not hold: the close button's words. */
export interface ReaderData {
  close: string;
}

/**
 * The lesson text in one language or side by side, sentence by sentence, with glossary terms in the source
 * language, rendered on the server only. Without JavaScript the view links reload the page and the terms are
 * links to the glossary list below the text; web/islands/reader.client.ts enhances this markup: the view
 * switches in place and a term opens its entry in a small dialog.
 */
export function Reader(props: ReaderProps) {
  const source = props.languages[0]!.code;
  const options = [...props.languages.map((l) => ({ key: l.code, label: l.label })), { key: 'both', label: props.labels.both }];
  const text = (s: Sentence, lang: string) => (lang === source ? <SourceText segments={s.segments} /> : s.text[lang]);
  return (
    <div class="reader">
      <nav class="view-switch" aria-label={props.labels.view}>
        <ul>
          {options.map((o) => (
            <li key={o.key}>
              <a href={`?view=${o.key}`} aria-current={props.view === o.key ? 'true' : undefined}>
                {o.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.view === 'both' ? (
        <BothView props={props} source={source} text={text} />
      ) : (
        <SingleView props={props} view={props.view} text={text} />
      )}
    </div>
  );
}

type Sentence = ReaderProps['sentences'][number];
type RenderText = (s: Sentence, lang: string) => ComponentChildren;

/** A source sentence: its glossary terms are links to their entries in the glossary list. */
function SourceText({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((seg) =>
        seg.term ? (
          <a class="term" href={`#g-${seg.term}`}>
            {seg.text}
          </a>
        ) : (
          seg.text
        ),
      )}
    </>
  );
}

/** Side by side: each sentence in the source language (with Listen for German) beside its translation. */
function BothView({ props, source, text }: { props: ReaderProps; source: string; text: RenderText }) {
  return (
    <ol class="aligned">
      {props.sentences.map((s) => (
        <li key={s.id} id={`s-${s.id}`} class="pair">
          <p lang={source}>
            {text(s, source)} {source === 'de' && <Listen label={props.labels.listen} uiLang={props.uiLang} />}
          </p>
          <p lang={props.pairWith}>{text(s, props.pairWith)}</p>
        </li>
      ))}
    </ol>
  );
}

/** One language: the sentences as one paragraph, each a target for links to it (and with Listen in German). */
function SingleView({ props, view, text }: { props: ReaderProps; view: string; text: RenderText }) {
  return (
    <p class="single" lang={view}>
      {props.sentences.map((s, i) => [
        i > 0 ? ' ' : null,
        <span key={s.id} id={`s-${s.id}`} class="sentence">
          {text(s, view)}
          {view === 'de' && (
            <>
              {' '}
              <Listen label={props.labels.listen} uiLang={props.uiLang} />
            </>
          )}
        </span>,
      ])}
    </p>
  );
}
