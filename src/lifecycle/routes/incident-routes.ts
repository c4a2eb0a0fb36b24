import type { OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { exportIncidentAudit } from '../../audit/export.js';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { etag, ifMatchVersion } from '../../http/versions.js';
import { createIncidentSchema, listIncidentsSchema } from '../incident-inputs.js';
import type { IncidentService } from '../incident-service.js';
import { publicEventSchema } from '../events.js';
import { incidentIdParams, incidentPageSchema, incidentSchema, timelineSchema } from './incident-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';


const createIncident = secureRoute(PERMISSIONS.openIncident, {
  method: 'post',
  path: '/api/v1/incidents',
  tags: ['incidents'],
  summary: 'Open an incident (phase detected)',
  request: { body: jsonBody(createIncidentSchema) },
  responses: { 201: jsonResponse(incidentSchema, 'The new incident; Location names it') },
});

const listIncidents = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents',
  tags: ['incidents'],
  summary: 'List incidents, newest first, with filters and cursor pages',
  request: { query: listIncidentsSchema },
  responses: { 200: jsonResponse(incidentPageSchema, 'One page; pass nextCursor as cursor for the next') },
});

const getIncident = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}',
  tags: ['incidents'],
  summary: 'An incident: phase, tracks, obligations, context and the events allowed now',
  request: { params: incidentIdParams },
  responses: { 200: jsonResponse(incidentSchema, 'The incident; ETag is its version'), 404: problemResponse('No such incident') },
});

const sendEvent = secureRoute(PERMISSIONS.sendIncidentEvents, {
  method: 'post',
  path: '/api/v1/incidents/{id}/events',
  tags: ['incidents'],
  summary: 'Send a lifecycle event',
  description:
    'Moves the incident when its state accepts the event. `If-Match: "<version>"` makes the write conditional (412 when ' +
    'the incident has moved on). Some events are for certain roles only (see the README).',
  request: { params: incidentIdParams, body: jsonBody(publicEventSchema) },
  responses: {
    200: jsonResponse(incidentSchema, 'The incident after the event'),
    404: problemResponse('No such incident'),
    409: problemResponse('The state refuses this event; allowedEvents lists what it accepts'),
    412: problemResponse('If-Match named another version'),
  },
});

const getTimeline = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/timeline',
  tags: ['incidents'],
  summary: 'Every event the incident accepted, oldest first',
  request: { params: incidentIdParams },
  responses: { 200: jsonResponse(timelineSchema, 'The timeline'), 404: problemResponse('No such incident') },
});

const exportAudit = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/incidents/{id}/audit',
  tags: ['audit'],
  summary: 'The incident’s audit trail as JSON lines, with hashes, for verification elsewhere',
  request: { params: incidentIdParams },
  responses: {
    200: { description: 'One JSON object per line', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
    404: problemResponse('No such incident'),
  },
});

export function registerIncidentRoutes(app: OpenAPIHono<AppEnv>, incidents: IncidentService, db: Parameters<typeof exportIncidentAudit>[0]): void {
  app.openapi(createIncident, async (c) => {
    const incident = await incidents.create(c.req.valid('json'), c.get('actor'));
    c.header('Location', `/api/v1/incidents/${incident.id}`);
    c.header('ETag', etag(incident.version));
    return c.json(incident, 201);
  });

  app.openapi(listIncidents, async (c) => c.json(await incidents.list(c.req.valid('query')), 200));

  app.openapi(getIncident, async (c) => {
    const incident = await incidents.get(c.req.valid('param').id);
    c.header('ETag', etag(incident.version));
    return c.json(incident, 200);
  });

  app.openapi(sendEvent, async (c) => {
    const expectedVersion = ifMatchVersion(c);
    const incident = await incidents.send(c.req.valid('param').id, c.req.valid('json'), { actor: c.get('actor'), expectedVersion });
    c.header('ETag', etag(incident.version));
    return c.json(incident, 200);
  });

  app.openapi(getTimeline, async (c) => c.json({ items: await incidents.timeline(c.req.valid('param').id) }, 200));

  app.openapi(exportAudit, async (c) => {
    const { id } = c.req.valid('param');
    await incidents.get(id); // 404 before the stream starts, not halfway through it
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="incident-${id}-audit.jsonl"`);
    return stream(c, async (out) => {
      for await (const line of exportIncidentAudit(db, id)) await out.write(line);
    }) as never;
  });
}
