// Assignment and Grade Services 2.0: the score the tool posts to a line item, and the line item of a link
// when the launch named only the container. Called by the gradebook's outbox drain (one context's object).
import { ltiFetch, ltiJson, LtiFetchError } from './http.ts';
import { accessToken, renewedToken, SCOPES, type TokenPlatform } from './token.ts';

export const SCORE_TYPE = 'application/vnd.ims.lis.v1.score+json';
export const LINEITEM_TYPE = 'application/vnd.ims.lis.v2.lineitem+json';
export const LINEITEMS_TYPE = 'application/vnd.ims.lis.v2.lineitemcontainer+json';

/** The score body AGS 2.0 defines, as the issue asks for it: a finished, fully graded attempt. */
export interface ScoreBody {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: 'Completed';
  gradingProgress: 'FullyGraded';
  timestamp: string;
}

/** The score of an attempt for the platform's user `sub` (points of max, at the attempt's time). */
export const scoreBody = (sub: string, points: number, max: number, submittedAt: string): ScoreBody => ({
  userId: sub,
  scoreGiven: points,
  scoreMaximum: max,
  activityProgress: 'Completed',
  gradingProgress: 'FullyGraded',
  timestamp: new Date(submittedAt).toISOString(),
});

/** `{lineitem}/scores`, keeping the line item URL's query (AGS 2.0, 3.4). */
export function scoresUrl(lineitem: string): string {
  const url = new URL(lineitem);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.toString();
}

/** A non-2xx answer as an error that names the status and the start of the body (shown to the instructor). */
async function failure(res: Response, what: string): Promise<LtiFetchError> {
  const text = (await res.text().catch(() => '')).slice(0, 200);
  return new LtiFetchError(`${what} answered ${res.status}${text ? `: ${text}` : ''}`);
}

/**
 * The platform refused a score with a 4xx that sending it again would not change (400, 403, 404, 422…, or a
 * 401 with a fresh token): the outbox marks it refused and stops retrying until the instructor asks.
 */
export class ScoreRefused extends LtiFetchError {
  override name = 'ScoreRefused';
}

/** 4xx answers that say "later", not "no": a timeout and rate limiting are retried with backoff like a 5xx. */
const RETRIED_4XX = new Set([408, 429]);

const scorePost = (env: Env, token: string, lineitem: string, body: ScoreBody) =>
  ltiFetch(env, scoresUrl(lineitem), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': SCORE_TYPE },
    body: JSON.stringify(body),
  });

/**
 * Posts one score; resolves when the platform took it (2xx). A 401 gets a new token and one more try at
 * once; then a refusing 4xx rejects with ScoreRefused, anything else (5xx, 408, 429, no answer) with
 * LtiFetchError, to be retried later. Either names what the platform answered.
 */
export async function postScore(env: Env, p: TokenPlatform, lineitem: string, body: ScoreBody): Promise<void> {
  const token = await accessToken(env, p, [SCOPES.score]);
  let res = await scorePost(env, token, lineitem, body);
  if (res.status === 401) {
    await res.body?.cancel();
    res = await scorePost(env, await renewedToken(env, p, [SCOPES.score], token), lineitem, body);
  }
  if (res.ok) return void (await res.body?.cancel());
  const error = await failure(res, 'the score endpoint');
  if (res.status >= 400 && res.status < 500 && !RETRIED_4XX.has(res.status)) throw new ScoreRefused(error.message);
  throw error;
}

interface LineItem {
  id?: string;
  resourceLinkId?: string;
}

/**
 * The line item of a link when the launch gave only the container URL (the platform lets the tool manage line
 * items): the one bound to the link, else a new one made for it.
 */
export async function lineItemOf(
  env: Env,
  p: TokenPlatform,
  lineitems: string,
  link: { linkId: string; quiz: string; label: string; scoreMaximum: number },
): Promise<string> {
  const token = await accessToken(env, p, [SCOPES.lineitem]);
  const find = new URL(lineitems);
  find.searchParams.set('resource_link_id', link.linkId);
  const listed = await ltiJson<LineItem[]>(
    await ltiFetch(env, find.toString(), { headers: { authorization: `Bearer ${token}`, accept: LINEITEMS_TYPE } }),
  );
  const bound = Array.isArray(listed) ? listed.find((i) => i.resourceLinkId === link.linkId && typeof i.id === 'string') : undefined;
  if (bound?.id) return bound.id;
  const res = await ltiFetch(env, lineitems, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': LINEITEM_TYPE, accept: LINEITEM_TYPE },
    body: JSON.stringify({ scoreMaximum: link.scoreMaximum, label: link.label, resourceId: link.quiz, resourceLinkId: link.linkId }),
  });
  if (!res.ok) throw await failure(res, 'the line items endpoint');
  const made = (await ltiJson<LineItem>(res)).id;
  if (typeof made !== 'string') throw new LtiFetchError('the new line item has no id');
  return made;
}
