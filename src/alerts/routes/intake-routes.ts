import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env.js';
import { jsonResponse, problemResponse } from '../../http/secure-route.js';
import type { TokenService } from '../../tokens/token-service.js';
import type { Clock } from '../../clock.js';
import { UNKNOWN_SOURCE, type AlertMetrics } from '../alert-metrics.js';
import { admit } from '../intake-request.js';
import { INTAKE_PATHS } from '../intake-paths.js';
import type { IntakeService } from '../intake-service.js';
import type { AlertKind, NormalizedAlert } from '../normalized-alert.js';
import { alertmanagerWebhookSchema, normalizeAlertmanager } from '../normalize-alertmanager.js';
import { genericAlertSchema, normalizeGeneric } from '../normalize-generic.js';
import { grafanaWebhookSchema, normalizeGrafana } from '../normalize-grafana.js';
import { normalizePagerDuty, pagerdutyEventSchema } from '../normalize-pagerduty.js';
import { SIGNATURE_HEADER } from '../source-credentials.js';
import type { SourceService } from '../source-service.js';
import { receiptsSchema } from './alert-schemas.js';

export interface IntakeDeps {
  tokens: TokenService;
  sources: SourceService;
  intake: IntakeService;
  metrics: AlertMetrics;
  clock: Clock;
}

const sourceQuery = z.object({ source: z.string().openapi({ param: { name: 'source', in: 'query' }, description: 'Name of the alert source' }) });
const errors = {
  400: problemResponse('Malformed JSON, an invalid field (named), an unknown source or one of another kind'),
  401: problemResponse('Missing or bad credentials: token, signature or routing key'),
  403: problemResponse('A token of a role other than ingest, or a disabled source'),
  413: problemResponse('Body larger than BODY_LIMIT_BYTES'),
  415: problemResponse('Not JSON'),
};
const signed = [{ bearerAuth: [] }, { alertSignature: [] }];

const DOCS: Record<AlertKind, { summary: string; description: string; schema: unknown; query: boolean }> = {
  generic: {
    summary: 'Post one alert in Breachline’s own format',
    description: 'The body names its source. Authenticate with an ingest token, or sign the raw body (X-Breachline-Signature: sha256=<hex>) for an hmac source.',
    schema: genericAlertSchema,
    query: false,
  },
  alertmanager: {
    summary: 'Prometheus Alertmanager webhook (version 4)',
    description: 'Configure the webhook URL with ?source=<name>. Alerts are deduplicated by fingerprint.',
    schema: alertmanagerWebhookSchema,
    query: true,
  },
  grafana: {
    summary: 'Grafana unified-alerting webhook (version 1)',
    description: 'Configure the contact point URL with ?source=<name>. Alerts are deduplicated by fingerprint.',
    schema: grafanaWebhookSchema,
    query: true,
  },
  pagerduty: {
    summary: 'PagerDuty Events API v2 (enqueue)',
    description: 'The routing_key in the body identifies and authenticates the source; a bearer token is optional (ingest only).',
    schema: pagerdutyEventSchema,
    query: false,
  },
};

/** The four intake endpoints: documented in OpenAPI, authenticated by `admit`, not by the API's bearer middleware. */
export function registerIntakeRoutes(app: OpenAPIHono<AppEnv>, deps: IntakeDeps): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'alertSignature', {
    type: 'apiKey',
    in: 'header',
    name: SIGNATURE_HEADER,
    description: 'sha256=<hex HMAC-SHA256 of the raw request body, keyed with the source’s secret>',
  });
  for (const kind of Object.keys(INTAKE_PATHS) as AlertKind[]) {
    const docs = DOCS[kind];
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: INTAKE_PATHS[kind],
      tags: ['alert intake'],
      summary: docs.summary,
      description: docs.description,
      security: kind === 'pagerduty' ? [{ bearerAuth: [] }, {}] : signed,
      'x-roles': ['ingest'],
      request: {
        ...(docs.query ? { query: sourceQuery } : {}),
        body: { required: true, content: { 'application/json': { schema: docs.schema as z.ZodType } } },
      },
      responses:
        kind === 'pagerduty'
          ? { 202: jsonResponse(z.object({ status: z.literal('success'), message: z.string(), dedup_key: z.string() }), 'Committed'), ...errors }
          : { 200: jsonResponse(receiptsSchema, 'Committed: one receipt per alert, in the order sent'), ...errors },
    } as Parameters<typeof app.openAPIRegistry.registerPath>[0]);
    app.post(INTAKE_PATHS[kind], (c) => handle(c, kind, deps));
  }
}

/** Counts a refused request as `rejected` under its source, once the source is known. */
async function handle(c: Context<AppEnv>, kind: AlertKind, deps: IntakeDeps): Promise<Response> {
  let sourceName = UNKNOWN_SOURCE;
  try {
    const response = await intake(c, kind, deps, (name) => (sourceName = name));
    if (response.status >= 400) deps.metrics.count(sourceName, 'rejected');
    return response;
  } catch (error) {
    deps.metrics.count(sourceName, 'rejected');
    throw error;
  }
}

async function intake(c: Context<AppEnv>, kind: AlertKind, deps: IntakeDeps, onSource: (name: string) => void): Promise<Response> {
  const admitted = await admit(c, kind, deps.tokens, deps.sources, onSource);
  if (admitted instanceof Response) return admitted;
  const { source, body, pagerduty } = admitted;
  const now = deps.clock();
  let alerts: NormalizedAlert[];
  if (pagerduty !== null) alerts = [normalizePagerDuty(pagerduty, now)];
  else if (kind === 'alertmanager') alerts = normalizeAlertmanager(body);
  else if (kind === 'grafana') alerts = normalizeGrafana(body);
  else alerts = normalizeGeneric(body, now);
  const receipts = await deps.intake.ingest(source, alerts);
  if (kind === 'pagerduty') return c.json({ status: 'success', message: 'Event processed', dedup_key: receipts[0]!.dedupKey }, 202);
  return c.json({ alerts: receipts }, 200);
}
