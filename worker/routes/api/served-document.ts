// The OpenAPI 3.1 document of the API as scripts/build.ts writes it (build/openapi.json), from the route
// definitions of ./schemas/. Written at build time because making it costs tens of milliseconds of CPU
// (about 70 ms cold in Node), several times what a request may take on Workers' free plan (10 ms); served
// as it is, it costs a JSON serialisation. test/worker/openapi-contract.test.ts checks that it is the
// document the mounted routes make.
import built from '../../../build/openapi.json';
import type { ApiDocument } from '../../../web/pages/api-docs.tsx';

export const apiDocument = built as unknown as ApiDocument;
