// The reader in the browser: switches the view in place with the server's markup for it, and opens glossary
// entries in a dialog (glossary-popover.ts). It adds to the server's markup (reader.tsx) and never renders it.
import { fetchPage, swapIn } from '../form-swap.ts';
import { prepareTerms, shut, toggleEntry } from './glossary-popover.ts';
import { enhance as enhanceListen } from './listen.client.ts';
import type { ReaderData } from './reader.tsx';

/**
 * Shows the view a switch link asks for: the same GET the link makes without JavaScript (which also makes the
 * server remember the view in its cookie), and its reader put in place of this one. Focus stays on the switch.
 * On any failure the link is followed as a plain link.
 */
async function switchView(root: HTMLElement, link: HTMLAnchorElement): Promise<void> {
  const url = new URL(link.href);
  try {
    const fresh = (await fetchPage(url))?.querySelector<HTMLElement>('.reader');
    const reader = root.querySelector<HTMLElement>('.reader');
    if (!fresh || !reader) throw new Error('no reader in the answer');
    shut(false);
    swapIn(reader, fresh);
    history.replaceState(history.state, '', url);
    prepare(reader);
    reader.querySelector<HTMLElement>('.view-switch [aria-current]')?.focus();
  } catch {
    location.assign(url);
  }
}

function prepare(scope: HTMLElement): void {
  prepareTerms(scope);
  enhanceListen(scope);
}

/**
 * Enhances the reader: the view links switch in place; a term opens its entry on Enter, Space, a click or a
 * tap, and Escape or the dialog's close button closes it and gives focus back to the term.
 */
export function enhance(root: HTMLElement, data: ReaderData): void {
  prepare(root);
  root.addEventListener('click', (e) => {
    const link = (e.target as Element).closest('a');
    // A click meant for a new tab or window stays the browser's.
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (link.closest('.view-switch')) {
      e.preventDefault();
      void switchView(root, link);
    } else if (link.classList.contains('term') && toggleEntry(link, data.close)) e.preventDefault();
  });
  root.addEventListener('keydown', (e) => {
    const target = e.target as Element;
    if (e.key === ' ' && target.matches('a.term') && toggleEntry(target as HTMLElement, data.close)) e.preventDefault();
  });
}
