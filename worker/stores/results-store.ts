// The results ledger behind the attempt service and the instructor reports: one ResultsLedger Durable
// Object per quiz id. A failing or slow ledger never fails a learner's submit (docs/decisions/0003).
import type { AttemptSelection, LedgerReport, LedgerRow, ScoreMatrix } from '../objects/results-ledger.ts';
import { keys } from './keys.ts';

export interface LedgerQuestion {
  id: string;
  type: string;
  /** Fraction 0..1 of the question's maximum. */
  score: number;
  /** As validated. */
  response: unknown;
  /** Typed answers as the grader normalised them, one per gap/field (cloze: in the order of the response's gap keys). */
  normalized?: string[];
}

export interface LedgerEntry {
  quizId: string;
  kind: 'lesson' | 'final' | 'set';
  version: string;
  attemptId: string;
  /** The raw learner id: it never reaches the ledger; the ledger gets an HMAC of it per quiz. */
  learnerId: string;
  createdAt: string;
  questions: LedgerQuestion[];
  /** The content language of the attempt (typed answers are counted and accepted per language). */
  lang?: string;
}

/** How long a submit waits for the ledger before answering anyway (the entry then goes to catch-up). */
export const LEDGER_TIMEOUT_MS = 2_000;
/** Retries after the response, inside ctx.waitUntil: then the entry is parked in KV until the next report. */
export const RETRY_DELAYS_MS = [250, 1_000, 4_000];
/** Parked entries: `results-pending:{quizId}:{attemptId}` in the PROGRESS namespace (none in the normal case). */

const ledger = (env: Env, quizId: string) => env.RESULTS.get(env.RESULTS.idFromName(quizId));

// One imported HMAC key per secret and isolate: importing it again for every submit costs CPU for nothing.
const hmacKeys = new Map<string, Promise<CryptoKey>>();

async function hmacHex(secret: string, data: string): Promise<string> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(secret, key);
  }
  return hexOf(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(data)));
}

/** The first 128 bits of a signature as hex: enough to tell learners apart, and short in every row. */
const hexOf = (sig: ArrayBuffer) => [...new Uint8Array(sig).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The pseudonymous key of a learner in one quiz's ledger: the same learner is unlinkable across quizzes. */
export const learnerKey = (env: Env, learnerId: string, quizId: string) => hmacHex(env.LEARNER_SECRET, `results:${quizId}:${learnerId}`);

async function toRow(env: Env, e: LedgerEntry): Promise<LedgerRow> {
  return {
    attemptId: e.attemptId,
    learnerKey: await learnerKey(env, e.learnerId, e.quizId),
    version: e.version,
    kind: e.kind,
    lang: e.lang,
    createdAt: e.createdAt,
    questions: e.questions.map((q) => ({ id: q.id, type: q.type, score: q.score, response: q.response, normalized: q.normalized })),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`results ledger: no answer within ${ms} ms`)))]);
}

/** Retries, then parks the row in KV; the next report of the quiz (or the next retry) brings it in. */
async function catchUp(env: Env, quizId: string, row: LedgerRow): Promise<void> {
  for (const delay of RETRY_DELAYS_MS) {
    await sleep(delay);
    try {
      await withTimeout(ledger(env, quizId).record(row), LEDGER_TIMEOUT_MS);
      return;
    } catch (e) {
      console.warn('results ledger: retry failed', quizId, row.attemptId, e);
    }
  }
  await env.PROGRESS.put(keys.resultsPending(quizId, row.attemptId), JSON.stringify(row));
}

/**
 * Records one graded attempt for instructors. Never rejects and never loses the entry: a failing or slow
 * ledger must not fail the learner's submit (retries in ctx.waitUntil, then a parked copy in KV).
 */
export async function recordResult(env: Env, ctx: ExecutionContext, entry: LedgerEntry): Promise<void> {
  let row: LedgerRow;
  try {
    row = await toRow(env, entry);
  } catch (e) {
    console.error('results ledger: could not build the entry', entry.quizId, entry.attemptId, e);
    return;
  }
  return sendRow(env, ctx, entry.quizId, row);
}

/**
 * Sends a prepared row to its ledger. The call to the object leaves at once (before this function first
 * waits), so a caller that does not await it still has it on its way before it answers its own request.
 */
export async function sendRow(env: Env, ctx: ExecutionContext, quizId: string, row: LedgerRow): Promise<void> {
  try {
    await withTimeout(ledger(env, quizId).record(row), LEDGER_TIMEOUT_MS);
    return;
  } catch (e) {
    console.warn('results ledger: recording later', quizId, row.attemptId, e);
  }
  // An attempt id makes the record idempotent, so a retry after a slow success never counts twice.
  ctx.waitUntil(
    catchUp(env, quizId, row).catch((e) => console.error('results ledger: could not park the entry', quizId, row.attemptId, e)),
  );
}

/** The ledger's row for an entry: the learner id replaced by its per-quiz pseudonym. */
export const ledgerRow = (env: Env, entry: LedgerEntry): Promise<LedgerRow> => toRow(env, entry);

/** Brings parked entries of one quiz into its ledger (one KV list, usually empty); called before a report. */
export async function drainPending(env: Env, quizId: string): Promise<number> {
  const page = await env.PROGRESS.list({ prefix: keys.resultsPendingPrefix(quizId) });
  let moved = 0;
  for (const k of page.keys) {
    const row = await env.PROGRESS.get<LedgerRow>(k.name, 'json');
    if (row) await ledger(env, quizId).record(row);
    await env.PROGRESS.delete(k.name);
    moved++;
  }
  return moved;
}

/** Attempts recorded per quiz id: one Durable Object call per quiz, no learner keys read. */
export async function attemptCounts(env: Env, quizIds: string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(quizIds.map(async (id) => [id, await ledger(env, id).count()] as const));
  return new Map(counts);
}

/** The ledger's figures and response counts for a quiz (parked entries first, so every attempt is in). */
export async function ledgerReport(
  env: Env,
  quizId: string,
  selection: AttemptSelection,
  opts: { randomDraw?: boolean; questionIds?: string[] } = {},
): Promise<LedgerReport> {
  await drainPending(env, quizId);
  return ledger(env, quizId).report(selection, opts);
}

/** The attempt × question score matrix of a quiz (no learner keys: a row per attempt). */
export async function ledgerScores(
  env: Env,
  quizId: string,
  selection: AttemptSelection,
  questionIds: string[] = [],
): Promise<ScoreMatrix> {
  await drainPending(env, quizId);
  return ledger(env, quizId).scores(selection, questionIds);
}

export type { AttemptSelection, LedgerReport, ScoreMatrix };
