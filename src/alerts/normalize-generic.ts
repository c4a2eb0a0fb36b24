import { z } from '@hono/zod-openapi';
import { ALERT_SEVERITIES } from './alert-severity.js';
import { clampTitle, detailsSchema, instantSchema, labelsSchema, parseBody, type NormalizedAlert } from './normalized-alert.js';

/** Breachline's own format: one alert per request, every field named, unknown fields refused. */
export const genericAlertSchema = z
  .object({
    source: z.string().min(1).max(200).openapi({ description: 'Name of the alert source (see /api/v1/alert-sources)' }),
    dedupKey: z.string().min(1).max(500).openapi({ description: 'Deliveries with the same key are one alert' }),
    title: z.string().trim().min(1, 'must not be empty').max(500),
    severity: z.enum(ALERT_SEVERITIES),
    status: z.enum(['firing', 'resolved']).default('firing'),
    occurredAt: instantSchema.optional().openapi({ description: 'When the condition began; defaults to the time of receipt' }),
    labels: labelsSchema.default({}),
    details: detailsSchema.default({}),
  })
  .strict()
  .openapi('GenericAlert');

export function normalizeGeneric(body: unknown, now: Date): NormalizedAlert[] {
  const alert = parseBody(genericAlertSchema, body, 'alert');
  return [
    {
      dedupKey: alert.dedupKey,
      title: clampTitle(alert.title),
      severity: alert.severity,
      status: alert.status,
      occurredAt: alert.occurredAt ?? now.toISOString(),
      labels: alert.labels,
      details: alert.details,
      raw: body,
    },
  ];
}
