// Serves the emulator's Hono app over HTTP in Node: the browser test's LMS, on another origin than the tool.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Hono } from 'hono';

/** A running emulator server; `close` stops it on every address. */
export interface EmulatorServer {
  close(): Promise<void>;
}

/**
 * Serves the emulator over HTTP on `port` of the loopback addresses, 127.0.0.1 and (where the machine has it)
 * ::1, so that `http://localhost:{port}` reaches it from Chromium and from workerd whichever address they pick
 * for localhost. The app sees the URL the client asked for (its Host header).
 */
export async function serve(app: Hono, port: number): Promise<EmulatorServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const host = req.headers.host ?? `127.0.0.1:${port}`;
    const response = await app.fetch(
      new Request(`http://${host}${req.url}`, { method: req.method, headers, ...(body && req.method !== 'GET' ? { body } : {}) }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
  const listen = (host: string) =>
    new Promise<ReturnType<typeof createServer> | null>((resolve, reject) => {
      const server = createServer((req, res) => void handle(req, res));
      server.once('error', (err: NodeJS.ErrnoException) => (host === '::1' ? resolve(null) : reject(err))); // no IPv6 here
      server.listen(port, host, () => resolve(server));
    });
  const servers = [await listen('127.0.0.1'), await listen('::1')].filter((s) => s !== null);
  return {
    close: () =>
      Promise.all(servers.map((s) => new Promise<void>((r) => (s.close(() => r()), s.closeAllConnections())))).then(() => undefined),
  };
}
