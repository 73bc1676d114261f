import type { Platform } from './platform-types.ts';

export type { Platform } from './platform-types.ts';

/** The one registry object of this deployment. */
export const registry = (env: Env) => env.LTI_REGISTRY.get(env.LTI_REGISTRY.idFromName('lti'));

/** The platform registered as (iss, clientId), with its deployments, or null (one Durable Object call). */
export async function platformOf(env: Env, iss: string, clientId: string): Promise<Platform | null> {
  return registry(env).platform(iss, clientId);
}

/** The origins a registered platform frames the tool from: its issuer's and its auth URL's. */
export function platformOrigins(p: Pick<Platform, 'issuer' | 'authUrl'>): string[] {
  const origins = new Set<string>();
  for (const raw of [p.issuer, p.authUrl]) {
    try {
      const { origin } = new URL(raw);
      if (origin !== 'null') origins.add(origin);
    } catch {
      /* an issuer need not be a URL */
    }
  }
  return [...origins];
}
