// The contract itself: `GET /api/openapi.json` (the OpenAPI 3.1 document) and `GET /api/docs`, the reference
// page made from it, in the site's layout, in English (the language of the document).
import { ApiDocsPage } from '../../../web/pages/api-docs.tsx';
import { renderPage } from '../../render/document.tsx';
import { JsonApi } from './json-api.ts';
import { metaRoutes } from './schemas/meta.ts';
import { apiDocument } from './served-document.ts';

export const referenceApi = new JsonApi()
  .openapi(metaRoutes.document, (c) => c.json(apiDocument, 200))
  // The same for everyone until the next deploy: rendered once per isolate (renderPage's cache).
  .openapi(metaRoutes.docs, (c) =>
    renderPage(c, 'en', <ApiDocsPage doc={apiDocument} />, {
      title: apiDocument.info.title,
      description: 'Every route of the JSON API: parameters, bodies, responses and their schemas.',
      cacheKey: 'api-docs',
    }),
  );
