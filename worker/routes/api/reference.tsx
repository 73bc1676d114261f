// The contract itself: `GET /api/openapi.json` (the OpenAPI 3.1 document) and `GET /api/docs`, its reference
// page, in the site's layout and in English (the language of the document).
import { renderPage } from '../../render/document.tsx';
import { JsonApi } from './json-api.ts';
import { metaRoutes } from './schemas/meta.ts';
import { apiDocument, apiReferenceHtml } from './served-document.ts';

export const referenceApi = new JsonApi()
  .openapi(metaRoutes.document, (c) => c.json(apiDocument, 200))
  // The content is rendered at build time (our own markup, from our own document); the layout round it once
  // per isolate (renderPage's cache), as it is the same for everyone until the next deploy.
  .openapi(metaRoutes.docs, (c) =>
    renderPage(c, 'en', <div dangerouslySetInnerHTML={{ __html: apiReferenceHtml }} />, {
      title: apiDocument.info.title,
      description: 'Every route of the JSON API: parameters, bodies, responses and their schemas.',
      cacheKey: 'api-docs',
    }),
  );
