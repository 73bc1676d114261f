// What scripts/build.ts makes of the API once, at build time, because each costs a request's worth of CPU or
// more (the document tens of milliseconds; the reference page about 15–25 ms in Node, more than the 10 ms a
// request may use on Workers' free plan): the OpenAPI document, and the reference page's content made from it.
import { renderToString } from 'preact-render-to-string';
import { ApiDocsPage, type ApiDocument } from '../../../web/pages/api-docs.tsx';

export { contractDocument } from './schemas/document.ts';

/** The reference page's content (the site's layout goes round it per request: worker/routes/api/reference.tsx). */
export const referenceHtml = (doc: ApiDocument) => renderToString(<ApiDocsPage doc={doc} />);
