import { DurableObject } from 'cloudflare:workers';

/** The numbers of docs/decisions/0009-instructor-sign-in.md (why these, and what they cost). */
export const SIGNIN_LIMITS = {
  /** Failed attempts one client may make per window before even the right token is refused. */
  perClient: 5,
  /** Failed attempts all clients together may make per window: the ceiling of a distributed guess. */
  global: 30,
  windowMs: 60_000,
  /** A client that presented the right token this recently is held by its own limit only, not the global one. */
  knownMs: 24 * 3600_000,
} as const;

/** What the guard made of one attempt: let it in, a wrong token (counted), or refused unseen. */
export type Verdict = { outcome: 'admitted' } | { outcome: 'wrong' } | { outcome: 'limited'; retryAfterSeconds: number };

/** A web session to keep if the attempt is admitted; `expiresAt` in ms, as in the signed cookie. */
export interface NewSession {
  nonce: string;
  expiresAt: number;
}

/**
 * The instructor's gate, one object for the whole deployment (instructor traffic is tiny): failed sign-in
 * attempts per client and in total, clients known to hold the token, and the live web sessions. SQLite, so
 * a restart or a new isolate forgets nothing. Every method is synchronous SQL, so each call is atomic: two
 * attempts at once cannot both slip under a limit.
 */
export class SigninGuard extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS failures (bucket TEXT NOT NULL, at INTEGER NOT NULL)`);
    this.sql.exec(`CREATE INDEX IF NOT EXISTS failures_by_bucket ON failures (bucket, at)`);
    this.sql.exec(`CREATE INDEX IF NOT EXISTS failures_by_time ON failures (at)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS known (bucket TEXT PRIMARY KEY, until INTEGER NOT NULL) WITHOUT ROWID`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS sessions (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID`);
  }

  /**
   * One attempt with a token, already compared in constant time by the caller. The limits are applied
   * first and the verdict is read only if they let the client through, so while limited the right token
   * is refused exactly like a wrong one. A refused attempt is not counted again (the lockout does not grow
   * while a client waits); a success resets nothing, so a signed-in instructor cannot clear an attacker's
   * count that shares their address, and failures only age out of the window. `bucket` names the client
   * opaquely (the worker sends a keyed hash; no address reaches the guard).
   */
  attempt(bucket: string, right: boolean, session?: NewSession): Verdict {
    const now = Date.now();
    const since = now - SIGNIN_LIMITS.windowMs;
    const waits: number[] = [];
    const mine = this.failures(since, bucket);
    if (mine.count >= SIGNIN_LIMITS.perClient) waits.push(mine.oldest);
    if (!this.isKnown(bucket, now)) {
      const all = this.failures(since);
      if (all.count >= SIGNIN_LIMITS.global) waits.push(all.oldest);
    }
    if (waits.length) {
      const freeAt = Math.max(...waits) + SIGNIN_LIMITS.windowMs;
      return { outcome: 'limited', retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
    }
    if (!right) {
      this.prune(now);
      this.sql.exec(`INSERT INTO failures (bucket, at) VALUES (?, ?)`, bucket, now);
      return { outcome: 'wrong' };
    }
    this.remember(bucket, now);
    if (session) {
      this.prune(now);
      this.sql.exec(`INSERT OR REPLACE INTO sessions (nonce, expires_at) VALUES (?, ?)`, session.nonce, session.expiresAt);
    }
    return { outcome: 'admitted' };
  }

  /** True while the session was started here, has not expired and was not ended by signing out. */
  isSessionActive(nonce: string): boolean {
    return this.sql.exec(`SELECT 1 FROM sessions WHERE nonce = ? AND expires_at > ?`, nonce, Date.now()).toArray().length > 0;
  }

  /** Signing out: the session's cookie is worthless from now on, even if someone kept a copy. */
  endSession(nonce: string): void {
    this.prune(Date.now());
    this.sql.exec(`DELETE FROM sessions WHERE nonce = ?`, nonce);
  }

  /** Drops what no longer counts, whenever something is written: failures out of the window, ended sessions, stale clients. */
  private prune(now: number) {
    this.sql.exec(`DELETE FROM failures WHERE at <= ?`, now - SIGNIN_LIMITS.windowMs);
    this.sql.exec(`DELETE FROM sessions WHERE expires_at <= ?`, now);
    this.sql.exec(`DELETE FROM known WHERE until <= ?`, now);
  }

  private failures(since: number, bucket?: string): { count: number; oldest: number } {
    const row = bucket
      ? this.sql
          .exec<{ n: number; oldest: number | null }>(
            `SELECT count(*) AS n, min(at) AS oldest FROM failures WHERE bucket = ? AND at > ?`,
            bucket,
            since,
          )
          .one()
      : this.sql
          .exec<{ n: number; oldest: number | null }>(`SELECT count(*) AS n, min(at) AS oldest FROM failures WHERE at > ?`, since)
          .one();
    return { count: row.n, oldest: row.oldest ?? 0 };
  }

  private isKnown(bucket: string, now: number): boolean {
    return this.sql.exec(`SELECT 1 FROM known WHERE bucket = ? AND until > ?`, bucket, now).toArray().length > 0;
  }

  /** Marks the client as one that holds the token; written at most once an hour per client (API calls are frequent). */
  private remember(bucket: string, now: number) {
    const until = now + SIGNIN_LIMITS.knownMs;
    const fresh = this.sql.exec(`SELECT 1 FROM known WHERE bucket = ? AND until > ?`, bucket, until - 3600_000).toArray().length > 0;
    if (fresh) return;
    this.prune(now);
    this.sql.exec(`INSERT OR REPLACE INTO known (bucket, until) VALUES (?, ?)`, bucket, until);
  }
}
