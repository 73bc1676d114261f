// Serves the emulator's Hono app over HTTP in Node: the browser test's LMS, on another origin than the tool.
import { createServer, type Server } from 'node:http';
import type { Hono } from 'hono';

/** Serves the emulator over HTTP on 127.0.0.1:`port` (the browser test's LMS on another origin). */
export async function serve(app: Hono, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await app.fetch(
      new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers, ...(body && req.method !== 'GET' ? { body } : {}) }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
