// Browser side of the islands (decision record 0016): each island's client entry, made by
// scripts/lib/client-bundle.ts from web/islands/<name>.client.ts, registers its enhancer here. An enhancer
// adds behaviour to the markup the server rendered (which works without JavaScript) and never re-renders
// it; no Preact reaches the browser. Plain DOM only: this file is in every enhanced page's JavaScript.

/**
 * Enhances one server-rendered copy of an island: `root` is its `data-island` wrapper, `data` what the
 * server left in `data-props` for it (UI words the markup does not already hold).
 */
export type Enhancer<D = Record<string, string>> = (root: HTMLElement, data: D) => void;

const enhancers = new Map<string, Enhancer<never>>();
const done = new WeakSet<Element>();

/** Runs every registered enhancer on the copies of its island inside `scope` that are not enhanced yet. */
export function enhanceWithin(scope: Document | HTMLElement = document): void {
  for (const [name, enhance] of enhancers)
    for (const el of scope.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
      if (done.has(el)) continue;
      done.add(el);
      (enhance as Enhancer<unknown>)(el, JSON.parse(el.dataset.props ?? '{}'));
    }
}

/**
 * Registers island `name`'s enhancer and runs it on every copy on the page. Markup swapped in later (a
 * server answer, web/form-swap.ts) is enhanced by `enhanceWithin` over the new part.
 */
export function enhanceIslands<D>(name: string, enhance: Enhancer<D>): void {
  enhancers.set(name, enhance as Enhancer<never>);
  enhanceWithin(document);
}
