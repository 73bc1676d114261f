// The one way an enhancer submits a form: the same request the browser would make without JavaScript
// (method, action, fields, the pressed button), answered with the same HTML page, of which the enhancer takes
// the part it shows. Grading, validation and rendering stay on the server, on one path (decision record 0016).
import { enhanceWithin } from './client.ts';

/** The URL and request a plain submit of `form` would make (GET: fields in the query; POST: a form body). */
export function formRequest(form: HTMLFormElement, submitter?: HTMLElement | null): { url: string; init: RequestInit } {
  const data = new FormData(form, submitter ?? null);
  const method = (form.getAttribute('method') ?? 'get').toUpperCase();
  const headers = { accept: 'text/html' };
  const fields = new URLSearchParams(data as unknown as Record<string, string>);
  if (method === 'GET') {
    const url = new URL(form.action);
    url.search = fields.toString();
    return { url: url.href, init: { headers, credentials: 'same-origin' } };
  }
  return { url: form.action, init: { method, headers, body: fields, credentials: 'same-origin' } };
}

/**
 * Submits `form` as the browser would and returns the server's page, parsed; `null` when the answer is not
 * an HTML page (the caller then lets the browser submit, and the server's page shows whatever went wrong).
 * A network failure rejects.
 */
export async function submitForPage(form: HTMLFormElement, submitter?: HTMLElement | null): Promise<Document | null> {
  const { url, init } = formRequest(form, submitter);
  return fetchPage(url, init);
}

/** A page of this app as the browser would load it, parsed; `null` when the answer is not an HTML page. A network failure rejects. */
export async function fetchPage(
  url: string | URL,
  init: RequestInit = { headers: { accept: 'text/html' }, credentials: 'same-origin' },
): Promise<Document | null> {
  const res = await fetch(url, init);
  if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/html')) return null;
  return new DOMParser().parseFromString(await res.text(), 'text/html');
}

/**
 * Puts the children of `from` (an element of a parsed server page) into `into`, replacing what it held, and
 * enhances the islands among them.
 */
export function swapIn(into: HTMLElement, from: Node): void {
  into.replaceChildren(...[...from.childNodes].map((n) => document.importNode(n, true)));
  enhanceWithin(into);
}
