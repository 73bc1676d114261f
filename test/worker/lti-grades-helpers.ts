// Shared by the grades tests: the emulated platform (lti-helpers.ts) registered with the tool, a launch into
// its context as the launch route records it, and an attempt.
import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { bookName, gradebookOf } from '../../worker/services/lti/gradebook-object.ts';
import type { LtiAttempt, LtiLaunch } from '../../worker/services/lti/types.ts';
import { ROLES } from '../lti-emulator/platform.ts';
import { addLineItem, GRANTED_SCOPES, servicesState, servicesUrls } from '../lti-emulator/services.ts';
import { emulator, registerManually } from './lti-helpers.ts';

let platforms = 0;

/** A platform of its own (origin and course), registered with the tool; the tool's LTI requests reach it. */
export async function emulatedPlatform() {
  const { state } = await emulator(`https://grades${++platforms}.test`);
  state.context = { id: `course-${platforms}`, title: `Deutsch B2 (${platforms})` };
  await registerManually(state);
  return {
    state: servicesState(state),
    urls: servicesUrls(state.origin, state.context.id),
    book: bookName(state.issuer, state.context.id),
  };
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
    roles: who.instructor ? ROLES.instructor : ROLES.learner,
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
