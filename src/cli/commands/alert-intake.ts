import { createHmac } from 'node:crypto';
import type { ApiClient } from '../api-client.js';
import { usageError } from '../cli-errors.js';

export const ALERT_KINDS = ['generic', 'alertmanager', 'grafana', 'pagerduty'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Where each kind of sender posts, under /api/v1. */
const INTAKE_PATHS: Record<AlertKind, string> = {
  generic: '/alerts',
  alertmanager: '/alerts/alertmanager',
  grafana: '/alerts/grafana',
  pagerduty: '/alerts/pagerduty',
};

export interface Delivery {
  kind: AlertKind;
  document: unknown;
  source: string | undefined;
  /** An hmac source's secret: sign the body and send no token. */
  secret: string | undefined;
}

/** What a monitor of this kind would send: the path, its query and the body (the source filled in where it belongs). */
function requestFor({ kind, document, source, secret }: Delivery): { path: string; query: Record<string, string>; body: unknown } {
  if (kind === 'pagerduty' && (source !== undefined || secret !== undefined)) {
    throw usageError('--kind pagerduty: the routing_key in the file names and authenticates the source; leave out --source and --secret');
  }
  if ((kind === 'alertmanager' || kind === 'grafana') && source === undefined) {
    throw usageError(`--kind ${kind}: --source <name> is required (the webhook names its source in the URL)`);
  }
  if (kind === 'generic' && source !== undefined) {
    if (document === null || typeof document !== 'object' || Array.isArray(document)) throw usageError('--source: the alert file must hold one alert (a mapping)');
    return { path: INTAKE_PATHS.generic, query: {}, body: { ...document, source } };
  }
  return { path: INTAKE_PATHS[kind], query: source === undefined ? {} : { source }, body: document };
}

/**
 * Posts an alert as a monitor would. With a token by default; signed with the source's secret, or
 * (PagerDuty) authenticated by the routing key in the body, it carries no token, as those senders do.
 */
export async function deliver(api: ApiClient, delivery: Delivery): Promise<unknown> {
  const { path, query, body } = requestFor(delivery);
  if (delivery.kind !== 'pagerduty' && delivery.secret === undefined) return api.post(path, body, { query });
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {};
  // The signature covers exactly these bytes, so they are what is sent.
  if (delivery.secret !== undefined) headers['X-Breachline-Signature'] = `sha256=${createHmac('sha256', delivery.secret).update(text).digest('hex')}`;
  return api.call('POST', path, { query, body: text, contentType: 'application/json', headers, anonymous: true });
}
