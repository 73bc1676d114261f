// The emulated platform's LTI Advantage services, written from the specifications: the OAuth 2.0 token
// endpoint of the LTI Security Framework (client credentials with a JWT assertion, RFC 7523, verified against
// the tool's JWKS), Assignment and Grade Services 2.0 (line items, scores) and Names and Role Provisioning
// Services 2.0 (memberships). What the tool sent is kept on the state for the tests to read.
import { Hono, type Context } from 'hono';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { EmulatorState, EmulatorUser } from './state.ts';

export const CONTENT_TYPES = {
  score: 'application/vnd.ims.lis.v1.score+json',
  lineitem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineitems: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  memberships: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
} as const;

const SCOPE = {
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  lineitem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineitemRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultRead: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  memberships: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;
/** Every scope this platform grants a registered tool. */
export const GRANTED_SCOPES: readonly string[] = Object.values(SCOPE);

export interface LineItem {
  id: string;
  scoreMaximum: number;
  label: string;
  resourceId?: string;
  resourceLinkId?: string;
}

/** A score the platform took, with the line item it was posted to. */
export type ReceivedScore = { lineitem: string } & Record<string, unknown>;

/** The AGS and NRPS side of the emulator's state (kept on the same object as the platform side). */
export interface ServicesState {
  lineItems: LineItem[];
  scores: ReceivedScore[];
  /** The context's members as NRPS lists them. */
  members: EmulatorUser[];
  /** Access tokens issued, with their scopes; `tokenRequests` counts every request to the token endpoint. */
  tokens: Map<string, string[]>;
  tokenRequests: number;
  /** Requests to the memberships endpoint (NRPS), answered or not. */
  membershipRequests: number;
  /** Assertion ids seen: a replayed assertion is refused. */
  assertionIds: Set<string>;
  /** The next this many score posts are answered with `failStatus` (500 unless set: the tool must retry them). */
  failScores: number;
  failStatus: number;
  /** How the emulator reaches the tool's JWKS (the tests' in-isolate worker, or the network). */
  toolFetch: (url: string) => Promise<Response>;
}

/** The services' state on `state`, created on first use. */
export function servicesState(state: EmulatorState): EmulatorState & ServicesState {
  const s = state as EmulatorState & Partial<ServicesState>;
  s.lineItems ??= [];
  s.scores ??= [];
  s.members ??= [];
  s.tokens ??= new Map();
  s.tokenRequests ??= 0;
  s.membershipRequests ??= 0;
  s.assertionIds ??= new Set();
  s.failScores ??= 0;
  s.failStatus ??= 500;
  s.toolFetch ??= (url) => fetch(url);
  return s as EmulatorState & ServicesState;
}

/** The services' URLs for a context of the platform at `origin` (what launches and the openid configuration name). */
export const servicesUrls = (origin: string, contextId: string) => ({
  tokenUrl: `${origin}/token`,
  lineitems: `${origin}/contexts/${encodeURIComponent(contextId)}/lineitems`,
  lineitem: (id: string) => `${origin}/contexts/${encodeURIComponent(contextId)}/lineitems/${encodeURIComponent(id)}`,
  memberships: `${origin}/contexts/${encodeURIComponent(contextId)}/memberships`,
});

/** A line item for a resource link (what a deep-linking response with `lineItem` makes on a real platform). */
export function addLineItem(state: EmulatorState, item: Omit<LineItem, 'id'>): LineItem {
  const s = servicesState(state);
  const made = { ...item, id: servicesUrls(state.origin, state.context.id).lineitem(`li-${s.lineItems.length + 1}`) };
  s.lineItems.push(made);
  return made;
}

/** An OAuth error as RFC 6749 5.2 words it. */
const oauthError = (c: Context, error: string, description: string, status: 400 | 401 = 400) =>
  c.json({ error, error_description: description }, status);

/** The scopes of the request's bearer token, or null. */
function bearerScopes(s: ServicesState, c: Context): string[] | null {
  const m = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
  return (m && s.tokens.get(m[1]!)) || null;
}

/** The token endpoint: client_credentials with a client assertion signed by a key of the tool's JWKS. */
async function token(s: EmulatorState & ServicesState, c: Context) {
  s.tokenRequests++;
  const form = await c.req.parseBody();
  if (form.grant_type !== 'client_credentials') return oauthError(c, 'unsupported_grant_type', 'client_credentials only');
  if (form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || typeof form.client_assertion !== 'string')
    return oauthError(c, 'invalid_client', 'a jwt-bearer client assertion is required', 401);
  const jwks = (await (await s.toolFetch(s.tool.jwksUrl)).json()) as JSONWebKeySet;
  let jti: unknown;
  try {
    const { payload } = await jwtVerify(form.client_assertion, createLocalJWKSet(jwks), {
      issuer: s.tool.clientId,
      subject: s.tool.clientId,
      audience: `${s.origin}/token`,
      algorithms: ['RS256'],
      requiredClaims: ['jti', 'exp', 'iat'],
    });
    jti = payload.jti;
  } catch (e) {
    return oauthError(c, 'invalid_client', `assertion refused: ${(e as Error).message}`, 401);
  }
  if (typeof jti !== 'string' || s.assertionIds.has(jti)) return oauthError(c, 'invalid_client', 'assertion replayed', 401);
  s.assertionIds.add(jti);
  const asked = typeof form.scope === 'string' ? form.scope.split(' ').filter(Boolean) : [];
  const scopes = asked.filter((x) => GRANTED_SCOPES.includes(x));
  if (!scopes.length) return oauthError(c, 'invalid_scope', 'none of the scopes asked for is granted');
  const accessToken = `tok-${crypto.randomUUID()}`;
  s.tokens.set(accessToken, scopes);
  return c.json({ access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') });
}

/** A score body as AGS 2.0 (3.4) defines it, or the reason it is not one. */
function scoreProblem(b: Record<string, unknown>): string | null {
  if (typeof b.userId !== 'string' || !b.userId) return 'userId';
  if (typeof b.scoreGiven !== 'number' || typeof b.scoreMaximum !== 'number' || !(b.scoreMaximum > 0) || b.scoreGiven < 0)
    return 'scoreGiven/scoreMaximum';
  if (!['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'].includes(b.activityProgress as string)) return 'activityProgress';
  if (!['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'].includes(b.gradingProgress as string)) return 'gradingProgress';
  if (typeof b.timestamp !== 'string' || Number.isNaN(Date.parse(b.timestamp))) return 'timestamp';
  return null;
}

/** What the platform says with each status a test makes it answer a score with. */
const FAILURES: Record<number, string> = {
  400: 'invalid score: the line item is closed',
  401: 'invalid_token',
  429: 'too many requests',
  500: 'the gradebook is unavailable',
};

/** A score post (AGS 2.0, 3.4) to a line item: `failStatus` while `failScores` lasts, else recorded and 204. */
async function takeScore(s: ServicesState, c: Context, lineitem: string) {
  if (!c.req.header('content-type')?.startsWith(CONTENT_TYPES.score)) return c.body(null, 415);
  if (s.failScores > 0) {
    s.failScores--;
    return c.text(FAILURES[s.failStatus] ?? 'refused', s.failStatus as 500);
  }
  const body = await c.req.json<Record<string, unknown>>();
  const problem = scoreProblem(body);
  if (problem) return c.text(`invalid score: ${problem}`, 400);
  s.scores.push({ lineitem, ...body });
  return c.body(null, 204);
}

/** The emulator's AGS and NRPS routes and its token endpoint, mounted by the emulator's app at its root. */
export function servicesRoutes(state: EmulatorState): Hono {
  const s = servicesState(state);
  const app = new Hono();
  const ctxOk = (c: Context) => c.req.param('ctx') === s.context.id;
  const needs = (c: Context, scope: string) => bearerScopes(s, c)?.includes(scope) ?? false;
  const itemUrl = (c: Context) => servicesUrls(s.origin, s.context.id).lineitem(c.req.param('id')!);
  app.post('/token', (c) => token(s, c));
  app.get('/contexts/:ctx/lineitems', (c) => {
    if (!ctxOk(c)) return c.notFound();
    if (!needs(c, SCOPE.lineitem) && !needs(c, SCOPE.lineitemRead)) return c.body(null, 401);
    const link = c.req.query('resource_link_id');
    const items = s.lineItems.filter((i) => !link || i.resourceLinkId === link);
    return c.body(JSON.stringify(items), 200, { 'content-type': CONTENT_TYPES.lineitems });
  });
  app.post('/contexts/:ctx/lineitems', async (c) => {
    if (!ctxOk(c)) return c.notFound();
    if (!needs(c, SCOPE.lineitem)) return c.body(null, 401);
    if (!c.req.header('content-type')?.startsWith(CONTENT_TYPES.lineitem)) return c.body(null, 415);
    const b = await c.req.json<Partial<LineItem>>();
    if (typeof b.scoreMaximum !== 'number' || !(b.scoreMaximum > 0) || typeof b.label !== 'string') return c.body(null, 400);
    const made = addLineItem(s, {
      scoreMaximum: b.scoreMaximum,
      label: b.label,
      ...(b.resourceId ? { resourceId: b.resourceId } : {}),
      ...(b.resourceLinkId ? { resourceLinkId: b.resourceLinkId } : {}),
    });
    return c.body(JSON.stringify(made), 201, { 'content-type': CONTENT_TYPES.lineitem });
  });
  app.get('/contexts/:ctx/lineitems/:id', (c) => {
    const item = s.lineItems.find((i) => i.id === itemUrl(c));
    if (!ctxOk(c) || !item) return c.notFound();
    if (!needs(c, SCOPE.lineitem) && !needs(c, SCOPE.lineitemRead)) return c.body(null, 401);
    return c.body(JSON.stringify(item), 200, { 'content-type': CONTENT_TYPES.lineitem });
  });
  app.post('/contexts/:ctx/lineitems/:id/scores', (c) => {
    if (!ctxOk(c) || !s.lineItems.some((i) => i.id === itemUrl(c))) return c.notFound();
    if (!needs(c, SCOPE.score)) return c.body(null, 401);
    return takeScore(s, c, itemUrl(c));
  });
  app.get('/contexts/:ctx/memberships', (c) => {
    s.membershipRequests++;
    if (!ctxOk(c)) return c.notFound();
    if (!needs(c, SCOPE.memberships)) return c.body(null, 401);
    const members = s.members.map((u) => ({ status: 'Active', name: u.name, user_id: u.sub, roles: u.roles }));
    const body = { id: c.req.url, context: { id: s.context.id, title: s.context.title }, members };
    return c.body(JSON.stringify(body), 200, { 'content-type': CONTENT_TYPES.memberships });
  });
  return app;
}
