import type { ComponentType } from 'preact';

/**
 * Server side of an island: renders the component and leaves its name and props on the wrapper, where
 * web/client.tsx finds them and hydrates. Props travel in a data attribute, so no inline script is needed.
 */
export function Island<P extends object>({ name, component: C, props }: { name: string; component: ComponentType<P>; props: P }) {
  return (
    <div data-island={name} data-props={JSON.stringify(props)}>
      <C {...props} />
    </div>
  );
}
