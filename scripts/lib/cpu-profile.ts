// A V8 CPU profile of the worker inside `wrangler dev`, taken through its inspector port (the DevTools
// protocol): where a route's CPU goes, function by function, sampled as often as V8 manages (50 µs asked, 120–210 µs achieved here; BENCH_SAMPLE_US). workerd's own clock moves
// only at I/O and in whole milliseconds, so this is the precise view of the worker's CPU (`npm run bench`
// with BENCH_PROFILE=1).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; scriptId: string };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
  /** The worker bundle's source (wrangler's esbuild output), read through the inspector: maps lines to files. */
  bundle?: string;
}

/** Connects to the worker's inspector on `port` and returns a function that sends DevTools commands. */
async function connect(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const target = targets[0];
  if (!target) throw new Error(`cpu-profile: no inspector target on port ${port}`);
  // wrangler's inspector proxy takes local DevTools origins only (Node's WebSocket sends none by itself).
  const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: 'http://127.0.0.1' } } as unknown as string[]);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown; error?: { message: string } };
    const call = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (!call) return;
    if (msg.error) call.reject(new Error(`cpu-profile: ${call.method}: ${msg.error.message}`));
    else call.resolve(msg.result);
  };
  const send = (method: string, params: object = {}) =>
    new Promise<any>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject, method });
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** Runs `work` while the worker's CPU is sampled; returns the profile. Tries up to three times. */
export async function profile(inspectorPort: number, work: () => Promise<void>): Promise<CpuProfile> {
  for (let attempt = 1; ; attempt++)
    try {
      return await profileOnce(inspectorPort, work);
    } catch (e) {
      if (attempt >= 3) throw e;
      console.warn(`${(e as Error).message}: profiling again`);
    }
}

async function profileOnce(inspectorPort: number, work: () => Promise<void>): Promise<CpuProfile> {
  const inspector = await connect(inspectorPort);
  try {
    await inspector.send('Profiler.enable');
    await inspector.send('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_SAMPLE_US ?? 50) });
    await inspector.send('Profiler.start');
    await work();
    const stopped = (await inspector.send('Profiler.stop')) as { profile?: CpuProfile } | undefined;
    // wrangler dev rebuilds and restarts the worker when a source file changes: that profile is lost.
    const profile = stopped?.profile;
    if (!profile) throw new Error('cpu-profile: no profile came back (did the worker restart, a source file changed?)');
    const scriptId = profile.nodes.find((n) => n.callFrame.url === 'index.js')?.callFrame.scriptId;
    if (scriptId) {
      await inspector.send('Debugger.enable');
      profile.bundle = ((await inspector.send('Debugger.getScriptSource', { scriptId })) as { scriptSource: string }).scriptSource;
      await inspector.send('Debugger.disable');
    }
    return profile;
  } finally {
    inspector.close();
  }
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

/**
 * Each sample's weight (µs): the sampling period actually achieved, the same for every sample. A sampling
 * profiler estimates CPU as samples × period (as perf does); a sample's own delta is the wall time since the
 * previous one, which after an idle wait or an I/O wait (workerd records no idle samples) is the wait, not
 * work. V8 here samples every 120–210 µs whatever is asked, so the period is the median of the deltas shorter than a wait
 * (2 ms). (Weighting each sample by its delta capped at twice the period, as before, charged every
 * resume after a wait with up to two periods: health measured 0.57–0.86 ms that way, 0.34–0.40 ms as samples ×
 * period at 200, 150 and 120 µs alike.)
 */
function weights(p: CpuProfile): number[] {
  // Only deltas between samples of running code: a delta over 2 ms is a wait (V8's period here is 0.1–0.2 ms).
  // A tiny request (health) has one or two samples and one long wait each, so waits can be half of all deltas.
  const running = p.timeDeltas.filter((d) => d > 0 && d < 2_000).sort((a, b) => a - b);
  const period = running[Math.floor(running.length / 2)] ?? 100;
  return p.timeDeltas.map(() => period);
}

/** Busy time in the profile (ms), all samples but idle ones; GC is counted, as workerd bills it. */
export function busyMs(p: CpuProfile): number {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const w = weights(p);
  let us = 0;
  p.samples.forEach((id, i) => {
    const name = byId.get(id)!.callFrame.functionName;
    if (!IDLE.has(name) || name === '(garbage collector)') us += w[i] ?? 0;
  });
  return us / 1000;
}

/**
 * The functions with the most samples of their own (self time, ms per request over `requests`), each named with
 * the source file of the nearest bundle frame (a built-in such as crypto or JSON counts under its caller's file).
 * `npm run bench` prints them with BENCH_TOP=<n>.
 */
export function topSelf(p: CpuProfile, requests: number, limit = 25): Array<{ function: string; file: string; 'ms per request': number }> {
  const self = new Map<string, number>();
  for (const s of busySamples(p)) self.set(`${s.fn}\t${s.file}`, (self.get(`${s.fn}\t${s.file}`) ?? 0) + s.us);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, us]) => {
      const [fn, file] = key.split('\t') as [string, string];
      return { function: fn, file, 'ms per request': Math.round(us / requests) / 1000 };
    });
}

/**
 * A function that names the source file of a bundle line: esbuild starts every module with a `// path` comment.
 * Paths are shortened to the project's room (`worker/services/attempts.ts`, `zod`, `hono`).
 */
function fileOfLine(bundle: string): (line: number) => string {
  const starts: Array<[number, string]> = [];
  bundle.split('\n').forEach((text, i) => {
    // A package may be bundled from a path outside the project (`../../node_modules/hono/…` when node_modules is a link).
    const m = /^\/\/ (?:\S*?\/)?((?:node_modules\/(?:@[^/]+\/)?[^/]+)|(?:worker|core|web|content|build)\/\S+)/.exec(text);
    if (m) starts.push([i, m[1]!.replace(/^node_modules\//, '')]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/**
 * Busy time by source file (ms per request over `requests`): a sample in a built-in (SQLite's exec, crypto,
 * KV put) counts for the nearest caller in the bundle. `worker/objects/…` is Durable Object code, which runs in
 * the object's own isolate in production and is billed there, not to the learner's request.
 */
export function byFile(p: CpuProfile, requests: number): Array<{ file: string; 'ms per request': number }> {
  const totals = new Map<string, number>();
  for (const s of busySamples(p)) totals.set(s.file, (totals.get(s.file) ?? 0) + s.us);
  return [...totals].sort((a, b) => b[1] - a[1]).map(([file, us]) => ({ file, 'ms per request': Math.round(us / requests) / 1000 }));
}

/** The busy samples in order: when (µs from the start), their weight (µs) and the source file they count for. */
function busySamples(p: CpuProfile): Array<{ at: number; us: number; file: string; fn: string; object: boolean }> {
  const fileOf = p.bundle ? fileOfLine(p.bundle) : () => '(bundle)';
  // An anonymous function of the bundle is named by the start of its line: `(anonymous) c.header("x", …`.
  const lines = p.bundle?.split('\n');
  const anonymous = (line: number | undefined) =>
    line !== undefined && lines?.[line] ? `(anonymous) ${lines[line].trim().slice(0, 60)}` : '(anonymous)';
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const w = weights(p);
  // Whether a node runs inside Durable Object code: any caller of it is in `worker/objects/` (a core function
  // the object calls is the object's CPU, billed to it in production, not to the request).
  const inObject = new Map<number, boolean>();
  const objectNode = (id: number): boolean => {
    let known = inObject.get(id);
    if (known === undefined) {
      const f = byId.get(id)!.callFrame;
      const up = parent.get(id);
      known = (f.url === 'index.js' && isObject(fileOf(f.lineNumber))) || (up !== undefined && objectNode(up));
      inObject.set(id, known);
    }
    return known;
  };
  const out: Array<{ at: number; us: number; file: string; fn: string; object: boolean }> = [];
  let at = 0;
  // Whether the code running right before a collection was the object's (no wait in between): a collection
  // starts when an allocation finds the young generation full, so it belongs to the code that allocated.
  let objectRan = false;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    const name = byId.get(id)!.callFrame.functionName;
    if (IDLE.has(name) && name !== '(garbage collector)') {
      objectRan = false;
      return;
    }
    let cur: number | undefined = id;
    while (cur !== undefined && byId.get(cur)!.callFrame.url !== 'index.js') cur = parent.get(cur);
    const file =
      name === '(garbage collector)'
        ? '(garbage collector)'
        : cur === undefined
          ? '(runtime)'
          : fileOf(byId.get(cur)!.callFrame.lineNumber);
    out.push({
      at,
      us: w[i] ?? 0,
      file,
      fn: name || anonymous(cur === id ? byId.get(id)!.callFrame.lineNumber : undefined),
      object: name === '(garbage collector)' ? objectRan : (objectRan = objectNode(id)),
    });
  });
  return out;
}

/** Durable Object code: in production it runs in the object's isolate, billed to the object, not the request. */
const isObject = (file: string) => file.startsWith('worker/objects/');

/**
 * CPU per request (ms), from a profile of sequential requests sent `pauseMs` apart: busy samples closer than
 * half the pause belong to one request. Each request's time is split into the worker's own and the time in
 * Durable Object code, with everything the object calls. Local `wrangler dev` runs both in one isolate and one
 * heap, where production gives the object its own: a garbage collection that interrupts the object's code
 * (its last sample before the collection, with no wait between) was started by the object's allocations and
 * counts as the object's; every other collection counts as the worker's. The profiler's own cost is included,
 * so these are upper bounds.
 */
export function perRequest(p: CpuProfile, pauseMs: number): RequestSlice[] {
  const out: RequestSlice[] = [];
  let last = -Infinity;
  for (const s of busySamples(p)) {
    if (s.at - last > (pauseMs * 1000) / 2) out.push({ worker: 0, object: 0, files: new Map() });
    last = s.at;
    const cur = out[out.length - 1]!;
    if (s.object) cur.object += s.us / 1000;
    else {
      cur.worker += s.us / 1000;
      cur.files.set(s.file, (cur.files.get(s.file) ?? 0) + s.us / 1000);
    }
  }
  return out;
}

/** One request's CPU (ms): the worker's own, the Durable Object's, and the worker's own by source file. */
export interface RequestSlice {
  worker: number;
  object: number;
  files: Map<string, number>;
}

/** "2.31 ms: hono 0.52, (garbage collector) 0.40, …": what one slow request spent its time on. */
export const describeSlice = (s: RequestSlice, limit = 5) =>
  `${s.worker.toFixed(2)} ms: ${[...s.files]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([file, ms]) => `${file} ${ms.toFixed(2)}`)
    .join(', ')}`;
