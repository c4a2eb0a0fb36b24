import { z } from '@hono/zod-openapi';
import { MAX_ALERTS_PER_REQUEST, parseBody, type NormalizedAlert } from './normalized-alert.js';
import { ownSlice, toNormalized, webhookAlertSchema, webhookEnvelopeShape } from './normalize-alertmanager.js';

const url = z.string().max(4000).optional();

/** Grafana unified alerting's webhook (version "1"): Alertmanager's shape plus Grafana's extras. */
const grafanaAlertSchema = webhookAlertSchema.extend({
  values: z.record(z.string(), z.number().nullable()).nullable().optional(),
  valueString: z.string().max(10_000).optional(),
  dashboardURL: url,
  panelURL: url,
  silenceURL: url,
  imageURL: url,
});

export const grafanaWebhookSchema = z
  .object({
    version: z.literal('1'),
    ...webhookEnvelopeShape,
    orgId: z.number().int().optional(),
    state: z.string().max(50).optional(),
    title: z.string().max(2000).optional(),
    message: z.string().max(100_000).optional(),
    alerts: z.array(grafanaAlertSchema).min(1, 'must hold at least one alert').max(MAX_ALERTS_PER_REQUEST),
  })
  .openapi('GrafanaWebhook');

export function normalizeGrafana(body: unknown): NormalizedAlert[] {
  const webhook = parseBody(grafanaWebhookSchema, body, 'Grafana webhook');
  return webhook.alerts.map((alert, i) => {
    const { values, valueString, dashboardURL, panelURL, silenceURL, imageURL } = alert;
    const extras = Object.entries({ values, valueString, dashboardURL, panelURL, silenceURL, imageURL }).filter(([, v]) => v != null && v !== '');
    return toNormalized(alert, ownSlice(body, i), Object.fromEntries(extras));
  });
}
