// Fault test (issue 17, acceptance item 2): kills its own `wrangler dev` with SIGKILL in the middle of bursts of
// instructor changes and learner submits, restarts it on the same state, and checks, before any instructor
// request, that learners get what the registry says, and that every acknowledged attempt is in the results
// ledger exactly once. It runs beside the suite's shared server (global-setup) on its own port and state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  aSet,
  burst,
  instructorToken,
  learnersSee,
  ledgerCounts,
  registrySays,
  sleep,
  start,
  type Server,
} from './crash-recovery-helpers.ts';

/** Kill/restart rounds (CRASH_ROUNDS to try more while investigating). */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 6);
/** How long learners may see the state before a crash once the server is back ("within seconds"). */
const CATCH_UP_MS = 3_000;

const state = mkdtempSync(join(tmpdir(), 'crash-state-'));
let server: Server | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(state, { recursive: true, force: true });
});

describe('wrangler dev killed during publishes and submits', () => {
  it('shows learners what the registry says within seconds of a restart, and keeps every acknowledged attempt once', async () => {
    server = await start(state);
    const token = instructorToken();
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const sets: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${server.url}/api/question-sets`, { method: 'POST', headers: auth, body: JSON.stringify(aSet(i)) });
      expect(res.status).toBe(201);
      sets.push(((await res.json()) as { id: string }).id);
    }
    // A learner cookie, from a first submit (kept across restarts: the secret is in .dev.vars).
    const first = await fetch(`${server.url}/api/quizzes/china/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: {}, lang: 'de' }),
    });
    expect(first.status).toBe(201);
    const learner = /learner=[^;]+/.exec(first.headers.get('set-cookie') ?? '')![0];
    const acknowledged = [((await first.json()) as { attemptId: string }).attemptId];

    const mismatches: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // The kill comes at a random moment, or (every other round) right as the first submit after such a
      // moment is acknowledged, while the ledger write that goes with it may still be on its way.
      let killed: Promise<void> | undefined;
      let armed = false;
      const current = server;
      const kill = () => (killed ??= current.kill());
      const onAck = () => armed && round % 2 === 0 && void kill();
      const traffic = burst(server.url, token, sets, learner, () => killed !== undefined, onAck);
      await sleep(500 + Math.random() * 1_000);
      armed = true;
      if (round % 2 === 0) await sleep(300);
      await kill();
      const done = await traffic;
      acknowledged.push(...done.acknowledged);
      console.log(
        `round ${round}: killed after ${done.instructorOps} instructor requests and ${done.submits} submits (${done.acknowledged.length} acknowledged)`,
      );

      server = await start(state);
      // No request at all but the start's health check: the registry must wake by itself and catch up.
      await sleep(CATCH_UP_MS);
      const seen = await learnersSee(server.url, sets, learner);
      const registry = await registrySays(server.url, token);
      for (const id of sets) {
        const published = registry.get(id);
        if (seen.playable.get(id) !== published)
          mismatches.push(`round ${round}: ${id} is published as ${published} but learners get ${seen.playable.get(id)}`);
      }
      const listed = sets.filter((id) => registry.get(id) !== null).sort();
      if (JSON.stringify(seen.listed) !== JSON.stringify(listed))
        mismatches.push(`round ${round}: the overview lists [${seen.listed.join(', ')}], the registry publishes [${listed.join(', ')}]`);
    }

    // Read the ledgers with no server running, so that nothing can catch up while we read.
    await server.stop();
    server = undefined;
    const counts = ledgerCounts(state);
    const missing = acknowledged.filter((id) => !counts.has(id));
    const twice = acknowledged.filter((id) => (counts.get(id) ?? 0) > 1);
    // Both halves are reported together: the learners' copies (the registry) and the attempts (the ledger).
    expect({ mismatches, acknowledged: acknowledged.length, missing, twice }).toEqual({
      mismatches: [],
      acknowledged: acknowledged.length,
      missing: [],
      twice: [],
    });
  }, 150_000);
});
