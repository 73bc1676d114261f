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
  app.route('/', servicesRoutes(state));
  return app;
}

/** Prepares a course page at `/course/{name}` that frames the launch `spec` (browser test). */
export function coursePage(state: EmulatorState, name: string, spec: LaunchSpec): string {
  state.launches.set(`page:${name}`, spec);
  return `${state.origin}/course/${name}`;
}
