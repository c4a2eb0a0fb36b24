import { z } from '@hono/zod-openapi';
import { ALERT_SEVERITIES } from '../alert-severity.js';
import { ALERT_KINDS } from '../normalized-alert.js';
import { rulesSchema } from '../source-schemas.js';

/** Response shapes of the alert routes, for the OpenAPI document and for tests to check against. */
const instant = z.string().openapi({ format: 'date-time', example: '2026-03-06T10:00:00.000Z' });

export const receiptsSchema = z
  .object({
    alerts: z.array(
      z.object({
        id: z.string().nullable(),
        dedupKey: z.string(),
        outcome: z.enum(['created', 'deduplicated', 'resolved', 'snoozed', 'unmatched']),
        status: z.enum(['firing', 'resolved']),
        incidentId: z.string().nullable(),
      }),
    ),
  })
  .openapi('AlertReceipts');

export const alertSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    sourceId: z.string(),
    dedupKey: z.string(),
    title: z.string(),
    severity: z.enum(ALERT_SEVERITIES),
    status: z.enum(['firing', 'resolved']),
    labels: z.record(z.string(), z.string()),
    details: z.record(z.string(), z.unknown()),
    occurredAt: instant,
    firstSeenAt: instant,
    lastSeenAt: instant,
    count: z.number().int().openapi({ description: 'Deliveries of this alert, the first included' }),
    resolvedAt: instant.nullable(),
    snoozedUntil: instant.nullable(),
    incidentId: z.string().nullable(),
  })
  .openapi('Alert');

export const alertDetailSchema = alertSchema
  .extend({ payloads: z.object({ first: z.unknown(), last: z.unknown() }).openapi({ description: 'The sender’s JSON: first and latest delivery' }) })
  .openapi('AlertDetail');

export const alertPageSchema = z.object({ items: z.array(alertSchema), nextCursor: z.string().nullable() }).openapi('AlertPage');

export const sourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ALERT_KINDS),
    auth: z.enum(['token', 'hmac', 'routing_key']),
    credentialHint: z.string().nullable().openapi({ description: 'The first characters of the secret or routing key' }),
    rules: rulesSchema,
    enabled: z.boolean(),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi('AlertSource');

export const issuedSourceSchema = sourceSchema
  .extend({
    secret: z.string().optional().openapi({ description: 'hmac sources: the signing secret, shown only here' }),
    routingKey: z.string().optional().openapi({ description: 'PagerDuty sources: the routing key, shown only here' }),
  })
  .openapi('AlertSourceWithCredential');

export const idParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '0b8f0d5e-3c7e-4a53-9a57-2f2d9b3c1e11' }),
});
