import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import { bookName } from '../../worker/services/lti/gradebook-object.ts';
import { loginUrl } from '../lti-emulator/platform.ts';
import { settle } from './lti-grades-helpers.ts';
import { cookiesOf, launch, LEARNER, loginThenAuth, registeredPlatform } from './lti-helpers.ts';

// What LTI costs in storage operations, counted (docs/decisions/0012-lti.md, "Cost"): every KV operation with its
// key and every Durable Object call by binding and method, for one launch, one launched learner's attempt and
// one anonymous attempt. The anonymous one must not touch anything of LTI.

const KV_BINDINGS = ['PROGRESS', 'SETS'] as const;
const DO_BINDINGS = ['SET_REGISTRY', 'RESULTS', 'SIGNIN_GUARD', 'LTI_REGISTRY', 'LTI_GRADEBOOK'] as const;

/** A KV binding that records `BINDING.method key` for every call. */
function countingKv(kv: KVNamespace, name: string, ops: string[]): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        ops.push(`${name}.${String(prop)} ${typeof args[0] === 'string' ? args[0] : ''}`.trim());
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A Durable Object namespace whose stubs record `BINDING.method` for every call (each is one billed request). */
function countingObjects(ns: DurableObjectNamespace, name: string, ops: string[]): DurableObjectNamespace {
  return new Proxy(ns, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== 'get') return (value as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        const stub = Reflect.apply(value, target, args) as object;
        return new Proxy(stub, {
          get(s, method) {
            const member = Reflect.get(s, method) as unknown;
            if (typeof member !== 'function' || method === 'then') return member;
            return (...a: unknown[]) => {
              ops.push(`${name}.${String(method)}`);
              // Reflect.apply: an RPC stub's `.apply` would be a remote method of that name.
              return Reflect.apply(member, s, a);
            };
          },
        });
      };
    },
  });
}

/** Sends a request to the app with counting bindings; the response and the operations it made, in order. */
async function counted(path: string, init: RequestInit) {
  const ops: string[] = [];
  const wrapped: Record<string, unknown> = { ...env };
  for (const b of KV_BINDINGS) wrapped[b] = countingKv(env[b], b, ops);
  for (const b of DO_BINDINGS) wrapped[b] = countingObjects(env[b] as DurableObjectNamespace, b, ops);
  const waits: Promise<unknown>[] = [];
  const ctx = { waitUntil: (p: Promise<unknown>) => waits.push(p), passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  const req = new Request(`http://127.0.0.1${path}`, { redirect: 'manual', ...init });
  const res = await worker.fetch(req as Parameters<typeof worker.fetch>[0], wrapped as unknown as Env, ctx);
  await Promise.all(waits);
  return { res, ops };
}

/** The operations that belong to LTI: its two objects and its KV index keys. */
const ltiOps = (ops: string[]) => ops.filter((o) => o.startsWith('LTI_') || o.includes(' lti-books:'));

const emu = registeredPlatform('cost');

/** A learner's launch into the china quiz, its post to /lti/launch counted. */
async function countedLaunch() {
  const { form, cookies } = await loginThenAuth(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' });
  return counted('/lti/launch', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'cross-site',
      origin: emu.state.origin,
      cookie: cookies.join('; '),
    },
    body: new URLSearchParams(form).toString(),
  });
}

const handIn = (cookie?: string) =>
  counted('/api/quizzes/china/attempts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ responses: {}, lang: 'de' }),
  });

/** An operation without the learner id in its key, so two runs compare. */
const shape = (op: string) => op.replace(/ (lti-books|learner):[^ ]*/, ' $1:…');

describe('what LTI costs in KV and Durable Object operations', () => {
  it('a login: 2 registry calls, and the framing origins once a minute per isolate', async () => {
    const login = () => {
      const url = new URL(loginUrl(emu.state, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' }));
      return counted(url.pathname + url.search, { headers: { 'sec-fetch-site': 'cross-site' } });
    };
    const cold = await login(); // registering the platform forgot the origins
    expect(cold.res.status).toBe(302);
    expect(cold.ops).toEqual(['LTI_REGISTRY.platform', 'LTI_REGISTRY.startLogin', 'LTI_REGISTRY.origins']);
    const warm = await login();
    expect(warm.res.status).toBe(302);
    expect(warm.ops).toEqual(['LTI_REGISTRY.platform', 'LTI_REGISTRY.startLogin']);
  });

  it('a launch (key set cached): 3 registry calls, 1 gradebook call, 1 KV read, and 1 KV write the first time', async () => {
    // A launch before, so the platform's key set and the framing origins are in this isolate, as in production.
    const warmUp = await launch(emu.state, emu.app, {
      user: { ...LEARNER, sub: 'warm-up' },
      message: 'LtiResourceLinkRequest',
      quiz: 'china',
    });
    expect(warmUp.status).toBe(303);
    const first = await countedLaunch();
    expect(first.res.status).toBe(303);
    const launchOps = ['LTI_GRADEBOOK.recordLaunch', 'LTI_REGISTRY.admitLaunch', 'LTI_REGISTRY.platform', 'LTI_REGISTRY.saveSession'];
    expect(first.ops.map(shape).sort()).toEqual([...launchOps, 'PROGRESS.get lti-books:…', 'PROGRESS.put lti-books:…'].sort());
    const again = await countedLaunch();
    expect(again.res.status).toBe(303);
    expect(again.ops.map(shape).sort()).toEqual([...launchOps, 'PROGRESS.get lti-books:…'].sort());
  });

  it("a launched learner's attempt: 1 KV read of the index and 1 gradebook call on top of any attempt's", async () => {
    const res = await launch(emu.state, emu.app, { user: LEARNER, message: 'LtiResourceLinkRequest', quiz: 'china' });
    const { res: hand, ops } = await handIn(cookiesOf(res).join('; '));
    expect(hand.status).toBe(201);
    expect(ltiOps(ops).map(shape)).toEqual(['PROGRESS.get lti-books:…', 'LTI_GRADEBOOK.recordAttempt']);
    await settle(bookName(emu.state.issuer, emu.state.context.id)); // the score goes out before the emulator does
  });

  it('an anonymous attempt: no LTI operation at all', async () => {
    const { res, ops } = await handIn();
    expect(res.status).toBe(201);
    expect(ops.map(shape)).toContain('PROGRESS.put learner:…');
    expect(ltiOps(ops)).toEqual([]);
  });
});
