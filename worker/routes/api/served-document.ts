// The OpenAPI 3.1 document of the API and its reference page's content, as scripts/build.ts writes them
// (build/openapi.json, build/api-reference.json) from the route definitions of ./schemas/. Made at build time
// because each costs more CPU than a request may use on Workers' free plan (./build-time.tsx); served as they
// are. test/worker/openapi-document.test.ts checks that they are what the mounted routes and the page make.
import built from '../../../build/openapi.json';
import reference from '../../../build/api-reference.json';
import type { ApiDocument } from '../../../web/pages/api-docs.tsx';

export const apiDocument = built as unknown as ApiDocument;

/** The reference page's content: HTML rendered at build time from `apiDocument` by web/pages/api-docs.tsx. */
export const apiReferenceHtml: string = reference.html;
