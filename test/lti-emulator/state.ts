// The LTI platform emulator's state: its keys, what it knows about the tool, and everything it received, so
// that a test can read what the tool sent. One object per emulated platform; LTI-GRADES adds the AGS/NRPS
// fields (line items, scores, members, tokens) below the platform-side ones.
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface EmulatorKey {
  privateKey: CryptoKey;
  publicJwk: JWK & { kid: string; alg: 'RS256'; use: 'sig' };
  kid: string;
}

/** The tool as this platform knows it: from dynamic registration, or configured by hand (manual registration). */
export interface ToolConfig {
  clientId: string;
  deploymentId: string;
  /** The tool's origin, e.g. http://127.0.0.1:8787 (the launch, login and JWKS URLs hang off it). */
  origin: string;
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  deepLinkUrl: string;
}

/** A person on the platform the emulator can launch. */
export interface EmulatorUser {
  sub: string;
  name: string;
  roles: string[];
  locale?: string;
}

/** A tool registration the emulator received (Dynamic Registration 1.0), kept whole for assertions. */
export type ReceivedRegistration = Record<string, unknown>;

/** A deep-linking response the emulator verified with the tool's JWKS: its claims. */
export type ReceivedDeepLink = Record<string, unknown>;

export interface EmulatorState {
  /** The emulator's own origin; the issuer is this origin too (as Moodle's is its site URL). */
  origin: string;
  issuer: string;
  key: EmulatorKey;
  tool: ToolConfig;
  /** Dynamic registration: the registration tokens the emulator accepts, and the registrations received. */
  registrationTokens: Set<string>;
  registrations: ReceivedRegistration[];
  /** The registration response names no deployment (optional in Dynamic Registration 1.0, as Canvas answers). */
  registerWithoutDeployment?: boolean;
  /** Deep-linking responses received and verified. */
  deepLinks: ReceivedDeepLink[];
  /** Every auth request the tool's login redirected to (query parameters), for assertions. */
  authRequests: Record<string, string>[];
  /** The context (course) and link the launches are for. */
  context: { id: string; title: string };
  /** Launches prepared by a test, by their lti_message_hint: what the auth endpoint issues an id_token for. */
  launches: Map<string, LaunchSpec>;
}

/** A launch the platform will make (platform.ts turns it into an id_token at its auth endpoint). */
export interface LaunchSpec {
  user: EmulatorUser;
  message: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  /** custom.quiz of the link. */
  quiz?: string;
  resourceLinkId?: string;
  /** The AGS line item of the link (the endpoint claim), when the link has one. */
  lineitem?: string;
  /** Claims to change after the id_token is built (a value of undefined removes the claim): failure tests. */
  change?: Record<string, unknown>;
}

async function newKey(): Promise<EmulatorKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = `emu-${crypto.randomUUID().slice(0, 8)}`;
  return { privateKey: privateKey as CryptoKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' }, kid };
}

/** A fresh platform at `origin` that will talk to the tool at `toolOrigin`. */
export async function createEmulatorState(origin: string, toolOrigin: string): Promise<EmulatorState> {
  return {
    origin,
    issuer: origin,
    key: await newKey(),
    tool: {
      clientId: `client-${crypto.randomUUID().slice(0, 8)}`,
      deploymentId: 'deployment-1',
      origin: toolOrigin,
      loginUrl: `${toolOrigin}/lti/login`,
      launchUrl: `${toolOrigin}/lti/launch`,
      jwksUrl: `${toolOrigin}/lti/jwks`,
      deepLinkUrl: `${toolOrigin}/lti/launch`,
    },
    registrationTokens: new Set(),
    registrations: [],
    deepLinks: [],
    authRequests: [],
    context: { id: 'course-1', title: 'Deutsch B2' },
    launches: new Map(),
  };
}

/** A new signing key for the platform (the old one disappears from its JWKS): key rotation tests. */
export async function rotateKey(state: EmulatorState): Promise<void> {
  state.key = await newKey();
}
