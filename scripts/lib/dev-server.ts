// Starts and stops a real `wrangler dev` on a free loopback port, with KV kept in a folder of our choosing.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export interface DevServer {
  url: string;
  /** The worker's DevTools inspector (scripts/lib/cpu-profile.ts). */
  inspectorPort: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** `wrangler dev` exactly as `npm start` runs it (through scripts/wrangler.ts), ready when /api/health answers. */
export async function startDev(persistTo: string, opts: { timeoutMs?: number; args?: string[] } = {}): Promise<DevServer> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const port = await freePort();
  const inspector = await freePort();
  let output = '';
  const child = spawn(
    process.execPath,
    [
      'scripts/wrangler.ts',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--persist-to',
      persistTo,
      '--log-level',
      'warn',
      ...(opts.args ?? []),
    ],
    { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env } },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    if (Date.now() > until) {
      stopGroup(child);
      throw new Error(`wrangler dev did not answer within ${timeoutMs / 1000}s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    inspectorPort: inspector,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        stopGroup(child);
        setTimeout(() => {
          stopGroup(child, 'SIGKILL');
          resolve();
        }, 10_000).unref();
      }),
  };
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}
