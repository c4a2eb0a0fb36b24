import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { createSourceSchema, updateSourceSchema } from '../source-schemas.js';
import type { SourceService } from '../source-service.js';
import { idParams, issuedSourceSchema, sourceSchema } from './alert-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';


const createSource = secureRoute(PERMISSIONS.administer, {
  method: 'post',
  path: '/api/v1/alert-sources',
  tags: ['alert sources'],
  summary: 'Configure an alert source; an hmac secret or PagerDuty routing key is in this response only',
  request: { body: jsonBody(createSourceSchema) },
  responses: { 201: jsonResponse(issuedSourceSchema, 'The source, with its credential (shown once)') },
});

const listSources = secureRoute(PERMISSIONS.administer, {
  method: 'get',
  path: '/api/v1/alert-sources',
  tags: ['alert sources'],
  summary: 'List alert sources (never their credentials)',
  responses: { 200: jsonResponse(z.object({ items: z.array(sourceSchema) }), 'All sources') },
});

const getSource = secureRoute(PERMISSIONS.administer, {
  method: 'get',
  path: '/api/v1/alert-sources/{id}',
  tags: ['alert sources'],
  summary: 'An alert source and its rules',
  request: { params: idParams },
  responses: { 200: jsonResponse(sourceSchema, 'The source'), 404: problemResponse('No such source') },
});

const updateSource = secureRoute(PERMISSIONS.administer, {
  method: 'patch',
  path: '/api/v1/alert-sources/{id}',
  tags: ['alert sources'],
  summary: 'Replace a source’s rules, or enable or disable it',
  request: { params: idParams, body: jsonBody(updateSourceSchema) },
  responses: { 200: jsonResponse(sourceSchema, 'The source after the change'), 404: problemResponse('No such source') },
});

const rotateCredential = secureRoute(PERMISSIONS.administer, {
  method: 'post',
  path: '/api/v1/alert-sources/{id}/credentials',
  tags: ['alert sources'],
  summary: 'Issue a new hmac secret or routing key; the old one stops working',
  request: { params: idParams },
  responses: { 200: jsonResponse(issuedSourceSchema, 'The source, with its new credential (shown once)'), 404: problemResponse('No such source') },
});

export function registerSourceRoutes(app: OpenAPIHono<AppEnv>, sources: SourceService): void {
  app.openapi(createSource, async (c) => {
    const source = await sources.create(c.req.valid('json'), c.get('actor'));
    c.header('Location', `/api/v1/alert-sources/${source.id}`);
    return c.json(source, 201);
  });
  app.openapi(listSources, async (c) => c.json({ items: await sources.list() }, 200));
  app.openapi(getSource, async (c) => c.json(await sources.get(c.req.valid('param').id), 200));
  app.openapi(updateSource, async (c) => c.json(await sources.update(c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 200));
  app.openapi(rotateCredential, async (c) => c.json(await sources.rotate(c.req.valid('param').id, c.get('actor')), 200));
}
