// The fault test's own `wrangler dev` (killed and restarted on the same state), its bursts of traffic, and
// its reading of what learners get, what the registry says and what the results ledgers hold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startDev, type DevServer } from '../../scripts/lib/dev-server.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The instructor token of this checkout's `wrangler dev` (scripts/wrangler.ts writes .dev.vars before starting). */
export const instructorToken = () =>
  /^INSTRUCTOR_TOKEN=(.+)$/m.exec(readFileSync(new URL('../../.dev.vars', import.meta.url), 'utf8'))![1]!;

export interface Server {
  url: string;
  /** SIGKILL to the process group this test started (node, wrangler, workerd), and wait until it is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** A `wrangler dev` of our own on a free loopback port, keeping its state in `persistTo`. */
export async function start(persistTo: string): Promise<Server> {
  const dev: DevServer = await startDev(persistTo);
  return {
    url: dev.url,
    stop: dev.stop,
    kill: async () => {
      const gone = new Promise<void>((resolve) => (dev.child.exitCode !== null ? resolve() : dev.child.once('exit', () => resolve())));
      // The group id is the pid of the process we spawned (detached): only what this test started.
      process.kill(-dev.child.pid!, 'SIGKILL');
      await gone;
      // workerd is in the same group; the port must be closed before the next start may reuse the state.
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(`${dev.url}/api/health`);
          await sleep(100);
        } catch {
          return;
        }
      }
      throw new Error(`wrangler dev at ${dev.url} still answers after SIGKILL`);
    },
  };
}

export interface Burst {
  /** Attempt ids answered with 201. */
  acknowledged: string[];
  instructorOps: number;
  submits: number;
}

const TITLES = ['Seltene Erden', 'Lieferketten', 'Abkommen', 'Magnete', 'Recycling', 'Partner'];

/** A small valid set; `n` makes each edit a new version with another title. */
export const aSet = (n: number) => ({
  title: { de: `${TITLES[n % TITLES.length]} ${n}`, en: `${TITLES[n % TITLES.length]} ${n}` },
  languages: ['de', 'en'],
  questions: [
    { id: 'q1', type: 'truefalse', prompt: { de: 'Japan ist Partner der USA.', en: 'Japan is a partner of the US.' }, answer: true },
  ],
});

/**
 * Publishes, unpublishes and edits `sets` and submits learner attempts, each from several workers at once,
 * until `stopped()`; requests that fail (the server was killed) are simply not acknowledged. `onAck` hears
 * of each acknowledged attempt the moment its answer is read (the test may kill the server right then).
 */
export async function burst(
  url: string,
  token: string,
  sets: string[],
  learner: string,
  stopped: () => boolean,
  onAck: () => void = () => {},
): Promise<Burst> {
  const out: Burst = { acknowledged: [], instructorOps: 0, submits: 0 };
  const auth = { authorization: `Bearer ${token}` };
  const json = { 'content-type': 'application/json' };
  let edits = 100;
  const instructor = async () => {
    while (!stopped()) {
      const id = sets[Math.floor(Math.random() * sets.length)]!;
      const r = Math.random();
      const req =
        r < 0.45
          ? fetch(`${url}/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })
          : r < 0.7
            ? fetch(`${url}/api/question-sets/${id}/unpublish`, { method: 'POST', headers: auth })
            : fetch(`${url}/api/question-sets/${id}`, {
                method: 'PUT',
                headers: { ...auth, ...json },
                body: JSON.stringify(aSet(edits++)),
              });
      out.instructorOps++;
      await req.then((res) => res.arrayBuffer()).catch(() => sleep(20));
    }
  };
  const submit = async () => {
    while (!stopped()) {
      out.submits++;
      try {
        const res = await fetch(`${url}/api/quizzes/china/attempts`, {
          method: 'POST',
          headers: { ...json, cookie: learner, 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ responses: {}, lang: 'de' }),
        });
        const body = (await res.json()) as { attemptId?: string };
        if (res.status === 201 && body.attemptId) {
          out.acknowledged.push(body.attemptId);
          onAck();
        }
      } catch {
        await sleep(20);
      }
    }
  };
  await Promise.all([...Array.from({ length: 8 }, instructor), ...Array.from({ length: 4 }, submit)]);
  return out;
}

/** What learners get now: each set's playable version (null: not playable) and the overview's listed set ids. */
export async function learnersSee(url: string, sets: string[], learner: string) {
  const playable = new Map<string, number | null>();
  for (const id of sets) {
    const res = await fetch(`${url}/api/quizzes/${id}?lang=de`, { headers: { cookie: learner } });
    playable.set(id, res.status === 200 ? Number(((await res.json()) as { version: string }).version.split('.')[0]) : null);
    if (res.status !== 200 && res.status !== 404) throw new Error(`GET /api/quizzes/${id}: ${res.status}`);
  }
  const overview = await (await fetch(`${url}/de/`, { headers: { cookie: learner } })).text();
  const listed = [...overview.matchAll(/href="\/de\/sets\/(s-[a-z0-9]+)"/g)].map((m) => m[1]!);
  return { playable, listed: [...new Set(listed)].sort() };
}

/** What the registry says (the instructor API): each set's published version. */
export async function registrySays(url: string, token: string) {
  const res = await fetch(`${url}/api/question-sets`, { headers: { authorization: `Bearer ${token}` } });
  const { sets } = (await res.json()) as { sets: Array<{ id: string; publishedVersion: number | null }> };
  return new Map(sets.map((s) => [s.id, s.publishedVersion]));
}

/**
 * How often each attempt id is in the results ledgers, read straight from the ResultsLedger objects' SQLite
 * files under the persist folder while no server runs: nothing can catch up or repair while we read.
 */
export function ledgerCounts(persistTo: string): Map<string, number> {
  const counts = new Map<string, number>();
  const dir = join(persistTo, 'v3', 'do');
  if (!existsSync(dir)) return counts;
  for (const ns of readdirSync(dir).filter((d) => d.endsWith('-ResultsLedger'))) {
    for (const file of readdirSync(join(dir, ns)).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')) {
      const db = new DatabaseSync(join(dir, ns, file), { readOnly: true });
      try {
        const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attempts'").get();
        if (!has) continue;
        for (const row of db.prepare('SELECT attempt_id FROM attempts').all() as Array<{ attempt_id: string }>)
          counts.set(row.attempt_id, (counts.get(row.attempt_id) ?? 0) + 1);
      } finally {
        db.close();
      }
    }
  }
  return counts;
}
