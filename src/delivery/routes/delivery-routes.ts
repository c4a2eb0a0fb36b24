import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import type { Deliveries } from '../deliveries-module.js';
import { failureSchema, failuresQuery, incidentParams, languagePlanSchema, reasonBody, sendParams, sendSchema } from './delivery-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const tags = ['deliveries'];
const notFound = problemResponse('No such incident or send');

const startSend = secureRoute(PERMISSIONS.startSends, {
  method: 'post',
  path: '/api/v1/incidents/{id}/deliveries',
  tags,
  summary: 'Send the approved notice to individuals to every recipient imported so far',
  request: { params: incidentParams },
  responses: {
    202: jsonResponse(sendSchema, 'The send is recorded and the worker is sending; Location names its progress'),
    404: notFound,
    409: problemResponse('No approved notice, no recipients, an import still running, a language the notice lacks, or a send already running'),
  },
});

const listSends = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/deliveries',
  tags,
  summary: 'The incident’s sends with their progress, oldest first',
  request: { params: incidentParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(sendSchema) }), 'The sends'), 404: notFound },
});

const languages = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/deliveries/languages',
  tags,
  summary: 'Which language each group of recipients reads the notice in (their locale, where they live, or the notice’s primary language), and whether it is written in it',
  request: { params: incidentParams },
  responses: { 200: jsonResponse(languagePlanSchema, 'Recipients grouped by locale and jurisdiction, with their language'), 404: notFound },
});

const getSend = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/deliveries/{sendId}',
  tags,
  summary: 'A send’s progress: total, sent, failed, pending, rate per second and ETA',
  request: { params: sendParams },
  responses: { 200: jsonResponse(sendSchema, 'The send'), 404: notFound },
});

const changeResponses = { 200: jsonResponse(sendSchema, 'The send after the change'), 404: notFound, 409: problemResponse('The send is not in a state that allows this') };

const pauseSend = secureRoute(PERMISSIONS.stopSends, {
  method: 'post',
  path: '/api/v1/deliveries/{sendId}/pause',
  tags,
  summary: 'Pause a running send ({} or { "reason" }); messages already with the server finish',
  request: { params: sendParams, body: jsonBody(reasonBody) },
  responses: changeResponses,
});

const resumeSend = secureRoute(PERMISSIONS.startSends, {
  method: 'post',
  path: '/api/v1/deliveries/{sendId}/resume',
  tags,
  summary: 'Resume a paused send',
  request: { params: sendParams },
  responses: changeResponses,
});

const cancelSend = secureRoute(PERMISSIONS.stopSends, {
  method: 'post',
  path: '/api/v1/deliveries/{sendId}/cancel',
  tags,
  summary: 'Cancel a send for good ({} or { "reason" }); the approval stands, and a new send skips those already sent',
  request: { params: sendParams, body: jsonBody(reasonBody) },
  responses: changeResponses,
});

const listFailures = secureRoute(PERMISSIONS.readPersonalData, {
  method: 'get',
  path: '/api/v1/deliveries/{sendId}/failures',
  tags,
  summary: 'Recipients whose message failed for good, with the reason, one page at a time',
  request: { params: sendParams, query: failuresQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(failureSchema), nextCursor: z.string().nullable() }), 'A page of failures'), 404: notFound },
});

export function registerDeliveryRoutes(app: OpenAPIHono<AppEnv>, deliveries: Deliveries): void {
  const { sends, failures } = deliveries;
  app.openapi(startSend, async (c) => {
    const { id } = c.req.valid('param');
    const send = await sends.start(id, c.get('actor'));
    c.header('Location', `/api/v1/deliveries/${send.id}`);
    return c.json(send, 202);
  });
  app.openapi(listSends, async (c) => c.json({ items: await sends.list(c.req.valid('param').id) }, 200));
  app.openapi(languages, async (c) => c.json(await deliveries.languages(c.req.valid('param').id), 200));
  app.openapi(getSend, async (c) => c.json(await sends.get(c.req.valid('param').sendId), 200));
  app.openapi(pauseSend, async (c) => c.json(await sends.pause(c.req.valid('param').sendId, c.get('actor'), c.req.valid('json').reason), 200));
  app.openapi(resumeSend, async (c) => c.json(await sends.resume(c.req.valid('param').sendId, c.get('actor')), 200));
  app.openapi(cancelSend, async (c) => c.json(await sends.cancel(c.req.valid('param').sendId, c.get('actor'), c.req.valid('json').reason), 200));
  app.openapi(listFailures, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await failures.list(c.req.valid('param').sendId, limit, cursor), 200);
  });
}
