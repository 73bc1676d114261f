import { useState } from 'preact/hooks';

export interface AddWordLabels {
  add: string;
  added: string;
  failed: string;
}

/**
 * "Add to my review" inside a glossary entry's dialog (which exists only with JavaScript): one POST to the
 * review API, then says so in place. The glossary list below the text has the plain-form version.
 */
export function AddWord({ entryId, labels, uiLang }: { entryId: string; labels: AddWordLabels; uiLang: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'added' | 'failed'>('idle');
  const add = async () => {
    setState('busy');
    try {
      const res = await fetch('/api/review/cards', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ glossary: entryId }),
      });
      setState(res.ok ? 'added' : 'failed');
    } catch {
      setState('failed');
    }
  };
  if (state === 'added')
    return (
      <span class="pop-added" role="status" lang={uiLang}>
        {labels.added}
      </span>
    );
  return (
    <>
      <button type="button" class="button pop-add" onClick={add} disabled={state === 'busy'} lang={uiLang}>
        {labels.add}
      </button>
      {state === 'failed' && (
        <span class="pop-added" role="alert" lang={uiLang}>
          {labels.failed}
        </span>
      )}
    </>
  );
}
