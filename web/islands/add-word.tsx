import { useState } from 'preact/hooks';
import { api } from '../api-client.ts';

export interface AddWordLabels {
  add: string;
  added: string;
  failed: string;
}

/**
 * "Add to my review" inside a glossary entry's dialog (which exists only with JavaScript): one POST to the
 * review API, then says so in place. The button keeps focus (aria-disabled, not disabled), so a keyboard
 * user goes on from where they were. The glossary list below the text has the plain-form version.
 */
export function AddWord({ entryId, labels, uiLang }: { entryId: string; labels: AddWordLabels; uiLang: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'added' | 'failed'>('idle');
  const add = async () => {
    if (state === 'busy' || state === 'added') return;
    setState('busy');
    try {
      const res = await api.review.cards.$post({ json: { glossary: entryId } });
      setState(res.ok ? 'added' : 'failed');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button
        type="button"
        class="button pop-add"
        onClick={add}
        aria-disabled={state === 'busy' || state === 'added' ? 'true' : undefined}
        lang={uiLang}
      >
        {state === 'added' ? `✓ ${labels.added}` : labels.add}
      </button>
      {/* The button says "Added" already: the status repeats it only for screen readers; a failure shows. */}
      <span class={state === 'failed' ? 'pop-added' : 'visually-hidden'} role="status" lang={uiLang}>
        {state === 'failed' ? labels.failed : state === 'added' ? labels.added : ''}
      </span>
    </>
  );
}
