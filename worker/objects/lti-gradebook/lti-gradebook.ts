import { DurableObject } from 'cloudflare:workers';
import { contextMembers, NAMES_EVERY_MS } from '../../services/lti/nrps.ts';
import { platformOf } from '../../services/lti/platforms.ts';
import type { AttemptPolicy, LtiAttempt } from '../../services/lti/types.ts';
import { recordAttemptFor } from './attempts.ts';
import { deletePerson, launchedLinks, saveLaunch, saveNames, type LaunchRecord } from './context.ts';
import { ScoreRefused } from '../../services/lti/ags.ts';
import { dueRows, markFailed, markRefused, markSent, nextDue, retryFailedNow } from './outbox.ts';
import { sendScore } from './passback.ts';
import { metaGet, metaSet, migrate } from './schema.ts';
import type { LinkResults } from '../../../web/pages/lti-results-types.ts';
import { learnerExport, linkResults, type LearnerExport } from './view.ts';

export type { LaunchRecord, LearnerExport, LinkResults };

/**
 * One LTI context's class results (one object per `${iss}\n${contextId}`, so names and scores never leave
 * their course): links and their policy, people and their names, attempts per learner, and the durable outbox
 * of scores to pass back, drained right after an attempt by the object's alarm and retried by it with backoff
 * (the alarm survives restarts; a failure is kept on the row for the instructor to see).
 */
export class LtiGradebook extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** The drain running now: a second caller waits for it instead of sending the same rows again. */
  private draining: Promise<void> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrate(this.sql);
  }

  /** Stores what a verified resource-link launch says about this context, its link and the person. */
  recordLaunch(r: LaunchRecord): void {
    this.ctx.storage.transactionSync(() => saveLaunch(this.sql, r, new Date().toISOString()));
  }

  /**
   * Records a learner's attempt for every link of its quiz the learner launched here, queues the score where
   * the link's rule says it counts, and has the alarm send it at once. Durable when it resolves. How many
   * scores were queued.
   */
  async recordAttempt(learnerId: string, attempt: LtiAttempt): Promise<number> {
    const now = Date.now();
    const queued = this.ctx.storage.transactionSync(
      () =>
        launchedLinks(this.sql, learnerId, attempt.quiz).filter((link) => recordAttemptFor(this.sql, link, learnerId, attempt, now)).length,
    );
    if (queued) await this.ctx.storage.setAlarm(now);
    return queued;
  }

  /** Sends every due score, then sets the alarm for the next retry (a throw would only retry the same). */
  override async alarm(): Promise<void> {
    await this.drain();
  }

  /** Sends the due scores, one drain at a time; rows queued meanwhile are picked up by the same loop. */
  drain(): Promise<void> {
    this.draining ??= this.sendDue().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async sendDue(): Promise<void> {
    for (let rows = dueRows(this.sql, Date.now()); rows.length; rows = dueRows(this.sql, Date.now())) {
      for (const row of rows) {
        try {
          await sendScore(this.env, this.sql, row);
          markSent(this.sql, row, new Date());
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          if (e instanceof ScoreRefused) markRefused(this.sql, row, error);
          else markFailed(this.sql, row, error, Date.now());
        }
      }
    }
    const next = nextDue(this.sql);
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  /** The instructor's "try again now" for a link's failed and refused scores; how many are sent again. */
  async retryFailed(linkId: string): Promise<number> {
    const n = retryFailedNow(this.sql, linkId, Date.now());
    if (n) await this.drain();
    return n;
  }

  /** The instructor's rule for which attempt counts; false for a link this context does not have. */
  setPolicy(linkId: string, policy: AttemptPolicy): boolean {
    if (!this.sql.exec(`SELECT 1 FROM links WHERE link_id = ?`, linkId).toArray().length) return false;
    this.sql.exec(`UPDATE links SET policy = ? WHERE link_id = ?`, policy, linkId);
    return true;
  }

  /**
   * The link's results for its instructor, with names from NRPS refreshed first when the platform grants it
   * and the last refresh is older than NAMES_EVERY_MS (a failed refresh keeps the names there are).
   */
  async results(linkId: string): Promise<LinkResults | null> {
    await this.refreshNames().catch((e: unknown) => console.warn('lti gradebook: names not refreshed', e));
    return linkResults(this.sql, linkId);
  }

  private async refreshNames(): Promise<void> {
    const url = metaGet(this.sql, 'nrpsUrl');
    const last = Number(metaGet(this.sql, 'namesAt') ?? 0);
    if (!url || Date.now() - last < NAMES_EVERY_MS) return;
    metaSet(this.sql, 'namesAt', String(Date.now()));
    const p = await platformOf(this.env, metaGet(this.sql, 'iss') ?? '', metaGet(this.sql, 'clientId') ?? '');
    if (!p) return;
    const members = await contextMembers(this.env, p, url);
    const names = new Map(members.filter((m) => m.name).map((m) => [m.sub, m.name!]));
    this.ctx.storage.transactionSync(() => saveNames(this.sql, names));
  }

  /** What this context holds about a learner, for their export: the course, their name, their attempts. */
  learnerData(learnerId: string): LearnerExport | null {
    return learnerExport(this.sql, learnerId);
  }

  /** Erases a learner from this context: name, launches, attempts and queued scores. Whether they were here. */
  eraseLearner(learnerId: string): boolean {
    return this.ctx.storage.transactionSync(() => deletePerson(this.sql, learnerId));
  }
}
