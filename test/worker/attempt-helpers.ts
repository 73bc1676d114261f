// Helpers for the durable-attempt tests: the real app and the real ledgers, with one fault injected where a
// test says so (a ledger that is slow or fails), and a request context whose after-response work never runs.
import { env } from 'cloudflare:workers';
import worker from '../../worker/index.ts';
import { learnerKey } from '../../worker/stores/results-store.ts';
import { learnerLedgers, ledgerNames } from '../../worker/stores/results-store-shards.ts';

type Ledger = ReturnType<Env['RESULTS']['get']>;

/**
 * Sends a request to the app with `over` replacing bindings. What the app hands to `waitUntil` is kept in
 * `pending` and never awaited: the response is all a test sees, as when the isolate dies after answering.
 */
export async function send(path: string, init?: RequestInit, over: Partial<Env> = {}) {
  const pending: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {}, props: {} };
  const request = new Request(`http://127.0.0.1${path}`, init) as Parameters<typeof worker.fetch>[0];
  const res = await worker.fetch(request, { ...env, ...over }, ctx as unknown as ExecutionContext);
  return { res, pending };
}

/** The RESULTS binding with some calls of every ledger replaced; the rest reach the real objects. */
export function resultsWith(replace: {
  record?: (real: Ledger, row: Parameters<Ledger['record']>[0]) => Promise<unknown>;
  erase?: (real: Ledger, key: string, quizId: string | undefined) => Promise<unknown>;
}): Env['RESULTS'] {
  return {
    idFromName: (name: string) => env.RESULTS.idFromName(name),
    get: (id: DurableObjectId) => {
      const real = env.RESULTS.get(id);
      return {
        record: (row: Parameters<Ledger['record']>[0]) => (replace.record ? replace.record(real, row) : real.record(row)),
        // Submits that queue behind one in flight go together (worker/stores/results-store-batch.ts): each row meets `record`.
        recordMany: (rows: Array<Parameters<Ledger['record']>[0]>) =>
          replace.record ? Promise.all(rows.map((row) => replace.record!(real, row))) : real.recordMany(rows),
        erase: (key: string) => (replace.erase ? replace.erase(real, key, id.name) : real.erase(key)),
        rowsOf: (key: string) => real.rowsOf(key),
        count: () => real.count(),
        report: (...a: Parameters<Ledger['report']>) => real.report(...a),
        aggregates: (...a: Parameters<Ledger['aggregates']>) => real.aggregates(...a),
        scores: (...a: Parameters<Ledger['scores']>) => real.scores(...a),
      };
    },
  } as unknown as Env['RESULTS'];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every ledger's `record` fails: the object is down. */
export const failingLedger = () => resultsWith({ record: async () => Promise.reject(new Error('ledger unavailable')) });
/** Every ledger's `record` reaches the object only after `ms`. */
export const slowLedger = (ms: number) => resultsWith({ record: async (real, row) => (await sleep(ms), real.record(row)) });

/** The real ledger of a quiz. */
export const ledgerOf = (quizId: string) => env.RESULTS.get(env.RESULTS.idFromName(quizId));

/** The learner id inside a `learner` cookie value. */
export const learnerIn = (cookie: string) => decodeURIComponent(cookie).split('.')[0]!;

/** The `learner` cookie a response sets, if any. */
export const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

/** Attempts in every ledger (shard) of a quiz. */
export const ledgerCount = async (quizId: string) =>
  (await Promise.all(ledgerNames(quizId).map((n) => ledgerOf(n).count()))).reduce((a, b) => a + b, 0);

/** The ledger rows of one learner in one quiz, from the shard(s) that hold them. */
export async function rowsIn(quizId: string, cookie: string) {
  const key = await learnerKey(env, learnerIn(cookie), quizId);
  return (await Promise.all(learnerLedgers(quizId, key).map((n) => ledgerOf(n).rowsOf(key)))).flat();
}

/** Parked rows of a quiz, as KV has them now. */
export async function parked(quizId: string) {
  return (await env.PROGRESS.list({ prefix: `results-pending:${quizId}:` })).keys.map((k) => k.name);
}

/** The learner's attempts as the export has them. */
export async function exportedAttempts(cookie: string): Promise<Array<{ id: string; quizId: string; createdAt: string }>> {
  const res = await send('/api/progress/export', { headers: { cookie: `learner=${cookie}` } });
  return ((await res.res.json()) as { attempts: Array<{ id: string; quizId: string; createdAt: string }> }).attempts;
}

/** A POST of a JSON attempt: nothing answered unless `responses` says (a truefalse needs no choice ids). */
export function attemptInit(opts: { cookie?: string; key?: string; responses?: Record<string, unknown>; seed?: string } = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.cookie ? { cookie: `learner=${opts.cookie}` } : {}),
      ...(opts.key ? { 'idempotency-key': opts.key } : {}),
    },
    body: JSON.stringify({ responses: opts.responses ?? {}, lang: 'de', ...(opts.seed ? { seed: opts.seed } : {}) }),
  };
}
