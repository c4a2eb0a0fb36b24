import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { severityFromWord } from './alert-severity.js';
import { clampTitle, instantSchema, labelsSchema, MAX_ALERTS_PER_REQUEST, parseBody, type NormalizedAlert } from './normalized-alert.js';

/**
 * One alert in an Alertmanager webhook (version 4). Grafana's unified alerting posts the same
 * shape with extra fields, so its adapter extends these schemas. Unknown keys are ignored: both
 * projects add fields over time, and refusing them would drop real alerts.
 */
export const webhookAlertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelsSchema,
  annotations: labelsSchema.default({}),
  startsAt: instantSchema,
  endsAt: z.string().max(100).optional(),
  generatorURL: z.string().max(4000).optional(),
  fingerprint: z.string().min(1).max(200).optional(),
});

export const webhookEnvelopeShape = {
  status: z.enum(['firing', 'resolved']),
  receiver: z.string().max(500).optional(),
  groupKey: z.string().max(4000).optional(),
  groupLabels: labelsSchema.optional(),
  commonLabels: labelsSchema.optional(),
  commonAnnotations: labelsSchema.optional(),
  externalURL: z.string().max(4000).optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
};

export const alertmanagerWebhookSchema = z
  .object({
    version: z.literal('4'),
    ...webhookEnvelopeShape,
    alerts: z.array(webhookAlertSchema).min(1, 'must hold at least one alert').max(MAX_ALERTS_PER_REQUEST),
  })
  .openapi('AlertmanagerWebhook');

type WebhookAlert = z.infer<typeof webhookAlertSchema>;

/** Alertmanager's fingerprint is a hash of the label set; we make the same kind when one is missing. */
function labelFingerprint(labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((name) => [name, labels[name]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

/**
 * The alert's own slice of the webhook: the envelope with `alerts` narrowed to this one, so each
 * stored payload stands alone and no payload is stored once per alert it carried.
 */
export function ownSlice(body: unknown, index: number): unknown {
  const envelope = body as { alerts: unknown[] };
  return { ...envelope, alerts: [envelope.alerts[index]] };
}

export function toNormalized(alert: WebhookAlert, raw: unknown, extraDetails: Record<string, unknown> = {}): NormalizedAlert {
  const { summary, description, ...annotations } = alert.annotations;
  return {
    dedupKey: alert.fingerprint ?? labelFingerprint(alert.labels),
    title: clampTitle(summary ?? alert.labels.alertname ?? 'alert'),
    severity: severityFromWord(alert.labels.severity),
    status: alert.status,
    occurredAt: alert.startsAt,
    labels: alert.labels,
    details: {
      ...(description === undefined ? {} : { description }),
      ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
      ...(alert.generatorURL === undefined ? {} : { generatorURL: alert.generatorURL }),
      ...extraDetails,
    },
    raw,
  };
}

export function normalizeAlertmanager(body: unknown): NormalizedAlert[] {
  const webhook = parseBody(alertmanagerWebhookSchema, body, 'Alertmanager webhook');
  return webhook.alerts.map((alert, i) => toNormalized(alert, ownSlice(body, i)));
}
