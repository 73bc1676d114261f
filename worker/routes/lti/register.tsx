import { Hono, type Context } from 'hono';
import { RegisteredPage } from '../../../web/pages/lti/registered.tsx';
import type { AppEnv } from '../../env.ts';
import { allowFraming } from '../../http/security-headers.ts';
import { renderPage } from '../../render/document.tsx';
import { tFor } from '../../render/i18n.ts';
import { pageLanguage } from '../../render/ui-language.ts';
import { platformOrigins } from '../../services/lti/platforms.ts';
import { registerDynamically } from '../../services/lti/registration.ts';
import { forgetFramingOrigins } from '../../http/security-headers.ts';

/**
 * Tells the platform's registration window that we are done (Dynamic Registration 1.0 §3.6.3): a script
 * file, since the CSP allows no inline script.
 */
const CLOSE_SCRIPT = "(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');\n";

/** The page a platform opens to register the tool: `?openid_configuration=…&registration_token=…` (+ our `invite`). */
async function register(c: Context<AppEnv>) {
  const lang = pageLanguage(c);
  const platform = await registerDynamically(c.env, new URL(c.req.url).origin, {
    invite: c.req.query('invite'),
    configUrl: c.req.query('openid_configuration'),
    token: c.req.query('registration_token'),
  });
  forgetFramingOrigins();
  allowFraming(c, platformOrigins(platform));
  c.header('Cache-Control', 'no-store');
  const page = renderPage(c, lang, <RegisteredPage issuer={platform.issuer} name={platform.name} />, {
    title: tFor(lang)('lti.registered.title'),
  });
  // The one script of this page: appended to the rendered document (no island, no inline code).
  const html = (await page.text()).replace('</body>', '<script src="/lti/close.js"></script></body>');
  return c.html(html, 200);
}

export const registerRoutes = new Hono<AppEnv>().get('/register', register).get('/close.js', (c) => {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.body(CLOSE_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
});
