import { DurableObject } from 'cloudflare:workers';

/**
 * Counts instructor sign-in attempts (per client and globally) so that a restart does not reset them.
 * Placeholder shape: the sign-in hardening fills it in (issue 17, item 7).
 */
export class SigninGuard extends DurableObject<Env> {}
