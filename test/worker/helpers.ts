import { exports } from 'cloudflare:workers';

/** Sends a request to the worker under test, inside workerd. */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`http://127.0.0.1${path}`, init));
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
