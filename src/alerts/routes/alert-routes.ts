import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Clock } from '../../clock.js';
import type { AppEnv } from '../../http/app-env.js';
import { jsonBody, jsonResponse, problemResponse, secureRoute } from '../../http/secure-route.js';
import { mergeSchema, promoteSchema, snoozeSchema, type AlertActions } from '../alert-actions.js';
import { listAlertsSchema, type AlertQuery } from '../alert-query.js';
import { alertDetailSchema, alertPageSchema, idParams } from './alert-schemas.js';
import { PERMISSIONS } from '../../auth/permissions.js';

const linked = z.object({ incidentId: z.string() });

const listAlerts = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/alerts',
  tags: ['alerts'],
  summary: 'List and search alerts, newest first, with filters and cursor pages',
  request: { query: listAlertsSchema },
  responses: { 200: jsonResponse(alertPageSchema, 'One page; pass nextCursor as cursor for the next') },
});

const getAlert = secureRoute(PERMISSIONS.read, {
  method: 'get',
  path: '/api/v1/alerts/{id}',
  tags: ['alerts'],
  summary: 'An alert with its first and latest payload',
  request: { params: idParams },
  responses: { 200: jsonResponse(alertDetailSchema, 'The alert'), 404: problemResponse('No such alert') },
});

const promoteAlert = secureRoute(PERMISSIONS.actOnAlerts, {
  method: 'post',
  path: '/api/v1/alerts/{id}/promote',
  tags: ['alerts'],
  summary: 'Open an incident from an alert and link it',
  request: { params: idParams, body: jsonBody(promoteSchema) },
  responses: {
    201: jsonResponse(linked, 'The new incident; Location names it'),
    404: problemResponse('No such alert'),
    409: problemResponse('The alert is on an incident already'),
  },
});

const mergeAlert = secureRoute(PERMISSIONS.actOnAlerts, {
  method: 'post',
  path: '/api/v1/alerts/{id}/merge',
  tags: ['alerts'],
  summary: 'Link an alert to an existing incident',
  request: { params: idParams, body: jsonBody(mergeSchema) },
  responses: {
    200: jsonResponse(linked, 'Linked; the incident’s timeline shows ALERT_LINKED'),
    404: problemResponse('No such alert or incident'),
    409: problemResponse('The alert is on an incident already, or the incident takes no alerts (dismissed, closed)'),
  },
});

const snoozeAlert = secureRoute(PERMISSIONS.actOnAlerts, {
  method: 'post',
  path: '/api/v1/alerts/{id}/snooze',
  tags: ['alerts'],
  summary: 'Snooze an alert: its deliveries are stored but open no incident until then',
  request: { params: idParams, body: jsonBody(snoozeSchema) },
  responses: { 200: jsonResponse(z.object({ snoozedUntil: z.string() }), 'Snoozed'), 404: problemResponse('No such alert') },
});

export function registerAlertRoutes(app: OpenAPIHono<AppEnv>, query: AlertQuery, actions: AlertActions, clock: Clock): void {
  app.openapi(listAlerts, async (c) => c.json(await query.list(c.req.valid('query'), clock()), 200));
  app.openapi(getAlert, async (c) => c.json(await query.get(c.req.valid('param').id), 200));

  // An alert already on an incident is an AlertLinkedError: a 409 of type alert-linked (problem.ts).
  app.openapi(promoteAlert, async (c) => {
    const result = await actions.promote(c.req.valid('param').id, c.req.valid('json'), c.get('actor'));
    c.header('Location', `/api/v1/incidents/${result.incidentId}`);
    return c.json(result, 201);
  });

  app.openapi(mergeAlert, async (c) => c.json(await actions.merge(c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 200));

  app.openapi(snoozeAlert, async (c) => c.json(await actions.snooze(c.req.valid('param').id, c.req.valid('json'), c.get('actor')), 200));
}
