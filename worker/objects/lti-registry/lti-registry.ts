import { DurableObject } from 'cloudflare:workers';
import { platformOrigins, type Platform } from '../../services/lti/platform-types.ts';
import { REGISTRY_SCHEMA } from './schema.ts';

interface PlatformRow extends Record<string, SqlStorageValue> {
  issuer: string;
  client_id: string;
  auth_url: string;
  token_url: string;
  jwks_url: string;
  name: string;
}

/**
 * LTI 1.3 platforms, their deployments, single-use nonces, login states, platform key sets and launched
 * sessions: one SQLite object for the whole deployment of this tool (issue 19; docs/decisions/0012-lti.md).
 * Every method is synchronous SQL, so each call is atomic: two launches with one nonce cannot both pass.
 */
export class LtiRegistry extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    for (const statement of REGISTRY_SCHEMA) this.sql.exec(statement);
  }

  /**
   * Registers (or re-registers) a platform; its deployments become exactly `p.deploymentIds`. With
   * `learnsDeployments` (a dynamic registration that named none), a verified launch adds its deployment.
   */
  savePlatform(p: Platform, learnsDeployments = false): void {
    this.ctx.storage.transactionSync(() => {
      this.sql.exec(
        `INSERT INTO platforms (issuer, client_id, auth_url, token_url, jwks_url, name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (issuer, client_id) DO UPDATE SET auth_url = excluded.auth_url, token_url = excluded.token_url,
           jwks_url = excluded.jwks_url, name = excluded.name`,
        p.issuer,
        p.clientId,
        p.authUrl,
        p.tokenUrl,
        p.jwksUrl,
        p.name,
        Date.now(),
      );
      this.sql.exec(`DELETE FROM deployments WHERE issuer = ? AND client_id = ?`, p.issuer, p.clientId);
      for (const id of new Set(p.deploymentIds))
        this.sql.exec(`INSERT INTO deployments (issuer, client_id, deployment_id) VALUES (?, ?, ?)`, p.issuer, p.clientId, id);
      this.sql.exec(`DELETE FROM learns_deployments WHERE issuer = ? AND client_id = ?`, p.issuer, p.clientId);
      if (learnsDeployments) this.sql.exec(`INSERT INTO learns_deployments (issuer, client_id) VALUES (?, ?)`, p.issuer, p.clientId);
    });
  }

  /** Whether a verified launch's deployment is recorded for this platform (dynamically registered without one). */
  learnsDeployments(issuer: string, clientId: string): boolean {
    return this.sql.exec(`SELECT 1 FROM learns_deployments WHERE issuer = ? AND client_id = ?`, issuer, clientId).toArray().length > 0;
  }

  platform(issuer: string, clientId: string): Platform | null {
    const row = this.sql.exec<PlatformRow>(`SELECT * FROM platforms WHERE issuer = ? AND client_id = ?`, issuer, clientId).toArray()[0];
    return row ? this.toPlatform(row) : null;
  }

  /** Every registration of one issuer (a login without `client_id` is fine when there is exactly one). */
  platformsOf(issuer: string): Platform[] {
    return this.sql
      .exec<PlatformRow>(`SELECT * FROM platforms WHERE issuer = ?`, issuer)
      .toArray()
      .map((r) => this.toPlatform(r));
  }

  platforms(): Platform[] {
    return this.sql
      .exec<PlatformRow>(`SELECT * FROM platforms ORDER BY created_at, issuer, client_id`)
      .toArray()
      .map((r) => this.toPlatform(r));
  }

  removePlatform(issuer: string, clientId: string): boolean {
    this.sql.exec(`DELETE FROM deployments WHERE issuer = ? AND client_id = ?`, issuer, clientId);
    this.sql.exec(`DELETE FROM learns_deployments WHERE issuer = ? AND client_id = ?`, issuer, clientId);
    return this.sql.exec(`DELETE FROM platforms WHERE issuer = ? AND client_id = ?`, issuer, clientId).rowsWritten > 0;
  }

  /** The origins every registered platform frames the tool from (its issuer's and its auth URL's). */
  origins(): string[] {
    return [...new Set(this.platforms().flatMap((p) => platformOrigins(p)))];
  }

  /** A login: its nonce (unused) and the server-side copy of its state, both expiring at `expiresAt`. */
  startLogin(nonce: string, state: string, value: string, expiresAt: number): void {
    const now = Date.now();
    this.sql.exec(`DELETE FROM nonces WHERE expires_at <= ?`, now);
    this.sql.exec(`DELETE FROM states WHERE expires_at <= ?`, now);
    this.sql.exec(`INSERT INTO nonces (nonce, expires_at) VALUES (?, ?)`, nonce, expiresAt);
    this.sql.exec(`INSERT INTO states (state, value, expires_at) VALUES (?, ?, ?)`, state, value, expiresAt);
  }

  /** The state's stored value, once: it is deleted as it is read. */
  takeState(state: string): string | null {
    const row = this.sql
      .exec<{ value: string }>(`DELETE FROM states WHERE state = ? AND expires_at > ? RETURNING value`, state, Date.now())
      .toArray()[0];
    return row?.value ?? null;
  }

  /**
   * The last step of a verified launch, atomic: its deployment must be registered for the platform (or the
   * platform learns deployments, and this one is then recorded), then its login's nonce is used, exactly once
   * per nonce of a login that has not expired. A refused deployment does not use the nonce.
   */
  admitLaunch(nonce: string, issuer: string, clientId: string, deploymentId: string): 'admitted' | 'unknown_deployment' | 'replayed' {
    return this.ctx.storage.transactionSync(() => {
      const known =
        this.sql
          .exec(`SELECT 1 FROM deployments WHERE issuer = ? AND client_id = ? AND deployment_id = ?`, issuer, clientId, deploymentId)
          .toArray().length > 0;
      if (!known && !this.learnsDeployments(issuer, clientId)) return 'unknown_deployment';
      const used = this.sql.exec(
        `UPDATE nonces SET used = 1 WHERE nonce = ? AND used = 0 AND expires_at > ?`,
        nonce,
        Date.now(),
      ).rowsWritten;
      if (used !== 1) return 'replayed';
      if (!known)
        this.sql.exec(`INSERT INTO deployments (issuer, client_id, deployment_id) VALUES (?, ?, ?)`, issuer, clientId, deploymentId);
      return 'admitted';
    });
  }

  jwks(url: string): { body: string; expiresAt: number } | null {
    const row = this.sql.exec<{ body: string; expires_at: number }>(`SELECT body, expires_at FROM jwks WHERE url = ?`, url).toArray()[0];
    return row ? { body: row.body, expiresAt: row.expires_at } : null;
  }

  saveJwks(url: string, body: string, expiresAt: number): void {
    this.sql.exec(`INSERT OR REPLACE INTO jwks (url, body, expires_at) VALUES (?, ?, ?)`, url, body, expiresAt);
  }

  saveSession(sid: string, launch: string, expiresAt: number): void {
    this.sql.exec(`DELETE FROM sessions WHERE expires_at <= ?`, Date.now());
    this.sql.exec(`INSERT OR REPLACE INTO sessions (sid, launch, expires_at) VALUES (?, ?, ?)`, sid, launch, expiresAt);
  }

  session(sid: string): string | null {
    const row = this.sql
      .exec<{ launch: string }>(`SELECT launch FROM sessions WHERE sid = ? AND expires_at > ?`, sid, Date.now())
      .toArray()[0];
    return row?.launch ?? null;
  }

  private toPlatform(row: PlatformRow): Platform {
    const deploymentIds = this.sql
      .exec<{ deployment_id: string }>(
        `SELECT deployment_id FROM deployments WHERE issuer = ? AND client_id = ? ORDER BY deployment_id`,
        row.issuer,
        row.client_id,
      )
      .toArray()
      .map((d) => d.deployment_id);
    return {
      issuer: row.issuer,
      clientId: row.client_id,
      authUrl: row.auth_url,
      tokenUrl: row.token_url,
      jwksUrl: row.jwks_url,
      deploymentIds,
      name: row.name,
    };
  }
}
