import { createContext, type ComponentType } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * The islands a server render met, by name: worker/render/document.tsx provides a set and loads only the
 * client entries of the names it holds afterwards, so a page without islands ships no JavaScript.
 */
export const RenderedIslands = createContext<Set<string> | null>(null);

/**
 * Server side of an island: renders the component (Preact, on the server only) inside a wrapper that names
 * it, where the island's enhancer (web/islands/<kebab-name>.client.ts; decision record 0016) finds it.
 * `name` is the component's export name in web/islands/<kebab-name>.tsx. `data` is what the enhancer needs
 * beyond the markup, usually a few UI words (`{}` for nothing; left out, the props are sent). It travels in
 * a data attribute, so no inline script is needed.
 */
export function Island<P extends object>({
  name,
  component: C,
  props,
  data,
}: {
  name: string;
  component: ComponentType<P>;
  props: P;
  data?: Record<string, unknown>;
}) {
  useContext(RenderedIslands)?.add(name);
  const sent = data ?? props;
  return (
    <div data-island={name} data-props={Object.keys(sent).length ? JSON.stringify(sent) : undefined}>
      <C {...props} />
    </div>
  );
}
