import { createLocalJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import { CLAIM, MESSAGE, type Claims } from './claims.ts';
import { LtiError } from './errors.ts';
import { platformKeySet } from './jwks.ts';
import type { LoginState } from './login.ts';
import { platformOf, registry } from './platforms.ts';
import type { Platform } from './platform-types.ts';

/** Clock skew accepted on `exp`, `iat` and `nbf`; and how old an id_token may be at all. */
const SKEW_S = 60;
const MAX_AGE = '10m';

/** The client id a token is for: `azp` when it has one (it must be one of `aud`), else the one `aud`. */
function clientIdOf(claims: Claims, login: LoginState): string {
  const aud = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!aud.includes(login.clientId)) throw new LtiError('bad_token', 'The id_token is not for this tool (aud).');
  if (claims.azp !== undefined && claims.azp !== login.clientId)
    throw new LtiError('bad_token', 'The id_token is for another party (azp).');
  if (aud.length > 1 && claims.azp === undefined)
    throw new LtiError('bad_token', 'An id_token for several audiences must name this tool in azp.');
  return login.clientId;
}

async function verifySignature(env: Env, token: string, platform: Platform): Promise<Claims> {
  const options = {
    issuer: platform.issuer,
    audience: platform.clientId,
    algorithms: ['RS256'],
    clockTolerance: SKEW_S,
    maxTokenAge: MAX_AGE,
    requiredClaims: ['iat', 'exp', 'nonce', 'sub'],
  };
  for (const unknownKid of [false, true]) {
    try {
      const keys = createLocalJWKSet(await platformKeySet(env, platform.jwksUrl, unknownKid));
      return (await jwtVerify(token, keys, options)).payload as Claims;
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey && !unknownKid) continue;
      if (err instanceof LtiError) throw err;
      if (err instanceof errors.JWTExpired) throw new LtiError('expired', 'The id_token has expired.');
      if (err instanceof errors.JWTClaimValidationFailed) {
        const reason = err.claim === 'iat' || err.claim === 'nbf' ? 'expired' : 'bad_token';
        throw new LtiError(reason, `The id_token's ${err.claim} claim does not hold: ${err.reason}.`);
      }
      if (err instanceof errors.JWKSNoMatchingKey)
        throw new LtiError('bad_signature', "No key of the platform's key set matches the id_token.");
      if (err instanceof errors.JOSEError) throw new LtiError('bad_signature', `The id_token's signature does not verify (${err.code}).`);
      throw err;
    }
  }
  throw new LtiError('bad_signature', 'The id_token could not be verified.');
}

/**
 * Verifies a launch's id_token against the login it answers (LTI Core 1.3 §5.1.3, Security Framework §5.1.3):
 * signature with the platform's key (refetched on an unknown kid), `iss`, `aud`/`azp`, `exp`/`iat` with a
 * minute of skew, the nonce of this login used once, the deployment, the message type and version 1.3.0.
 * Every failure is an LtiError; nothing is stored but the nonce's use.
 */
export async function verifyLaunch(
  env: Env,
  token: string | undefined,
  login: LoginState,
): Promise<{ claims: Claims; platform: Platform }> {
  if (!token || token.length > 16_384) throw new LtiError('bad_token', 'The launch carries no id_token.');
  let unverified: Claims;
  try {
    unverified = decodeJwt(token) as Claims;
  } catch {
    throw new LtiError('bad_token', 'The id_token is not a JWT.');
  }
  if (unverified.iss !== login.iss) throw new LtiError('bad_token', 'The id_token comes from another platform than the login (iss).');
  const clientId = clientIdOf(unverified, login);
  const platform = await platformOf(env, login.iss, clientId);
  if (!platform) throw new LtiError('unknown_platform', `No platform is registered as ${login.iss}.`);
  const claims = await verifySignature(env, token, platform);
  clientIdOf(claims, login);
  if (claims.nonce !== login.nonce) throw new LtiError('replayed', 'The id_token answers another login (nonce).');
  if (claims[CLAIM.version] !== '1.3.0') throw new LtiError('wrong_version', 'Only LTI 1.3.0 launches are accepted.');
  const type = claims[CLAIM.messageType];
  if (type !== MESSAGE.resourceLink && type !== MESSAGE.deepLinking)
    throw new LtiError('wrong_message', `This tool does not take ${String(type)} messages.`);
  const deployment = claims[CLAIM.deploymentId];
  const refusedDeployment = new LtiError(
    'unknown_deployment',
    `Deployment ${String(deployment).slice(0, 255)} is not registered for this platform.`,
  );
  if (typeof deployment !== 'string' || !deployment || deployment.length > 255) throw refusedDeployment;
  // Last, so a token refused for any other reason does not burn the nonce; a second use is refused here. The
  // deployment is checked in the same call: a platform registered dynamically without one has it recorded.
  const admitted = await registry(env).admitLaunch(login.nonce, platform.issuer, platform.clientId, deployment);
  if (admitted === 'unknown_deployment') throw refusedDeployment;
  if (admitted === 'replayed') throw new LtiError('replayed', 'This launch was already used.');
  return { claims, platform };
}
