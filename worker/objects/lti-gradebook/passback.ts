// Sends one queued score to the platform: the line item of the link (found or made when the launch named only
// the container), the platform's token URL from the registry, the score body AGS asks for.
import { lineItemOf, postScore, scoreBody } from '../../services/lti/ags.ts';
import { platformOf } from '../../services/lti/platforms.ts';
import { attemptOf } from './attempts.ts';
import { linkOf } from './context.ts';
import type { OutboxRow } from './outbox.ts';
import { metaGet } from './schema.ts';

/** A queued score that cannot be sent as things stand (shown to the instructor, retried later). */
export class PassbackError extends Error {
  override name = 'PassbackError';
}

/** The platform of this context, as the registry has it now (a changed token URL is picked up). */
async function platform(env: Env, sql: SqlStorage) {
  const iss = metaGet(sql, 'iss');
  const clientId = metaGet(sql, 'clientId');
  const p = iss && clientId ? await platformOf(env, iss, clientId) : null;
  if (!p) throw new PassbackError('the platform is not registered with the tool (any more)');
  return p;
}

/** The line item URL of a link: the launch's, else the one bound to the link in the container (stored). */
async function lineItem(env: Env, sql: SqlStorage, linkId: string, scoreMaximum: number, p: { clientId: string; tokenUrl: string }) {
  const link = linkOf(sql, linkId);
  if (!link) throw new PassbackError('the link is gone');
  if (link.lineitem) return link.lineitem;
  if (!link.lineitems) throw new PassbackError('the launch granted no line item');
  const found = await lineItemOf(env, p, link.lineitems, { linkId, quiz: link.quiz, label: link.quiz, scoreMaximum });
  sql.exec(`UPDATE links SET lineitem = ? WHERE link_id = ?`, found, linkId);
  return found;
}

/** Posts the row's score; rejects with the reason when the platform did not take it. */
export async function sendScore(env: Env, sql: SqlStorage, row: OutboxRow): Promise<void> {
  const attempt = attemptOf(sql, row.attemptId, row.linkId);
  const sub = sql.exec<{ sub: string }>(`SELECT sub FROM people WHERE learner_id = ?`, row.learnerId).toArray()[0]?.sub;
  if (!attempt || !sub) throw new PassbackError('the attempt or its learner is gone');
  const p = await platform(env, sql);
  const url = await lineItem(env, sql, row.linkId, attempt.max, p);
  await postScore(env, p, url, scoreBody(sub, attempt.points, attempt.max, attempt.submittedAt));
}
