import type { Platform } from './platform-types.ts';

export { platformOrigins, type Platform } from './platform-types.ts';

/** The one registry object of this deployment. */
export const registry = (env: Env) => env.LTI_REGISTRY.get(env.LTI_REGISTRY.idFromName('lti'));

/** The platform registered as (iss, clientId), with its deployments, or null (one Durable Object call). */
export async function platformOf(env: Env, iss: string, clientId: string): Promise<Platform | null> {
  return registry(env).platform(iss, clientId);
}
