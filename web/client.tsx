// Browser side of the islands, shared by every island's entry (made by scripts/lib/client-bundle.ts, one per
// file in web/islands/): a page loads only the entries of the islands it rendered, and each hydrates its own.
import { hydrate, type ComponentType } from 'preact';

/** Hydrates every copy of island `name` that the server rendered, with the props it left on the wrapper. */
export function hydrateIslands<P extends object>(name: string, Component: ComponentType<P>): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`))
    hydrate(<Component {...(JSON.parse(el.dataset.props ?? '{}') as P)} />, el);
}
