import { DurableObject } from 'cloudflare:workers';

/**
 * LTI 1.3 platforms, their deployments, single-use nonces and login states: one SQLite object per deployment
 * of this tool (issue 19). Filled in by the LTI core work.
 */
export class LtiRegistry extends DurableObject<Env> {}
