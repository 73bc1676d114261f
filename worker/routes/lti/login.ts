import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';
import { LOGIN_TTL_MS, startLogin, type LoginParams } from '../../services/lti/login.ts';

/** The state cookie of one login: named by its state, so two launches at once (two tabs, two links) keep theirs. */
export const stateCookieName = (state: string) => `lti_state_${state}`;

const PARAMS = ['iss', 'login_hint', 'target_link_uri', 'lti_message_hint', 'client_id', 'lti_deployment_id'] as const;

async function paramsOf(c: Context<AppEnv>): Promise<LoginParams> {
  const body = c.req.method === 'POST' ? await c.req.parseBody() : {};
  const params: LoginParams = {};
  for (const name of PARAMS) {
    const value = typeof body[name] === 'string' ? body[name] : c.req.query(name);
    if (value && value.length <= 2048) params[name] = value;
  }
  return params;
}

/**
 * Third-party initiated login (LTI Core 1.3 §5.1.1; OIDC): the platform sends the browser here, we answer
 * with a redirect to its auth URL carrying a fresh state and nonce. The state is also a cookie
 * (`SameSite=None; Secure; Partitioned`, five minutes, path /lti/) so that the launch can tell that this
 * browser started it.
 */
async function login(c: Context<AppEnv>) {
  const toolOrigin = new URL(c.req.url).origin;
  const { redirect, login: started, sealed } = await startLogin(c.env, toolOrigin, await paramsOf(c));
  setCookie(c, stateCookieName(started.state), sealed, {
    path: '/lti/',
    httpOnly: true,
    secure: true,
    sameSite: 'None',
    partitioned: true,
    maxAge: LOGIN_TTL_MS / 1000,
  });
  c.header('Cache-Control', 'no-store');
  return c.redirect(redirect, 302);
}

export const loginRoutes = new Hono<AppEnv>().get('/login', login).post('/login', login);
