// The API's own routes: `GET /api/health` (the cheapest route, the benchmark's baseline), and the contract
// itself, `GET /api/openapi.json` and its reference page `GET /api/docs`.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { json, text } from './common.ts';
import { errors } from './errors.ts';

const tags = ['API'];

export const metaRoutes = {
  health: createRoute({
    method: 'get',
    path: '/health',
    operationId: 'health',
    tags,
    summary: 'Whether the worker answers',
    responses: { 200: json(z.object({ status: z.literal('ok') }).strict(), 'It does.'), ...errors() },
  }),
  document: createRoute({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    tags,
    summary: 'This document (OpenAPI 3.1)',
    responses: {
      200: json(z.object({ openapi: z.string().startsWith('3.1') }).loose(), 'The OpenAPI 3.1 document of the API.'),
      ...errors(),
    },
  }),
  docs: createRoute({
    method: 'get',
    path: '/docs',
    operationId: 'apiReference',
    tags,
    summary: 'The reference page of this document (HTML, no script needed)',
    responses: { 200: text('text/html', 'The reference page.'), ...errors() },
  }),
};
