// A glossary term's entry in a small dialog beside the term, made from the entry the glossary list below the
// text already shows (headword, grammar, glosses, its "Add to my review" form): nothing of it is sent twice.
import { el } from '../dom.ts';
import { addWordInPlace } from './add-word.ts';

let open: { term: HTMLElement; pop: HTMLElement } | null = null;

/** Marks the terms inside `scope` as opening a dialog (without JavaScript they are plain links to the list). */
export function prepareTerms(scope: HTMLElement): void {
  for (const term of scope.querySelectorAll('a.term')) {
    term.setAttribute('aria-haspopup', 'dialog');
    term.setAttribute('aria-expanded', 'false');
  }
}

/** The dialog for the entry `dt` + `dd` of the glossary list, in the UI language but for its German words. */
function build(dt: HTMLElement, dd: Element, close: string): HTMLElement {
  const copy = (from: Element, cls: string) => {
    const node = from.cloneNode(true) as HTMLElement;
    node.className = cls;
    return node;
  };
  const form = dd.querySelector('form.review-add')?.cloneNode(true) as HTMLFormElement | undefined;
  // The button says what was added already: the status repeats it for screen readers only.
  const status = el('span', { class: 'visually-hidden', role: 'status' });
  if (form) {
    form.querySelector('button')?.classList.add('pop-add');
    addWordInPlace(form, status);
  }
  const closeButton = el('button', { type: 'button', class: 'pop-close' }, close);
  closeButton.addEventListener('click', () => shut(true));
  closeButton.addEventListener('keydown', (e) => {
    // Closing moves focus to the term: the rest of this key press must not open it again.
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      shut(true);
    }
  });
  const pop = el(
    'span',
    {
      id: `pop-${dt.id}`,
      class: 'popover',
      role: 'dialog',
      // Named by its headword, which keeps its own language (the rest of the dialog is in the UI language).
      'aria-labelledby': `head-${dt.id}`,
      tabindex: '-1',
      lang: document.documentElement.lang,
    },
    el('span', { id: `head-${dt.id}`, class: 'pop-head', lang: dt.lang }, dt.textContent ?? ''),
    ...[...dd.querySelectorAll('.grammar, .gloss')].map((n) => copy(n, n.classList.contains('grammar') ? 'pop-grammar' : 'pop-gloss')),
    form,
    status,
    closeButton,
  );
  pop.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      shut(true);
    }
  });
  return pop;
}

/** Opens the entry of `term` in place and moves focus into it; false if the page has no such entry. */
function show(term: HTMLElement, close: string): boolean {
  const dt = document.getElementById(decodeURIComponent((term as HTMLAnchorElement).hash.slice(1)));
  const dd = dt?.nextElementSibling;
  if (!dt || !dd) return false;
  const pop = build(dt, dd, close);
  // The dialog is placed against the term: a wrapper made on first use (the server sends none).
  let wrap = term.parentElement!;
  if (!wrap.classList.contains('term-wrap')) {
    wrap = el('span', { class: 'term-wrap' });
    term.replaceWith(wrap);
    wrap.appendChild(term);
  }
  wrap.appendChild(pop);
  term.setAttribute('aria-expanded', 'true');
  term.setAttribute('aria-controls', pop.id);
  open = { term, pop };
  pop.focus();
  return true;
}

/** Closes the open dialog, and gives focus back to its term if asked. */
export function shut(returnFocus: boolean): void {
  if (!open) return;
  const { term, pop } = open;
  open = null;
  pop.remove();
  term.setAttribute('aria-expanded', 'false');
  term.removeAttribute('aria-controls');
  if (returnFocus) term.focus();
}

/** Opens the entry of `term`, or closes it if it is the one open; false if there is no entry to show. */
export function toggleEntry(term: HTMLElement, close: string): boolean {
  if (open?.term === term) {
    shut(false);
    return true;
  }
  shut(false);
  return show(term, close);
}
