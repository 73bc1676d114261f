/** A registered LTI 1.3 platform as the tool keeps it (issue 19, item 1). */
export interface Platform {
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  /** Dynamic registration: the platform's product name (else its issuer), never empty; '' for a manual one. */
  name: string;
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
