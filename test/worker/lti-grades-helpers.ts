// Shared by the grades tests: an emulated platform registered with the tool, its services answering the tool's
// outbound requests in this isolate, a launch into its context, and an attempt.
import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { toolJwks } from '../../worker/services/lti/keys.ts';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import { registry } from '../../worker/services/lti/platforms.ts';
import { bookName, gradebookOf } from '../../worker/services/lti/gradebook-object.ts';
import type { LtiAttempt, LtiLaunch } from '../../worker/services/lti/types.ts';
import { addLineItem, GRANTED_SCOPES, servicesRoutes, servicesState, servicesUrls } from '../lti-emulator/services.ts';
import { createEmulatorState } from '../lti-emulator/state.ts';

export const INSTRUCTOR_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';
export const LEARNER_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

let platforms = 0;

/** A platform on its own loopback origin, registered with the tool; the tool's LTI requests reach its services. */
export async function emulatedPlatform() {
  const state = await createEmulatorState(`http://127.0.0.1:${9100 + ++platforms}`, 'http://127.0.0.1');
  state.context = { id: `course-${platforms}`, title: `Deutsch B2 (${platforms})` };
  const s = servicesState(state);
  s.toolFetch = async () => Response.json(await toolJwks(env));
  const app = servicesRoutes(state);
  useLtiFetcher((url, init) => Promise.resolve(app.request(url, init)));
  const urls = servicesUrls(state.origin, state.context.id);
  await registry(env).savePlatform({
    issuer: state.issuer,
    clientId: state.tool.clientId,
    deploymentIds: [state.tool.deploymentId],
    authUrl: `${state.origin}/auth`,
    tokenUrl: urls.tokenUrl,
    jwksUrl: `${state.origin}/jwks`,
    name: 'Emulator',
  });
  return { state: s, urls, book: bookName(state.issuer, state.context.id) };
}

export type Platform = Awaited<ReturnType<typeof emulatedPlatform>>;

/** A resource-link launch into the platform's context, with a line item made for the link. */
export function launchOf(
  p: Platform,
  who: { sub: string; name?: string; instructor?: boolean },
  link = 'link-1',
  quiz = 'china',
): LtiLaunch {
  const item =
    p.state.lineItems.find((i) => i.resourceLinkId === link) ??
    addLineItem(p.state, { scoreMaximum: 10, label: quiz, resourceLinkId: link });
  return {
    iss: p.state.issuer,
    clientId: p.state.tool.clientId,
    deploymentId: p.state.tool.deploymentId,
    contextId: p.state.context.id,
    contextTitle: p.state.context.title,
    resourceLinkId: link,
    sub: who.sub,
    ...(who.name ? { name: who.name } : {}),
    roles: [who.instructor ? INSTRUCTOR_ROLE : LEARNER_ROLE],
    quiz,
    lang: 'en',
    ags: { lineitem: item.id, lineitems: p.urls.lineitems, scope: [...GRANTED_SCOPES].filter((x) => x.includes('lti-ags')) },
    nrps: { contextMembershipsUrl: p.urls.memberships },
  };
}

let attempts = 0;

/** An attempt of `quiz` with `points` of `max`, a second later than the one before. */
export function attemptOf(points: number, max = 10, quiz = 'china'): LtiAttempt {
  attempts++;
  return {
    attemptId: `attempt-${attempts}-${crypto.randomUUID().slice(0, 6)}`,
    quiz,
    score: points / max,
    points,
    maxPoints: max,
    submittedAt: new Date(Date.UTC(2026, 10, 1, 9, 0, attempts)).toISOString(),
    answers: [{ question: 'china-1', score: points / max, response: 'Seltene Erden' }],
  };
}

/** Lets the gradebook's alarm run now and waits for its drain (the scores it sends are then at the platform). */
export async function settle(book: string): Promise<void> {
  const stub = gradebookOf(env, book);
  await runDurableObjectAlarm(stub);
  await stub.drain();
}

/** A launched learner's id as the launch makes it (`lti_` + 22 or more base64url characters). */
export const ltiLearner = (n: string) => `lti_${n.padEnd(22, 'x')}`;
