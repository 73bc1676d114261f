import { exports } from 'cloudflare:workers';
import { apiDocument } from '../../worker/routes/api/served-document.ts';
import { contractChecker } from './contract.ts';

let checker: ReturnType<typeof contractChecker> | undefined;

/**
 * Sends a request to the worker under test, inside workerd. An answer below `/api/` must keep the contract
 * the worker publishes (`/api/openapi.json`): a status its operation lists, a media type it lists for that
 * status and a body its schema takes (test/worker/contract.ts). Otherwise this throws, naming the problems,
 * so every route test checks the contract too, on success and error alike.
 */
export async function request(path: string, init?: RequestInit): Promise<Response> {
  const req = new Request(`http://127.0.0.1${path}`, init);
  const { method, url } = req; // read before the worker takes the body
  const res = await exports.default.fetch(req);
  if (!new URL(url).pathname.startsWith('/api/')) return res;
  const problems = await (checker ??= contractChecker(apiDocument)).check(new Request(url, { method }), res);
  if (problems.length) throw new Error(`The answer breaks the API contract (/api/openapi.json):\n${problems.join('\n')}`);
  return res;
}

/** The visible text of an HTML page: tags dropped, entities decoded, white space folded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<\/?(option|select|br|li|p|div|h\d|dt|dd|legend|label|blockquote)\b[^>]*>/g, ' ') // block boundaries
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
