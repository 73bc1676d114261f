import { abortAllDurableObjects, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SetRegistry } from '../../worker/objects/set-registry/set-registry.ts';
import { RETRY_MAX_MS, RETRY_MS, retryDelay, SAFETY_NET_MS } from '../../worker/objects/set-registry/kv-sync.ts';
import { keys } from '../../worker/stores/keys.ts';
import { PUBLISHED_LIST_KEY } from '../../worker/stores/set-store-published.ts';
import { questionSet } from './set-store-contract.ts';

const source = { format: 'json' as const, text: '{}' };
/** The registry's KV binding, swapped inside the object for one that fails or never answers. */
type Swappable = { kvSync: { kv: KVNamespace } };
const kvWhose = (write: () => Promise<void>) =>
  new Proxy(env.SETS, { get: (target, prop) => (prop === 'put' || prop === 'delete' ? write : Reflect.get(target, prop)) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = () => new Promise<void>(() => {});
const failing = () => Promise.reject(new Error('KV unavailable'));
const alarmIn = (stub: DurableObjectStub<SetRegistry>) =>
  runInDurableObject(stub, async (_r: SetRegistry, state) => {
    const at = await state.storage.getAlarm();
    return at === null ? null : at - Date.now();
  });

describe('the registry catches learners up by itself after a crash', () => {
  it('arms its alarm in the transaction of a change, so a crash before the KV write is repaired by the alarm alone', async () => {
    const name = `crash-${crypto.randomUUID()}`;
    const before = env.SET_REGISTRY.getByName(name);
    const { id } = await before.create(questionSet('Absturz'), source);
    await runInDurableObject(before, async (registry: SetRegistry, state) => {
      // The alarm is part of the transaction: a change that does not commit leaves none behind.
      const sync = (registry as unknown as { kvSync: { mark(key: string): void } }).kvSync;
      expect(() =>
        state.storage.transactionSync(() => {
          sync.mark(keys.setPublished(id));
          throw new Error('the change fails after marking');
        }),
      ).toThrow('the change fails');
      expect(await state.storage.getAlarm()).toBeNull();
      expect(registry.pendingKvWrites()).toEqual([]);

      (registry as unknown as Swappable).kvSync.kv = kvWhose(never);
      // The publish commits, then waits for a KV write that never comes back: the moment of the crash.
      // (The abort below rejects it.)
      registry.publish(id).catch(() => {});
      expect(await state.storage.getAlarm()).not.toBeNull();
    });
    await abortAllDurableObjects(); // the crash: the object and its write in flight are gone, its storage stays
    expect(await env.SETS.get(keys.setPublished(id))).toBeNull();

    // No request at all: the alarm armed with the change wakes the object by itself, which writes what
    // learners must see (read straight from KV, which does not wake the object).
    const until = Date.now() + SAFETY_NET_MS + 3_000;
    while (!(await env.SETS.get(keys.setPublished(id))) && Date.now() < until) await sleep(100);
    expect(await env.SETS.get(keys.setPublished(id), 'json')).toMatchObject({ id, version: 1 });
    expect((await env.SETS.get<Array<{ id: string }>>(PUBLISHED_LIST_KEY, 'json'))?.map((s) => s.id)).toContain(id);
    const stub = env.SET_REGISTRY.getByName(name); // a stub from before the crash is broken, as after a restart
    expect(await stub.pendingKvWrites()).toEqual([]);
    expect(await alarmIn(stub)).toBeNull(); // nothing owed: no needless wake-ups
  });

  it('retries a failing KV with growing delays up to a minute, and never gives up', async () => {
    const stub = env.SET_REGISTRY.getByName(`backoff-${crypto.randomUUID()}`);
    const { id } = await stub.create(questionSet('Geduld'), source);
    await runInDurableObject(stub, async (registry: SetRegistry) => {
      (registry as unknown as Swappable).kvSync.kv = kvWhose(failing);
      await registry.publish(id);
    });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push((await alarmIn(stub))!);
      expect(await runDurableObjectAlarm(stub)).toBe(true);
    }
    delays.push((await alarmIn(stub))!);
    // Try n waits 2 s · 2^(n-1), capped at 60 s, shortened by at most a quarter (jitter); the first is the
    // publish's own failed write.
    delays.forEach((d, n) => {
      const base = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** n);
      expect(d, `delay ${n}`).toBeGreaterThan(base * 0.75 - 500);
      expect(d, `delay ${n}`).toBeLessThanOrEqual(base);
    });
    expect(await stub.pendingKvWrites()).toEqual([keys.setPublished(id), PUBLISHED_LIST_KEY].sort());

    // KV is back: the next alarm writes everything and disarms.
    await runInDurableObject(stub, (registry: SetRegistry) => {
      (registry as unknown as Swappable).kvSync.kv = env.SETS;
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.pendingKvWrites()).toEqual([]);
    expect(await env.SETS.get(keys.setPublished(id), 'json')).toMatchObject({ id, version: 1 });
    expect(await alarmIn(stub)).toBeNull();
  });

  it('brings an outbox from before backoff and marks up to date when it wakes, keeping what it owed', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const stub = env.SET_REGISTRY.getByName(name);
    const { id } = await stub.create(questionSet('Alt'), source);
    await runInDurableObject(stub, (_r: SetRegistry, state) => {
      state.storage.sql.exec('DROP TABLE kv_sync');
      state.storage.sql.exec(
        'CREATE TABLE kv_sync (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, synced_seq INTEGER NOT NULL, due INTEGER NOT NULL) STRICT',
      );
      state.storage.sql.exec('INSERT INTO kv_sync VALUES (?, 1, 0, 0)', keys.setPublished(id));
    });
    await evictDurableObject(stub);
    const after = env.SET_REGISTRY.getByName(name);
    expect(await after.pendingKvWrites()).toEqual([]); // caught up on waking, with the new columns in place
    const columns = await runInDurableObject(after, (_r: SetRegistry, state) =>
      state.storage.sql
        .exec<{ name: string }>("SELECT name FROM pragma_table_info('kv_sync')")
        .toArray()
        .map((c) => c.name),
    );
    expect(columns).toEqual(expect.arrayContaining(['tries', 'mark_no', 'synced_mark_no']));
  });

  it('spreads retries at random within the last quarter below each step', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, 0))).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(retryDelay(0, 1)).toBe(1_500);
    expect(retryDelay(40, 1)).toBe(45_000);
  });
});
