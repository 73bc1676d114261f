// The LTI platform emulator as one Hono app: its platform side (platform.ts) and its AGS/NRPS services
// (services.ts). Workerd tests answer the tool's outbound requests with `app.request` (useLtiFetcher);
// the browser test serves it over HTTP on 127.0.0.1 (serve.ts).
import { Hono } from 'hono';
import { authorize, loginUrl, openidConfiguration, platformJwks, receiveDeepLink, registerTool } from './platform.ts';
import { servicesRoutes } from './services.ts';
import type { EmulatorState, LaunchSpec } from './state.ts';

export function emulatorApp(state: EmulatorState): Hono {
  const app = new Hono();
  app.get('/.well-known/openid-configuration', (c) => c.json(openidConfiguration(state)));
  app.get('/jwks', (c) => c.json(platformJwks(state), 200, { 'Cache-Control': 'max-age=300' }));
  const auth = async (c: import('hono').Context) => {
    const form = c.req.method === 'POST' ? ((await c.req.parseBody()) as Record<string, string>) : {};
    const { status, html } = await authorize(state, { ...c.req.query(), ...form });
    return c.html(html, status as 200);
  };
  app.get('/auth', auth).post('/auth', auth);
  app.post('/register', async (c) => {
    const { status, json } = registerTool(state, c.req.header('authorization'), await c.req.json());
    return c.json(json, status as 200);
  });
  app.post('/deep-link-return', async (c) => {
    const jwt = String((await c.req.parseBody()).JWT ?? '');
    try {
      const claims = await receiveDeepLink(state, jwt);
      return c.html(`<!doctype html><html lang="en"><body><p id="dl-ok">Received ${JSON.stringify(claims).length} bytes</p></body></html>`);
    } catch (err) {
      return c.html(`<p id="dl-error">${(err as Error).message}</p>`, 400);
    }
  });
  // An LMS course page: the activity in an iframe, launched through the tool's login.
  app.get('/course/:hint', (c) => {
    const spec = state.launches.get(`page:${c.req.param('hint')}`);
    if (!spec) return c.notFound();
    return c.html(
      `<!doctype html><html lang="en"><head><title>Course</title></head><body><h1>LMS course</h1><iframe id="tool" title="Activity" style="width:100%;height:90vh" src="${loginUrl(state, spec).replace(/&/g, '&amp;')}"></iframe></body></html>`,
    );
  });
  // The browser asks every top-level page's origin for an icon; the LMS has none (and says so without a 404).
  app.get('/favicon.ico', (c) => c.body(null, 204));
  // Any page of the tool in an iframe, outside a launch: the browser test checks that the tool refuses it.
  app.get('/frame', (c) => {
    const src = c.req.query('src') ?? '';
    if (!src.startsWith(`${state.tool.origin}/`)) return c.text('only pages of the tool', 400);
    return c.html(
      `<!doctype html><html lang="en"><head><title>Framed</title></head><body><iframe id="tool" title="Tool page" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"></iframe></body></html>`,
    );
  });
  app.route('/', servicesRoutes(state));
  return app;
}

/** Prepares a course page at `/course/{name}` that frames the launch `spec` (browser test). */
export function coursePage(state: EmulatorState, name: string, spec: LaunchSpec): string {
  state.launches.set(`page:${name}`, spec);
  return `${state.origin}/course/${name}`;
}
