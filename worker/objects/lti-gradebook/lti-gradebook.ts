import { DurableObject } from 'cloudflare:workers';

/**
 * One LTI context's class results: launches, attempts per learner, names, and the durable outbox of scores
 * to pass back (issue 19, AGS and NRPS). Filled in by the grades work.
 */
export class LtiGradebook extends DurableObject<Env> {}
