import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { problem } from '../../http/problem.js';
import { jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { FileTooLargeError, ImportRefusedError, MalformedFileError, UploadInterruptedError } from '../import-errors.js';
import { bodyStream, importFormat } from '../import-request.js';
import type { Recipients } from '../recipients-module.js';
import { rejectionsCsv } from '../rejections-csv.js';
import { importParams, importSchema, incidentParams, listQuery, recipientSchema, summarySchema } from './recipient-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const tags = ['recipients'];
const notFound = problemResponse('No such incident or import');

const importRecipients = secureRoute(PERMISSIONS.importRecipients, {
  method: 'post',
  path: '/api/v1/incidents/{id}/recipients',
  tags,
  summary: 'Import recipients from a text/csv (header row) or application/x-ndjson body, streamed; columns email, name, locale, jurisdiction, others custom',
  request: { params: incidentParams },
  responses: {
    201: jsonResponse(summarySchema, 'The import is complete; Location names its summary'),
    400: problemResponse('The file is malformed from a named row on; nothing was imported'),
    404: notFound,
    409: problemResponse('The incident is closed or dismissed, or another import into it is running'),
    413: problemResponse('The file is larger than RECIPIENTS_MAX_BYTES'),
    415: problemResponse('Not text/csv or application/x-ndjson'),
  },
});

const listRecipients = secureRoute(PERMISSIONS.readPersonalData, {
  method: 'get',
  path: '/api/v1/incidents/{id}/recipients',
  tags,
  summary: 'The incident’s recipients from complete imports, in import order, one page at a time',
  request: { params: incidentParams, query: listQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(recipientSchema), nextCursor: z.string().nullable() }), 'A page of recipients'), 404: notFound },
});

const listImports = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/recipient-imports',
  tags,
  summary: 'The incident’s recipient imports with their counts, oldest first',
  request: { params: incidentParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(importSchema) }), 'The imports'), 404: notFound },
});

const getImport = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/recipient-imports/{importId}',
  tags,
  summary: 'One import’s summary: status and counts',
  request: { params: importParams },
  responses: { 200: jsonResponse(importSchema, 'The import'), 404: notFound },
});

const getRejections = secureRoute(PERMISSIONS.readPersonalData, {
  method: 'get',
  path: '/api/v1/incidents/{id}/recipient-imports/{importId}/rejections',
  tags,
  summary: 'The rejected and duplicate rows of an import as CSV: row, reason, email as given',
  request: { params: importParams },
  responses: { 200: { description: 'CSV, streamed', content: { 'text/csv': { schema: z.string() } } }, 404: notFound },
});

/** Answers without reading the rest of the body, so the connection cannot carry another request. */
function refuse(c: Context<AppEnv>, status: 400 | 409 | 413 | 415, slug: string, detail: string, extra = {}): Response {
  c.header('Connection', 'close');
  return problem(c, status, slug, detail, extra);
}

export function registerRecipientRoutes(app: OpenAPIHono<AppEnv>, recipients: Recipients): void {
  const { imports, queries, maxBytes } = recipients;

  app.openapi(importRecipients, (async (c: Context<AppEnv>) => {
    const { id } = c.req.param() as { id: string };
    const format = importFormat(c.req.header('Content-Type'));
    if (format === undefined) return refuse(c, 415, 'unsupported-media-type', 'send recipients as text/csv or application/x-ndjson');
    const length = c.req.header('Content-Length');
    if (length !== undefined && parseInt(length, 10) > maxBytes) return refuse(c, 413, 'too-large', `recipient files are limited to ${maxBytes} bytes`);
    const actor = c.get('actor');
    try {
      const importId = await imports.begin(id, format, actor);
      const summary = await imports.run(id, importId, format, bodyStream(c), maxBytes, actor);
      c.header('Location', `/api/v1/incidents/${id}/recipient-imports/${importId}`);
      return c.json(summary, 201);
    } catch (error) {
      if (error instanceof ImportRefusedError) return refuse(c, 409, 'import-refused', error.message);
      if (error instanceof FileTooLargeError) return refuse(c, 413, 'too-large', `${error.message}; nothing was imported`);
      if (error instanceof UploadInterruptedError) return refuse(c, 400, 'upload-interrupted', error.message);
      if (error instanceof MalformedFileError) {
        return refuse(c, 400, 'malformed-file', `${error.message}; nothing was imported`, { errors: [{ path: `row ${error.row}`, message: error.reason }] });
      }
      throw error;
    }
  }) as never);

  app.openapi(listRecipients, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await queries.list(c.req.valid('param').id, limit, cursor), 200);
  });
  app.openapi(listImports, async (c) => c.json({ items: await queries.imports(c.req.valid('param').id) }, 200));
  app.openapi(getImport, async (c) => {
    const { id, importId } = c.req.valid('param');
    return c.json(await queries.import(id, importId), 200);
  });
  app.openapi(getRejections, (async (c: Context<AppEnv>) => {
    const { id, importId } = c.req.param() as { id: string; importId: string };
    await queries.import(id, importId);
    return c.body(rejectionsCsv(queries, importId), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rejections-${importId}.csv"`,
    });
  }) as never);
}
