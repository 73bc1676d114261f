// Browser side of an island that has no enhancer yet (no web/islands/<name>.client.ts): Preact hydrates it.
// Transitional: decision record 0016 moves every island to an enhancer, after which this file goes.
import { hydrate, type ComponentType } from 'preact';

/** Hydrates every copy of island `name` that the server rendered, with the props it left on the wrapper. */
export function hydrateIslands<P extends object>(name: string, Component: ComponentType<P>): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`))
    hydrate(<Component {...(JSON.parse(el.dataset.props ?? '{}') as P)} />, el);
}
