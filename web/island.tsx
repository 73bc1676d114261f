import { createContext, type ComponentType } from 'preact';
import { useContext } from 'preact/hooks';

/**
 * The islands a server render met, by name: worker/render/document.tsx provides a set and loads only the
 * client entries of the names it holds afterwards, so a page without islands ships no JavaScript.
 */
export const RenderedIslands = createContext<Set<string> | null>(null);

/**
 * Server side of an island: renders the component and leaves its name and props on the wrapper, where the
 * island's client entry (web/client.tsx) finds them and hydrates. `name` is the component's export name in
 * web/islands/<kebab-name>.tsx, from which the build makes that entry. Props travel in a data attribute, so
 * no inline script is needed.
 */
export function Island<P extends object>({ name, component: C, props }: { name: string; component: ComponentType<P>; props: P }) {
  useContext(RenderedIslands)?.add(name);
  return (
    <div data-island={name} data-props={JSON.stringify(props)}>
      <C {...props} />
    </div>
  );
}
