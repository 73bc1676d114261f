import { DurableObject } from 'cloudflare:workers';

/** The results ledger: every graded attempt, for instructors (being built: issue 9/10). */
export class ResultsLedger extends DurableObject<Env> {}
