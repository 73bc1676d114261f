// The public ids of an attempt (docs/decisions/0007-public-ids.md): HMAC-SHA-256 under a key derived from
// LEARNER_SECRET, of quiz, question, authoring key and the attempt's seed, cut to 64 bits. Made with
// WebCrypto when a quiz is opened, so core grades with a plain lookup (core/quiz/public-ids.ts).
import { idRequests, idsFrom, type PublicIds } from '../../core/quiz/public-ids.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { Question } from '../../core/quiz/schema.ts';

const encoder = new TextEncoder();
/** What the derived key is for: one secret, several keys that never stand in for each other. */
const PURPOSE = 'public-ids';

// One imported key per secret and isolate: deriving and importing it again for every quiz opened costs CPU
// for nothing. Keyed by the secret, so a rotated secret (or a test's) gets its own.
const keys = new Map<string, Promise<CryptoKey>>();

const hmacKey = (raw: BufferSource) => crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

/** The MAC key of public ids: HMAC(LEARNER_SECRET, "public-ids"), so learner cookies and ids use different keys. */
function idKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = hmacKey(encoder.encode(secret))
      .then((master) => crypto.subtle.sign('HMAC', master, encoder.encode(PURPOSE)))
      .then(hmacKey);
    // A failed import must not stay cached for the isolate's life.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

/**
 * The first 64 bits of a MAC as two 7-digit base-36 halves: URL-, form- and HTML-id-safe, the alphabet the old
 * ids used, and cheap (BigInt arithmetic cost more than the MACs themselves).
 */
function idText(mac: ArrayBuffer): string {
  const v = new DataView(mac);
  return v.getUint32(0).toString(36).padStart(7, '0') + v.getUint32(4).toString(36).padStart(7, '0');
}

/** The message of one id: JSON of its parts, so no two different (quiz, question, key, seed) give the same bytes. */
const message = (quizId: string, questionId: string, key: string, seed: string) =>
  encoder.encode(JSON.stringify([quizId, questionId, key, seed]));

/**
 * The public ids of every choice and item of `questions` in quiz `quizId` for the attempt `seed` (and each
 * question's secret shuffle seed). One MAC per id, all in parallel.
 */
export async function publicIdsFor(secret: string, quizId: string, seed: string, questions: readonly Question[]): Promise<PublicIds> {
  // A deploy without the secret is our fault (a 500), never a reason to hand out guessable ids.
  if (!secret || secret.length < 16) throw new Error('LEARNER_SECRET is not set (see README: Deploy)');
  const key = await idKey(secret);
  const requests = idRequests(questions);
  const macs = await Promise.all(requests.map((r) => crypto.subtle.sign('HMAC', key, message(quizId, r.questionId, r.key, seed))));
  return idsFrom(requests, macs.map(idText));
}

/** publicIdsFor with the worker's secret. */
export const sessionIds = (env: Env, quizId: string, seed: string, questions: readonly Question[]) =>
  publicIdsFor(env.LEARNER_SECRET, quizId, seed, questions);

/**
 * The ids of the latest quizzes opened in this isolate. A practice run opens its quiz for every question
 * (each check, each page) with the same seed: made once, a run costs one set of MACs instead of one a request.
 * Keyed by everything the ids depend on (secret, quiz, its version, seed); small, oldest dropped first.
 */
const recent = new Map<string, Promise<PublicIds>>();
const RECENT_MAX = 256;

/** The ids of `quiz` (a lesson, a final test draw, a published set version) for the attempt `seed`. */
export function quizIds(env: Env, quiz: Quiz, seed: string): Promise<PublicIds> {
  const slot = JSON.stringify([env.LEARNER_SECRET, quiz.id, quiz.version, seed]);
  let ids = recent.get(slot);
  if (ids)
    recent.delete(slot); // moved to the end: most recently used
  else {
    ids = sessionIds(env, quiz.id, seed, quiz.questions);
    ids.catch(() => recent.delete(slot));
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  recent.set(slot, ids);
  return ids;
}
