import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Segment } from '../../core/content/terms.ts';
import { AddWord, type AddWordLabels } from './add-word.tsx';
import { Listen } from './listen.tsx';

export interface ReaderEntry {
  id: string;
  /** "die Vereinbarung, -en", "ein|läuten". */
  headword: string;
  /** "noun, feminine" in the UI language. */
  grammar: string;
  /** Gloss in the UI language (or English), with its language. */
  gloss: { lang: string; text: string }[];
}

export interface ReaderProps {
  /** The languages that can be shown, source language first. */
  languages: { code: string; label: string }[];
  /** `both` or a language code. */
  view: string;
  /** The translation shown beside the source in the `both` view. */
  pairWith: string;
  sentences: { id: string; segments: Segment[]; text: Record<string, string> }[];
  entries: Record<string, ReaderEntry>;
  labels: { view: string; both: string; close: string; sentence: string; listen: string; review: AddWordLabels };
  /** The UI language, for `lang` on the words of buttons inside German or English text. */
  uiLang: string;
}

const VIEW_COOKIE_DAYS = 365;

/**
 * The lesson text in one language or side by side, sentence by sentence, with glossary terms in the source
 * language. Without JavaScript the view links reload the page and the terms are links to the glossary list
 * below; hydrated, the view switches in place (remembered in a cookie) and a term opens its entry in a small
 * dialog: Enter, Space or a tap opens it, Escape or the close button closes it and returns focus to the term.
 */
export function Reader(props: ReaderProps) {
  const [view, setView] = useState(props.view);
  const [open, setOpen] = useState<string | null>(null);
  const source = props.languages[0]!.code;

  const choose = (e: Event, next: string) => {
    e.preventDefault();
    setView(next);
    setOpen(null);
    document.cookie = `view=${next}; path=/; max-age=${VIEW_COOKIE_DAYS * 86400}; samesite=lax`;
    const url = new URL(location.href);
    url.searchParams.set('view', next);
    history.replaceState(null, '', url);
  };

  const renderSource = (s: ReaderProps['sentences'][number]) =>
    s.segments.map((seg, i) =>
      seg.term ? (
        <Term
          key={i}
          id={`${s.id}-${i}`}
          lang={source}
          text={seg.text}
          entry={props.entries[seg.term]!}
          open={open}
          setOpen={setOpen}
          close={props.labels.close}
          review={props.labels.review}
          uiLang={props.uiLang}
        />
      ) : (
        seg.text
      ),
    );
  const renderText = (s: ReaderProps['sentences'][number], lang: string) => (lang === source ? renderSource(s) : s.text[lang]);

  const options = [...props.languages.map((l) => ({ key: l.code, label: l.label })), { key: 'both', label: props.labels.both }];
  return (
    <div class="reader">
      <nav class="view-switch" aria-label={props.labels.view}>
        <ul>
          {options.map((o) => (
            <li key={o.key}>
              <a href={`?view=${o.key}`} aria-current={view === o.key ? 'true' : undefined} onClick={(e) => choose(e, o.key)}>
                {o.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'both' ? (
        <BothView props={props} source={source} renderText={renderText} />
      ) : (
        <SingleView props={props} view={view} renderText={renderText} />
      )}
    </div>
  );
}

type Sentence = ReaderProps['sentences'][number];
type RenderText = (s: Sentence, lang: string) => ComponentChildren;

/** Side by side: each sentence in the source language (with Listen for German) beside its translation. */
function BothView({ props, source, renderText }: { props: ReaderProps; source: string; renderText: RenderText }) {
  return (
    <ol class="aligned">
      {props.sentences.map((s) => (
        <li key={s.id} id={`s-${s.id}`} class="pair">
          <p lang={source}>
            {renderText(s, source)} {source === 'de' && <Listen text={s.text[source]!} label={props.labels.listen} uiLang={props.uiLang} />}
          </p>
          <p lang={props.pairWith}>{renderText(s, props.pairWith)}</p>
        </li>
      ))}
    </ol>
  );
}

/** One language: the sentences as one paragraph, each a target for links to it (and with Listen in German). */
function SingleView({ props, view, renderText }: { props: ReaderProps; view: string; renderText: RenderText }) {
  return (
    <p class="single" lang={view}>
      {props.sentences.map((s, i) => [
        i > 0 ? ' ' : null,
        <span key={s.id} id={`s-${s.id}`} class="sentence">
          {renderText(s, view)}
          {view === 'de' && (
            <>
              {' '}
              <Listen text={s.text.de!} label={props.labels.listen} uiLang={props.uiLang} />
            </>
          )}
        </span>,
      ])}
    </p>
  );
}

interface TermProps {
  id: string;
  lang: string;
  text: string;
  entry: ReaderEntry;
  open: string | null;
  setOpen: (id: string | null) => void;
  close: string;
  review: AddWordLabels;
  uiLang: string;
}

/** A glossary term: a link to its entry below, which opens the entry in place (Enter, Space or a tap). */
function Term(p: TermProps) {
  const isOpen = p.open === p.id;
  const termRef = useRef<HTMLAnchorElement>(null);
  const dialogRef = useRef<HTMLSpanElement>(null);
  const popId = `pop-${p.id}`;

  useEffect(() => {
    if (isOpen) dialogRef.current?.focus();
  }, [isOpen]);

  const toggle = (e: Event) => {
    e.preventDefault();
    p.setOpen(isOpen ? null : p.id);
  };
  const closeAndReturn = () => {
    p.setOpen(null);
    termRef.current?.focus();
  };

  return (
    <span class="term-wrap">
      <a
        ref={termRef}
        class="term"
        href={`#g-${p.entry.id}`}
        aria-haspopup="dialog"
        aria-expanded={isOpen ? 'true' : 'false'}
        aria-controls={isOpen ? popId : undefined}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === ' ') toggle(e);
        }}
      >
        {p.text}
      </a>
      {isOpen && <Popover {...p} popId={popId} dialogRef={dialogRef} closeAndReturn={closeAndReturn} />}
    </span>
  );
}

/** The entry as a small dialog: headword, grammar, glosses, "add to my review", and a close button. */
function Popover(p: TermProps & { popId: string; dialogRef: RefObject<HTMLSpanElement | null>; closeAndReturn: () => void }) {
  return (
    <span
      ref={p.dialogRef}
      id={p.popId}
      class="popover"
      role="dialog"
      aria-label={p.entry.headword}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          p.closeAndReturn();
        }
      }}
    >
      <span class="pop-head" lang={p.lang}>
        {p.entry.headword}
      </span>
      <span class="pop-grammar">{p.entry.grammar}</span>
      {p.entry.gloss.map((g) => (
        <span key={g.lang} class="pop-gloss" lang={g.lang}>
          {g.text}
        </span>
      ))}
      <AddWord entryId={p.entry.id} labels={p.review} uiLang={p.uiLang} />
      <button
        type="button"
        class="pop-close"
        onClick={p.closeAndReturn}
        onKeyDown={(e) => {
          // Closing moves focus to the term: the rest of this key press must not open it again.
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            p.closeAndReturn();
          }
        }}
      >
        {p.close}
      </button>
    </span>
  );
}
