/** A registered LTI 1.3 platform as the tool keeps it (issue 19, item 1). */
export interface Platform {
  issuer: string;
  clientId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  deploymentIds: string[];
  /** The platform's product name from dynamic registration, or '' (manual). */
  name: string;
}
