// `npm run bench`: what each route costs, measured the same way every time.
//  - Load: autocannon against a local `wrangler dev` on 127.0.0.1 (bounded: ~6 s a route), req/s and latency
//    per route and the ratio to /api/health measured in the same run.
//  - CPU: a V8 CPU profile of the worker (scripts/lib/cpu-profile.ts, through wrangler dev's inspector) over
//    sequential requests sent apart, cut into one slice per request: the worker's own CPU per request (mean,
//    p50, p99; Durable Object code apart, as production bills it to the object) and where it went by file.
// Results go to bench-results/ (git-ignored); the previous run is shown beside this one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { byFile, describeSlice, perRequest, profile, topSelf } from './lib/cpu-profile.ts';
import { startDev } from './lib/dev-server.ts';

const root = join(import.meta.dirname, '..');
const DURATION_S = Number(process.env.BENCH_DURATION ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const CPU_SAMPLES = Number(process.env.BENCH_CPU_SAMPLES ?? 300);
/** Requests of a route sent (unprofiled) right before its profile. */
const CPU_WARMUP = 50;
/** The pause between profiled requests: long enough that one request's slices never run into the next. */
const CPU_PAUSE_MS = 40;
/** `BENCH_ROUTES=health,overview` measures only those (health always: it is the baseline). */
const ONLY = process.env.BENCH_ROUTES?.split(',').map((r) => r.trim());
/** The CPU budget per request (docs/performance.md), the worker's own time. */
const CPU_BUDGET_MS = 2;
/** `BENCH_TOP=20` also prints each route's 20 functions with the most CPU of their own: where to cut next. */
const TOP = Number(process.env.BENCH_TOP ?? 0);

interface Route {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  /** Budget: at least this share of /api/health's throughput. */
  minRatio?: number;
}

const json = (v: unknown) => JSON.stringify(v);
const routes: Route[] = [
  { name: 'health', path: '/api/health' },
  { name: 'lesson page', path: '/en/lessons/china?view=both', minRatio: 0.5 },
  { name: 'overview', path: '/en/' },
  { name: 'quiz page', path: '/en/lessons/china/quiz?attempt=bench1&ql=de&n=1' },
  { name: 'final test page', path: '/en/test?attempt=bench1&ql=de' },
  { name: 'review page', path: '/en/review' },
  { name: 'progress page', path: '/en/progress' },
  { name: 'quiz JSON', path: '/api/quizzes/china?lang=de&seed=bench1' },
  {
    name: 'check POST',
    path: '/api/quizzes/china/check',
    method: 'POST',
    body: json({ questionId: 'china-4', response: { value: true }, lang: 'de' }),
  },
  {
    name: 'attempt POST (KV)',
    path: '/api/quizzes/china/attempts',
    method: 'POST',
    body: json({ responses: { 'china-4': { value: true } }, lang: 'de' }),
    minRatio: 0.3,
  },
];

/**
 * The item-analysis report over a ledger of 10,000 synthetic attempts × 12 questions, inside workerd
 * (scripts/bench-results-ledger.ts); its figures go to bench-results/ledger.json.
 */
function benchLedger() {
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'scripts/bench-results.config.ts'], { cwd: root, encoding: 'utf8' });
  const line = /BENCH_LEDGER_JSON (.+)/.exec(run.stdout)?.[1];
  if (!line) {
    console.error(`bench: the results-ledger benchmark failed\n${run.stdout}\n${run.stderr}`);
    process.exitCode = 1;
    return;
  }
  const ledger = JSON.parse(line) as { attempts: number; questions: number; table: Array<{ step: string; median: number; max: number }> };
  console.log(`\nbench: item-analysis report, ${ledger.attempts} attempts × ${ledger.questions} questions, inside the Durable Object:`);
  console.table(ledger.table.map((r) => ({ step: r.step, 'median ms': Math.round(r.median), 'max ms': Math.round(r.max) })));
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'ledger.json'), JSON.stringify({ at: new Date().toISOString(), ...ledger }, null, 2));
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const send = (url: string, r: Route, cookie: string) =>
  fetch(url + r.path, {
    method: r.method ?? 'GET',
    headers: { 'content-type': 'application/json', cookie },
    ...(r.body ? { body: r.body } : {}),
  }).then((res) => res.arrayBuffer());

/** The worker's CPU per request of route `r`, from a CPU profile of CPU_SAMPLES sequential requests. */
async function cpu(url: string, inspectorPort: number, r: Route, cookie: string) {
  // The route's own steady state: the load phase before (thousands of another route's requests in 6 s) leaves
  // garbage and half-done collections that would otherwise land on this route's first profiled requests.
  for (let i = 0; i < CPU_WARMUP; i++) await send(url, r, cookie);
  await new Promise((done) => setTimeout(done, 500));
  const p = await profile(inspectorPort, async () => {
    for (let i = 0; i < CPU_SAMPLES; i++) {
      await send(url, r, cookie);
      await new Promise((done) => setTimeout(done, CPU_PAUSE_MS));
    }
  });
  const slices = perRequest(p, CPU_PAUSE_MS);
  const worker = slices.map((x) => x.worker).sort((a, b) => a - b);
  // The same without garbage collection: a request that meets a GC pause (1–5 ms here) makes the p99 on its
  // own; this says how far the code's own tail is from the budget.
  const noGc = slices.map((x) => x.worker - (x.files.get('(garbage collector)') ?? 0)).sort((a, b) => a - b);
  const object = slices.reduce((sum, x) => sum + x.object, 0) / CPU_SAMPLES;
  const mean = worker.reduce((a, b) => a + b, 0) / Math.max(1, worker.length);
  // More slices than requests means a request paused longer than half the gap: its slices count apart, so say so.
  return {
    median: pct(worker, 50),
    p99: pct(worker, 99),
    p99NoGc: pct(noGc, 99),
    mean,
    object,
    slices: slices.length,
    n: CPU_SAMPLES,
    files: byFile(p, CPU_SAMPLES).slice(0, 8),
    top: TOP > 0 ? topSelf(p, CPU_SAMPLES, TOP) : [],
    // The p99 is the slowest requests': what they spent their time on says whether a cut can reach it.
    slowest:
      TOP > 0
        ? [...slices]
            .sort((a, b) => b.worker - a.worker)
            .slice(0, 3)
            .map((s) => describeSlice(s))
        : [],
  };
}

function load(url: string, r: Route, cookie: string): Promise<{ rps: number; p50: number; p99: number; errors: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: url + r.path,
        method: r.method ?? 'GET',
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers: { 'content-type': 'application/json', cookie },
        ...(r.body ? { body: r.body } : {}),
      },
      (err: Error | null, res: any) =>
        err
          ? reject(err)
          : resolve({ rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, errors: res.errors, non2xx: res.non2xx }),
    );
  });
}

const build = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const state = mkdtempSync(join(tmpdir(), 'bench-state-'));
const server = await startDev(state);
try {
  // Learners with a cookie, so the pages and the attempt POST do what a returning learner's do. The pages'
  // learner has 21 attempts (the one that made it and 20 of the warm-up) whichever route runs when; the attempt
  // POST submits as a learner of its own, whose thousands of attempts no page then lists.
  const newLearner = async () => {
    const first = await fetch(`${server.url}/api/quizzes/china/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: routes.find((r) => r.name === 'attempt POST (KV)')!.body!,
    });
    return (first.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const pagesLearner = await newLearner();
  const submitter = await newLearner();
  const cookieOf = (r: Route) => (r.name === 'attempt POST (KV)' ? submitter : pagesLearner);
  const chosen = routes.filter((r) => !ONLY || r.name === 'health' || ONLY.includes(r.name));
  const attempt = routes.find((r) => r.name === 'attempt POST (KV)')!;
  for (let i = 0; i < 20; i++) await send(server.url, attempt, pagesLearner);
  for (const r of chosen) for (let i = 0; i < 20; i++) await send(server.url, r, cookieOf(r));

  // Every route's CPU first, on a quiet server: after a load run the isolate is still collecting that run's
  // garbage (an old generation grown by thousands of requests) and the proxy is closing its connections, work
  // that would land in the next profile's requests.
  const cpus = new Map<string, Awaited<ReturnType<typeof cpu>>>();
  for (const r of chosen) {
    cpus.set(r.name, await cpu(server.url, server.inspectorPort, r, cookieOf(r)));
    process.stdout.write(`  profiled ${r.name}\n`);
  }
  // Then each route's load right after a run of health's, and its ratio to that run: on a shared machine the
  // load of other processes drifts over minutes, and a ratio of runs minutes apart measures the drift.
  const health = chosen[0]!;
  const results: Array<Route & { cpu: Awaited<ReturnType<typeof cpu>>; load: Awaited<ReturnType<typeof load>>; healthRps: number }> = [];
  for (const r of chosen) {
    const healthRps = (await load(server.url, health, pagesLearner)).rps;
    const l = await load(server.url, r, cookieOf(r));
    results.push({ ...r, cpu: cpus.get(r.name)!, load: l, healthRps });
    process.stdout.write(`  measured ${r.name}\n`);
  }
  const resultsDir = join(root, 'bench-results');
  const previous = existsSync(join(resultsDir, 'latest.json'))
    ? (JSON.parse(readFileSync(join(resultsDir, 'latest.json'), 'utf8')) as { results: typeof results })
    : null;

  const rows = results.map((r) => {
    const ratio = r.load.rps / r.healthRps;
    const before = previous?.results.find((p) => p.name === r.name);
    const budget = r.minRatio ? (ratio >= r.minRatio ? `ok (≥ ${r.minRatio * 100} %)` : `OVER BUDGET (< ${r.minRatio * 100} %)`) : '';
    const cpuBudget = r.cpu.p99 <= CPU_BUDGET_MS ? 'ok' : `OVER (> ${CPU_BUDGET_MS} ms)`;
    return {
      route: r.name,
      'req/s': Math.round(r.load.rps),
      'p50 ms': r.load.p50,
      'p99 ms': r.load.p99,
      'health req/s': Math.round(r.healthRps),
      'vs health': `${(ratio * 100).toFixed(0)} %`,
      'cpu mean ms': r.cpu.mean.toFixed(2),
      'cpu p50 ms': r.cpu.median.toFixed(2),
      'cpu p99 ms': r.cpu.p99.toFixed(2),
      'p99 w/o GC': r.cpu.p99NoGc.toFixed(2),
      'cpu ≤ 2 ms': cpuBudget,
      'DO cpu mean ms': r.cpu.object.toFixed(2),
      budget,
      'prev req/s': before ? Math.round(before.load.rps) : '',
      errors: r.load.errors + r.load.non2xx,
    };
  });
  console.log(`\nbench: ${CONNECTIONS} connections, ${DURATION_S} s a route, ${CPU_SAMPLES} profiled requests a route, on ${server.url}\n`);
  console.table(rows);
  for (const r of results)
    console.log(
      `  ${r.name}, CPU by file, Durable Objects included (ms a request): ${r.cpu.files.map((f) => `${f.file} ${f['ms per request']}`).join(', ')}`,
    );
  for (const r of results.filter((x) => x.cpu.top.length)) {
    console.log(`\n  ${r.name}, the functions with the most CPU of their own (ms a request):`);
    console.table(r.cpu.top);
    console.log(`  ${r.name}, the three slowest requests:\n    ${r.cpu.slowest.join('\n    ')}`);
  }
  mkdirSync(resultsDir, { recursive: true });
  const out = { at: new Date().toISOString(), node: process.version, connections: CONNECTIONS, durationS: DURATION_S, results };
  writeFileSync(join(resultsDir, `${out.at.replace(/[:.]/g, '-')}.json`), JSON.stringify(out, null, 2));
  writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(out, null, 2));
  console.log(`bench: results written to bench-results/latest.json`);
  if (process.env.BENCH_LEDGER !== '0') benchLedger();
} finally {
  await server.stop();
  rmSync(state, { recursive: true, force: true });
}
