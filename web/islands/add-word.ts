// "Add to my review" inside a glossary entry's dialog (reader.client.ts): the entry's own form from the
// glossary list, posted with fetch instead of leaving the page, and answered in place with the server's words.
import { submitForPage } from '../form-swap.ts';

/**
 * Posts `form` (a `.review-add` form) with fetch when it is submitted and says in place what the server's page
 * said (its `.notice[role=status]`: how many cards were added). The button keeps focus (aria-disabled, not
 * disabled), so a keyboard user goes on from where they were. Where the answer is not that page, or the network
 * fails, the form is posted the normal way, and the server's page shows the outcome.
 */
export function addWordInPlace(form: HTMLFormElement, status: HTMLElement): void {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const button = form.querySelector('button');
    if (!button || button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    submitForPage(form, e.submitter)
      .catch(() => null)
      .then((page) => {
        const notice = page?.querySelector('.notice[role="status"]')?.textContent;
        if (!notice) return form.submit();
        status.textContent = notice;
        button.textContent = `✓ ${notice}`;
      });
  });
}
