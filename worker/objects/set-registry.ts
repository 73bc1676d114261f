import { DurableObject } from 'cloudflare:workers';

/** The system of record for instructors' question sets (being built: issue 9). */
export class SetRegistry extends DurableObject<Env> {}
